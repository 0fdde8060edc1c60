/// What one basing achieves against a set of prepared flights (`PreparedFlights.engage`): which flights it intercepts
/// and the interceptor flight hours it spends, flights numbered as the Monte Carlo numbers them.
public struct BasingTrial: Sendable, Equatable {
  /// Per flight: intercepted or not.
  public var intercepted: [Bool]
  /// Flight hours of every sortie flown (both aircraft of each pair), found or not.
  public var flightHours: Double

  public init(intercepted: [Bool], flightHours: Double) {
    self.intercepted = intercepted
    self.flightHours = flightHours
  }

  /// Flights intercepted.
  public var interceptions: Int { intercepted.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// P(intercept) with its 95 % Wilson interval.
  public var interception: ComparisonTable.Interval {
    ComparisonTable.Interval(successes: interceptions, trials: intercepted.count)
  }

  /// Flight hours per simulated flight.
  public var flightHoursPerFlight: Double { flightHours / Double(max(intercepted.count, 1)) }
}
