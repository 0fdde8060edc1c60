import InterdictionModels

/// What a basing of `bases` stations costs in aircraft and money, and whether the scenario's budget buys it: each
/// station holds the rules' alert pairs around the clock, each pair needs `aircraftPerAlertPair` aircraft in the fleet
/// (maintenance, training, crew rest), bought at the interceptor's unit cost; the flight hours of a year of the
/// scenario's flights are costed at its cost per flight hour. The budget is an acquisition budget: the basing is
/// sustained when the aircraft it needs cost no more than the budget (types in service, with no unit cost, are not
/// bought: `acquisitionUSD` and `sustained` are nil).
public struct AlertBasingCost: Sendable, Equatable {
  public var alertPairs: Int
  public var aircraft: Int
  /// Aircraft × unit cost, US$ (nil for types in service).
  public var acquisitionUSD: Double?
  /// Interceptor flight hours of a year at the scenario's flights per day, and their cost, US$.
  public var flightHoursPerYear: Double
  public var flyingCostPerYearUSD: Double
  /// The budget, US$, and whether it buys the aircraft (nil for types in service).
  public var budgetUSD: Double
  public var sustained: Bool?

  /// The cost of `bases` stations with `interceptor` in `scenario`, whose flights spend `flightHoursPerFlight` each.
  public init(
    bases: Int, interceptor: InterceptorType, scenario: InterdictionScenario, flightHoursPerFlight: Double
  ) {
    let pairs = bases * max(1, Int(scenario.rules.alertPairsPerStation.value.rounded()))
    let aircraft = Int((Double(pairs) * scenario.aircraftPerAlertPair.value).rounded(.up))
    let acquisition = interceptor.unitCost.map { Double(aircraft) * $0.value }
    let hours = scenario.pattern.flightsPerDay.value * 365 * flightHoursPerFlight
    let budget = scenario.budget.value
    alertPairs = pairs
    self.aircraft = aircraft
    acquisitionUSD = acquisition
    flightHoursPerYear = hours
    flyingCostPerYearUSD = hours * interceptor.costPerFlightHour.value
    budgetUSD = budget
    sustained = acquisition.map { $0 <= budget }
  }
}
