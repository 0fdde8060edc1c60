/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator whose sequence is the same on every run and
/// machine, for reproducible samples and test data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The state, advanced by a fixed odd constant per draw.
  public var state: UInt64

  /// A generator whose sequence `seed` fixes.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.finalised(state)
  }

  /// SplitMix64's finaliser: a well-mixed 64-bit value of `value`.
  @inlinable public static func finalised(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
