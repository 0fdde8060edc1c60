/// A value together with where it comes from.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
  /// The value.
  public var value: Value
  /// Its source, derivation or assumption.
  public var provenance: Provenance

  /// Creates a sourced value.
  public init(_ value: Value, _ provenance: Provenance) {
    self.value = value
    self.provenance = provenance
  }
}
