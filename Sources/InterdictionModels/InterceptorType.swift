import RadarModels

/// An interceptor option: how fast it gets there, how long it can stay, how slowly it can fly beside a Cessna, and
/// what it costs.
public struct InterceptorType: Sendable, Equatable {
  /// An interceptor type's identifier.
  public typealias ID = Identifier<InterceptorType>

  public var id: ID
  public var name: String
  /// Transit speed, m/s.
  public var transitSpeed: Sourced<Double>
  /// Combat radius, metres.
  public var combatRadius: Sourced<Double>
  /// Endurance, seconds.
  public var endurance: Sourced<Double>
  /// Lowest practical speed beside a slow target, m/s.
  public var minimumEscortSpeed: Sourced<Double>
  /// On-board sensor range against a light aircraft, metres.
  public var sensorRange: Sourced<Double>
  /// Unit or package cost, US$ (nil for types in service and not for sale).
  public var unitCost: Sourced<Double>?
  /// Cost per flight hour, US$.
  public var costPerFlightHour: Sourced<Double>
  /// Probability that an alert aircraft is ready to launch when called.
  public var alertReadiness: Sourced<Double>

  public init(
    id: ID, name: String, transitSpeed: Sourced<Double>, combatRadius: Sourced<Double>, endurance: Sourced<Double>,
    minimumEscortSpeed: Sourced<Double>, sensorRange: Sourced<Double>, unitCost: Sourced<Double>?,
    costPerFlightHour: Sourced<Double>, alertReadiness: Sourced<Double>
  ) {
    self.id = id
    self.name = name
    self.transitSpeed = transitSpeed
    self.combatRadius = combatRadius
    self.endurance = endurance
    self.minimumEscortSpeed = minimumEscortSpeed
    self.sensorRange = sensorRange
    self.unitCost = unitCost
    self.costPerFlightHour = costPerFlightHour
    self.alertReadiness = alertReadiness
  }
}
