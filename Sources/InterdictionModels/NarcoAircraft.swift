import RadarModels

/// A kind of suspect aircraft: how it flies and how radars see it.
public struct NarcoAircraft: Sendable, Equatable {
  public var id: String
  public var name: String
  /// Share of flights of this type (weights are normalised over the scenario).
  public var share: Double
  /// Cruise true airspeed, m/s (ground speed: no wind is modelled).
  public var cruiseSpeed: Sourced<Double>
  /// Best rate of climb, m/s; descent is limited to the same rate.
  public var climbRate: Sourced<Double>
  /// Service ceiling, metres MSL.
  public var ceiling: Sourced<Double>
  /// Endurance, seconds.
  public var endurance: Sourced<Double>
  /// Radar cross-section, m² (Swerling 1).
  public var radarCrossSection: Sourced<Double>
  /// Probability that the transponder is on for a flight.
  public var transponderOnProbability: Sourced<Double>
  /// Cruise height above the ground, metres (terrain following).
  public var cruiseHeight: Sourced<Double>
  /// Time on the strip, seconds (least and most; drawn uniformly).
  public var groundTime: Sourced<ClosedRange<Double>>

  public init(
    id: String, name: String, share: Double, cruiseSpeed: Sourced<Double>, climbRate: Sourced<Double>,
    ceiling: Sourced<Double>, endurance: Sourced<Double>, radarCrossSection: Sourced<Double>,
    transponderOnProbability: Sourced<Double>, cruiseHeight: Sourced<Double>, groundTime: Sourced<ClosedRange<Double>>
  ) {
    self.id = id
    self.name = name
    self.share = share
    self.cruiseSpeed = cruiseSpeed
    self.climbRate = climbRate
    self.ceiling = ceiling
    self.endurance = endurance
    self.radarCrossSection = radarCrossSection
    self.transponderOnProbability = transponderOnProbability
    self.cruiseHeight = cruiseHeight
    self.groundTime = groundTime
  }
}
