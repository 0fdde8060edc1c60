/// Memory the kernel reuses from one radar (or run) to the next: the polar slope store and recycled output planes.
///
/// First-touch page faults cost more than the line-of-sight arithmetic on many machines, so a network run or a
/// benchmark passes one workspace to every `coverage` call and hands finished fields back with `recycle`.
/// A workspace serves one `coverage` call at a time.
public final class CoverageWorkspace {
  var store: [Float] = []
  private var spare: [[Float]] = []

  /// An empty workspace.
  public init() {}

  /// Gives a field's planes back for reuse once the caller is done with it (not its terrain, which it shares).
  public func recycle(_ field: consuming CoverageField) {
    spare.append(field.lowestAltitudeMSL)
    if let ceiling = field.ceilingMSL { spare.append(ceiling) }
    spare.removeAll { $0.isEmpty }
    // Planes of other sizes are never reused: keep the newest few, not one per window ever seen.
    if spare.count > Self.sparePlanes { spare.removeFirst(spare.count - Self.sparePlanes) }
  }

  /// Spare planes kept at most (a field's MSL and ceiling planes).
  static let sparePlanes = 2

  /// A slope store of at least `count` elements (contents undefined).
  func reserveStore(count: Int) {
    if store.count < count { store = LargeBuffer.floats(count: count) { _ in } }
  }

  /// A plane of `count` floats whose elements `initializer` writes, recycled when one of that size is spare.
  func plane(count: Int, _ initializer: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
    if let index = spare.firstIndex(where: { $0.count == count }) {
      var plane = spare.remove(at: index)
      plane.withUnsafeMutableBufferPointer { initializer($0.baseAddress!) }
      return plane
    }
    return LargeBuffer.floats(count: count, initializer)
  }
}
