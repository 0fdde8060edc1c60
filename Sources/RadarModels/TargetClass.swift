/// A kind of aircraft as radars see it: its radar cross-section and whether its transponder replies.
public struct TargetClass: Sendable, Equatable {
  /// Short identifier ("non-cooperative").
  public var id: String
  /// Display name.
  public var name: String
  /// Radar cross-section, m² (Swerling 1).
  public var radarCrossSection: Sourced<Double>
  /// Whether its transponder replies to secondary radars.
  public var transponderOn: Bool

  /// Creates a target class.
  public init(id: String, name: String, radarCrossSection: Sourced<Double>, transponderOn: Bool) {
    self.id = id
    self.name = name
    self.radarCrossSection = radarCrossSection
    self.transponderOn = transponderOn
  }
}
