/// One radar of a scenario: which type, whose, where, how high.
public struct RadarPlacement: Sendable, Equatable {
  /// Display name ("Puerto Maldonado TPS-70").
  public var name: String
  /// The operator ("FAP", "CORPAC"), matched by network configurations.
  public var `operator`: String
  /// The radar type.
  public var type: RadarType
  /// Latitude, degrees.
  public var latitude: Double
  /// Longitude, degrees.
  public var longitude: Double
  /// Antenna height above ground, metres.
  public var antennaHeight: Sourced<Double>
  /// Whether the site is notional (a planning assumption, not a real or announced radar).
  public var notional: Bool
  /// Where the siting comes from.
  public var provenance: Provenance

  /// Creates a placement.
  public init(
    name: String, operator: String, type: RadarType, latitude: Double, longitude: Double,
    antennaHeight: Sourced<Double>, notional: Bool, provenance: Provenance
  ) {
    self.name = name
    self.operator = `operator`
    self.type = type
    self.latitude = latitude
    self.longitude = longitude
    self.antennaHeight = antennaHeight
    self.notional = notional
    self.provenance = provenance
  }
}
