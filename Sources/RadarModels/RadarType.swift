/// A kind of radar (a preset): what it sees, how far, how often, and how reliably, each figure with its source.
public struct RadarType: Sendable, Equatable {
  /// A radar type's identifier.
  public typealias ID = Identifier<RadarType>

  /// Short identifier used in scenario files ("an-tps-70").
  public var id: ID
  /// Display name.
  public var name: String
  /// Primary or secondary.
  public var role: SensorRole
  /// Instrumented range, metres.
  public var instrumentedRange: Sourced<Double>
  /// Lowest and highest beam elevation, degrees.
  public var elevationLimits: Sourced<ClosedRange<Double>>
  /// Time between looks at a target, seconds.
  public var scanPeriod: Sourced<Double>
  /// Primary radars: range (metres) of Pd 0.5 per scan on a 1 m² Swerling 1 target.
  public var r50ForOneSquareMetre: Sourced<Double>?
  /// Secondary radars: per-scan probability of detecting a replying transponder.
  public var cooperativeDetection: Sourced<Double>?
  /// Default antenna height above ground, metres.
  public var antennaHeight: Sourced<Double>
  /// Share of time the radar is up.
  public var availability: Sourced<Double>
  /// Mean time to repair an outage, hours.
  public var meanTimeToRepair: Sourced<Double>

  /// Creates a radar type.
  public init(
    id: ID, name: String, role: SensorRole, instrumentedRange: Sourced<Double>,
    elevationLimits: Sourced<ClosedRange<Double>>, scanPeriod: Sourced<Double>,
    r50ForOneSquareMetre: Sourced<Double>?, cooperativeDetection: Sourced<Double>?, antennaHeight: Sourced<Double>,
    availability: Sourced<Double>, meanTimeToRepair: Sourced<Double>
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.instrumentedRange = instrumentedRange
    self.elevationLimits = elevationLimits
    self.scanPeriod = scanPeriod
    self.r50ForOneSquareMetre = r50ForOneSquareMetre
    self.cooperativeDetection = cooperativeDetection
    self.antennaHeight = antennaHeight
    self.availability = availability
    self.meanTimeToRepair = meanTimeToRepair
  }
}
