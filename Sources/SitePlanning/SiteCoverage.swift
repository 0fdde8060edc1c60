/// A radar's footprint and how often it is up: what the objective needs of a candidate or a base-network radar.
public struct SiteCoverage: Sendable, Equatable {
  /// A label for tables.
  public var name: String
  /// Fraction of the time the radar is up (0 to 1), independent of the other radars.
  public var availability: Double
  /// The cells it covers at each planning altitude.
  public var footprint: CoverageFootprint

  /// A radar's coverage for the objective.
  public init(name: String, availability: Double, footprint: CoverageFootprint) {
    self.name = name
    self.availability = availability
    self.footprint = footprint
  }
}
