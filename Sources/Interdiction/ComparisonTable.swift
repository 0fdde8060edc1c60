import Foundation
import InterdictionModels

/// The comparison the procurement question needs, per network configuration × interceptor × basing: probabilities of
/// detection, confirmed track and interception with 95 % Wilson intervals, times from the border crossing, flight
/// hours and cost per interception, and the fleet and alert pairs the budget buys. Same seed, same bytes.
public struct ComparisonTable: Sendable {
  /// One combination's figures.
  public struct Row: Sendable, Codable, Equatable {
    public var network: String
    public var interceptor: String
    public var basing: String
    public var flights: Int
    public var outcomes: [String: Int]
    public var detection: Interval
    public var track: Interval
    public var interception: Interval
    /// Minutes from the border crossing: median and 90th percentile (nil when none happened).
    public var detectionMinutesMedian: Double?
    public var detectionMinutesP90: Double?
    public var interceptionMinutesMedian: Double?
    public var interceptionMinutesP90: Double?
    public var flightHoursPerInterception: Double?
    public var costPerInterceptionUSD: Double?
    /// At the scenario's flights per day: interceptions, interceptor flight hours and their cost in a year.
    public var interceptionsPerYear: Double
    public var flightHoursPerYear: Double
    public var costPerYearUSD: Double
    /// Aircraft the budget buys and the 24/7 alert pairs they sustain (nil for types not for sale).
    public var fleetAffordable: Int?
    public var alertPairsSustained: Int?
  }

  /// A proportion with its 95 % Wilson score interval.
  public struct Interval: Sendable, Codable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double

    /// The Wilson interval of `successes` out of `trials` (z = 1.96).
    public init(successes: Int, trials: Int) {
      let n = Double(max(trials, 1))
      let p = Double(successes) / n
      let z = 1.96
      let denominator = 1 + z * z / n
      let centre = (p + z * z / (2 * n)) / denominator
      let half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
      estimate = p
      low = max(0, centre - half)
      high = min(1, centre + half)
    }
  }

  public var scenario: String
  public var seed: UInt64
  public var rows: [Row]

  /// Summarises every record of a Monte Carlo run (`MonteCarlo.run`), by sorting; rows follow `order`.
  public init(
    scenario: InterdictionScenario, seed: UInt64, results: [MonteCarlo.Combination: [FlightRecord]],
    order: [MonteCarlo.Combination]
  ) {
    self.init(
      scenario: scenario, seed: seed,
      combinations: order.compactMap { combination in
        results[combination].map { MonteCarloSummary.Combination(combination: combination, records: $0) }
      })
  }

  /// Summarises a streamed Monte Carlo run (`MonteCarlo.summarize`); rows follow its combinations.
  public init(scenario: InterdictionScenario, seed: UInt64, summary: MonteCarloSummary) {
    self.init(scenario: scenario, seed: seed, combinations: summary.combinations)
  }

  private init(scenario: InterdictionScenario, seed: UInt64, combinations: [MonteCarloSummary.Combination]) {
    self.scenario = scenario.id
    self.seed = seed
    let interceptors = Dictionary(scenario.interceptors.map { ($0.id, $0) }) { first, _ in first }
    rows = combinations.map { summary in
      guard let interceptor = interceptors[summary.combination.interceptor] else {
        preconditionFailure("combination \(summary.combination) does not come from scenario '\(scenario.id)'")
      }
      return Self.row(scenario: scenario, summary: summary, interceptor: interceptor)
    }
  }

  private static func row(
    scenario: InterdictionScenario, summary: MonteCarloSummary.Combination, interceptor: InterceptorType
  ) -> Row {
    let combination = summary.combination
    let counts = Dictionary(
      uniqueKeysWithValues: FlightOutcome.allCases.map { ($0.rawValue, summary.outcomes[$0] ?? 0) })
    let n = summary.flights
    let detected = n - counts[FlightOutcome.undetected.rawValue]!
    let tracked = detected - counts[FlightOutcome.detectedNotTracked.rawValue]!
    let intercepted = counts[FlightOutcome.intercepted.rawValue]!
    let hours = summary.flightHours
    let fleet = interceptor.unitCost.map { Int(scenario.budget.value / $0.value) }
    let flightsPerYear = scenario.pattern.flightsPerDay.value * 365
    let share = Double(intercepted) / Double(max(n, 1))
    let hoursPerFlight = hours / Double(max(n, 1))
    let costPerFlight = hoursPerFlight * interceptor.costPerFlightHour.value
    let costPerInterception: Double? =
      intercepted > 0 ? hours * interceptor.costPerFlightHour.value / Double(intercepted) : nil
    let pairs: Int? = fleet.map { Int(Double($0) / scenario.aircraftPerAlertPair.value) }
    let hoursPerInterception: Double? = intercepted > 0 ? hours / Double(intercepted) : nil
    let minutes = { (seconds: Double?) in seconds.map { $0 / 60 } }
    return Row(
      network: combination.network.rawValue, interceptor: combination.interceptor.rawValue,
      basing: combination.basing.rawValue, flights: n,
      outcomes: counts, detection: Interval(successes: detected, trials: n),
      track: Interval(successes: tracked, trials: n), interception: Interval(successes: intercepted, trials: n),
      detectionMinutesMedian: minutes(summary.detectionSeconds.median),
      detectionMinutesP90: minutes(summary.detectionSeconds.p90),
      interceptionMinutesMedian: minutes(summary.interceptionSeconds.median),
      interceptionMinutesP90: minutes(summary.interceptionSeconds.p90),
      flightHoursPerInterception: hoursPerInterception, costPerInterceptionUSD: costPerInterception,
      interceptionsPerYear: flightsPerYear * share, flightHoursPerYear: flightsPerYear * hoursPerFlight,
      costPerYearUSD: flightsPerYear * costPerFlight, fleetAffordable: fleet, alertPairsSustained: pairs)
  }

  static let header =
    "scenario,seed,network,interceptor,basing,flights,p_detect,p_detect_low,p_detect_high,p_track,p_track_low,"
    + "p_track_high,p_intercept,p_intercept_low,p_intercept_high,detect_min_median,detect_min_p90,"
    + "intercept_min_median,intercept_min_p90,flight_hours_per_intercept,cost_per_intercept_usd,"
    + "intercepts_per_year,flight_hours_per_year,cost_per_year_usd,fleet_affordable,alert_pairs,"
    + FlightOutcome.allCases.map(\.rawValue).joined(separator: ",")

  /// CSV at fixed precision.
  public var csv: String {
    let number = { (value: Double?, digits: Int) in value.map { String(format: "%.\(digits)f", $0) } ?? "" }
    var lines = [Self.header]
    for row in rows {
      var fields = [scenario, "\(seed)", row.network, row.interceptor, row.basing, "\(row.flights)"]
      for interval in [row.detection, row.track, row.interception] {
        fields += [number(interval.estimate, 4), number(interval.low, 4), number(interval.high, 4)]
      }
      fields += [
        number(row.detectionMinutesMedian, 1), number(row.detectionMinutesP90, 1),
        number(row.interceptionMinutesMedian, 1), number(row.interceptionMinutesP90, 1),
        number(row.flightHoursPerInterception, 2), number(row.costPerInterceptionUSD, 0),
        number(row.interceptionsPerYear, 1), number(row.flightHoursPerYear, 1), number(row.costPerYearUSD, 0),
        row.fleetAffordable.map { "\($0)" } ?? "",
        row.alertPairsSustained.map { "\($0)" } ?? "",
      ]
      fields += FlightOutcome.allCases.map { "\(row.outcomes[$0.rawValue]!)" }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Pretty, key-sorted JSON.
  public func json() throws -> String {
    struct Document: Encodable {
      var scenario: String
      var seed: UInt64
      var rows: [Row]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(Document(scenario: scenario, seed: seed, rows: rows)), as: UTF8.self)
      + "\n"
  }

  /// A compact text table for the terminal.
  public var text: String {
    var lines = [
      "network          interceptor  basing        P(detect)            P(track)             P(intercept)         "
        + "min to intercept (median/p90)  cost/intercept  fleet  alert pairs"
    ]
    let interval = { (i: Interval) in String(format: "%.2f [%.2f-%.2f]", i.estimate, i.low, i.high) }
    for row in rows {
      let times =
        row.interceptionMinutesMedian.map { String(format: "%.0f/%.0f", $0, row.interceptionMinutesP90 ?? 0) } ?? "-"
      let cost = row.costPerInterceptionUSD.map { String(format: "$%.0fk", $0 / 1_000) } ?? "-"
      lines.append(
        row.network.padding(toLength: 16, withPad: " ", startingAt: 0) + " "
          + row.interceptor.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
          + row.basing.padding(toLength: 13, withPad: " ", startingAt: 0) + " "
          + [row.detection, row.track, row.interception].map {
            interval($0).padding(toLength: 20, withPad: " ", startingAt: 0)
          }
          .joined(separator: " ") + " " + times.padding(toLength: 30, withPad: " ", startingAt: 0) + " "
          + cost.padding(toLength: 15, withPad: " ", startingAt: 0) + " "
          + (row.fleetAffordable.map { "\($0)" } ?? "-").padding(toLength: 6, withPad: " ", startingAt: 0) + " "
          + (row.alertPairsSustained.map { "\($0)" } ?? "-"))
    }
    return lines.joined(separator: "\n")
  }
}
