/// How the Monte Carlo's flights fall into simulated days: flight `n` flies on day `n / k`, where `k` is the
/// scenario's flights per day rounded to a whole number (at least one). Flights of one day share that day's radar
/// outages and alert pairs; days follow one another, so day `d` starts `d × 86,400` seconds into the campaign.
package struct SimulatedDays: Sendable, Equatable {
  /// Whole flights flown each simulated day.
  package let flightsPerDay: Int

  /// Days of `flightsPerDay` flights (rounded; at least one).
  package init(flightsPerDay: Double) {
    self.flightsPerDay = max(1, Int(flightsPerDay.rounded()))
  }

  /// Seconds in a simulated day.
  package static let length = 86_400.0

  /// The day flight `flight` flies on.
  package func day(of flight: Int) -> Int { flight / flightsPerDay }

  /// The flights of day `day` among the first `count` flights.
  package func flights(on day: Int, count: Int) -> Range<Int> {
    min(day * flightsPerDay, count)..<min((day + 1) * flightsPerDay, count)
  }

  /// Days needed for `count` flights.
  package func days(for count: Int) -> Int { (count + flightsPerDay - 1) / flightsPerDay }

  /// Campaign time (seconds from the start of day 0) of time-of-day `time` (seconds from local midnight) on `day`.
  package func campaignTime(day: Int, time: Double) -> Double { Double(day) * Self.length + time }
}
