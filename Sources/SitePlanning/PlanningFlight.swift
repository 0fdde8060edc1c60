/// One simulated suspect flight as the planner sees it: where it was airborne, sample by sample. A radar covers the
/// flight when it sees at least one of these samples (`FlightCoverage`).
public struct PlanningFlight: Sendable, Equatable {
  /// One airborne moment of the flight.
  public struct Sample: Sendable, Equatable {
    /// Degrees, north positive.
    public var latitude: Double
    /// Degrees, east positive.
    public var longitude: Double
    /// Metres above mean sea level.
    public var altitude: Double

    /// A sample.
    public init(latitude: Double, longitude: Double, altitude: Double) {
      self.latitude = latitude
      self.longitude = longitude
      self.altitude = altitude
    }
  }

  /// The airborne samples, in time order.
  public var samples: [Sample]
  /// The samples' extent in degrees (west, south, east, north), for a quick test against a radar's window.
  public let extent: (west: Double, south: Double, east: Double, north: Double)

  /// A flight from its airborne samples.
  public init(samples: [Sample]) {
    self.samples = samples
    extent = (
      samples.map(\.longitude).min() ?? .infinity, samples.map(\.latitude).min() ?? .infinity,
      samples.map(\.longitude).max() ?? -.infinity, samples.map(\.latitude).max() ?? -.infinity
    )
  }

  public static func == (lhs: PlanningFlight, rhs: PlanningFlight) -> Bool { lhs.samples == rhs.samples }
}
