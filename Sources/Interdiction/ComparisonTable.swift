import Foundation
import InterdictionModels

/// The comparison the procurement question needs, per network configuration × interceptor × basing: probabilities of
/// detection, confirmed track and interception with 95 % Wilson intervals, times from the border crossing, flight
/// hours and cost per interception, and the fleet and alert pairs the budget buys. Same seed, same bytes.
///
/// CSV and JSON share one schema (`columns`): snake_case names with their units, and a JSON row's keys are the
/// CSV's columns.
public struct ComparisonTable: Sendable {
  /// One combination's figures. Encoded (`Codable`) with the table's column names, less `scenario` and `seed`.
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

    /// An interval from its figures.
    public init(estimate: Double, low: Double, high: Double) {
      self.estimate = estimate
      self.low = low
      self.high = high
    }

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

  /// The CSV's columns and every JSON row's keys: snake_case, with the unit in the name where the value has one.
  public static let columns = ["scenario", "seed"] + Row.columns.map(\.name)

  /// CSV at fixed precision.
  public var csv: String { Self.csv(combining: [self]) }

  /// Pretty, key-sorted JSON: `scenarios` (this one), `columns` (in the CSV's order) and `rows`, whose keys are the
  /// columns and whose numbers are the CSV's.
  public func json() throws -> String { try Self.json(combining: [self]) }

  /// Several tables (`compare`: one per scenario) as one CSV: one header, then every table's rows.
  public static func csv(combining tables: [ComparisonTable]) -> String {
    var lines = [columns.joined(separator: ",")]
    for table in tables {
      for row in table.rows {
        lines.append(
          ([table.scenario, "\(table.seed)"] + Row.columns.map { $0.cell(row).csv }).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Several tables as one JSON document, in the form `json()` writes: the scenarios, the columns, every row.
  public static func json(combining tables: [ComparisonTable]) throws -> String {
    struct Document: Encodable {
      var tables: [ComparisonTable]

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ColumnKey.self)
        try container.encode(tables.map(\.scenario), forKey: ColumnKey("scenarios"))
        try container.encode(ComparisonTable.columns, forKey: ColumnKey("columns"))
        let rows = tables.flatMap { table in
          table.rows.map { DocumentRow(scenario: table.scenario, seed: table.seed, row: $0) }
        }
        try container.encode(rows, forKey: ColumnKey("rows"))
      }
    }
    struct DocumentRow: Encodable {
      var scenario: String
      var seed: UInt64
      var row: Row

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ColumnKey.self)
        try container.encode(scenario, forKey: ColumnKey("scenario"))
        try container.encode(seed, forKey: ColumnKey("seed"))
        try row.encodeColumns(into: &container)
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(Document(tables: tables)), as: UTF8.self) + "\n"
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

/// A JSON key named at run time.
private struct ColumnKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// One value of a row, written alike to CSV (fixed precision; empty when missing) and JSON (the CSV's number; null).
private enum Cell {
  case text(String)
  case integer(Int?)
  case number(Double?, digits: Int)

  var csv: String {
    switch self {
    case .text(let text): return text
    case .integer(let value): return value.map { "\($0)" } ?? ""
    case .number(let value, let digits): return value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }
  }

  func encode(into container: inout KeyedEncodingContainer<ColumnKey>, as key: ColumnKey) throws {
    switch self {
    case .text(let text): try container.encode(text, forKey: key)
    case .integer(let value):
      if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
    case .number(let value, _):
      guard value != nil, let decimal = Decimal(string: csv, locale: Locale(identifier: "en_US_POSIX")) else {
        try container.encodeNil(forKey: key)
        return
      }
      try container.encode(decimal, forKey: key)
    }
  }
}

extension FlightOutcome {
  /// The outcome's count column: "flights_" and the outcome in snake_case ("flights_target_left_peru").
  public var countColumn: String {
    "flights_" + rawValue.lowercased().replacingOccurrences(of: "-", with: "_")
  }
}

extension ComparisonTable.Row {
  /// The row's columns (after `scenario` and `seed`), in the CSV's order, with each one's cell.
  fileprivate typealias Column = (name: String, cell: @Sendable (Self) -> Cell)

  fileprivate static let columns: [Column] = {
    let identity: [Column] = [
      ("network", { .text($0.network) }), ("interceptor", { .text($0.interceptor) }),
      ("basing", { .text($0.basing) }), ("flights", { .integer($0.flights) }),
    ]
    let probabilities: [Column] =
      intervalColumns("detect") { $0.detection } + intervalColumns("track") { $0.track }
      + intervalColumns("intercept") { $0.interception }
    let times: [Column] = [
      ("minutes_border_to_detection_median", { .number($0.detectionMinutesMedian, digits: 1) }),
      ("minutes_border_to_detection_p90", { .number($0.detectionMinutesP90, digits: 1) }),
      ("minutes_border_to_interception_median", { .number($0.interceptionMinutesMedian, digits: 1) }),
      ("minutes_border_to_interception_p90", { .number($0.interceptionMinutesP90, digits: 1) }),
    ]
    let costs: [Column] = [
      ("flight_hours_per_interception", { .number($0.flightHoursPerInterception, digits: 2) }),
      ("cost_per_interception_usd", { .number($0.costPerInterceptionUSD, digits: 0) }),
      ("interceptions_per_year", { .number($0.interceptionsPerYear, digits: 1) }),
      ("flight_hours_per_year", { .number($0.flightHoursPerYear, digits: 1) }),
      ("cost_per_year_usd", { .number($0.costPerYearUSD, digits: 0) }),
      ("fleet_affordable_aircraft", { .integer($0.fleetAffordable) }),
      ("alert_pairs_sustained", { .integer($0.alertPairsSustained) }),
    ]
    let outcomes: [Column] = FlightOutcome.allCases.map { outcome in
      (outcome.countColumn, { .integer($0.outcomes[outcome.rawValue] ?? 0) })
    }
    return identity + probabilities + times + costs + outcomes
  }()

  /// A probability's three columns: `p_NAME`, `p_NAME_low`, `p_NAME_high`.
  private static func intervalColumns(
    _ name: String, _ interval: @escaping @Sendable (Self) -> ComparisonTable.Interval
  ) -> [Column] {
    [
      ("p_\(name)", { .number(interval($0).estimate, digits: 4) }),
      ("p_\(name)_low", { .number(interval($0).low, digits: 4) }),
      ("p_\(name)_high", { .number(interval($0).high, digits: 4) }),
    ]
  }

  /// Writes the row's columns into `container`.
  fileprivate func encodeColumns(into container: inout KeyedEncodingContainer<ColumnKey>) throws {
    for column in Self.columns { try column.cell(self).encode(into: &container, as: ColumnKey(column.name)) }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ColumnKey.self)
    try encodeColumns(into: &container)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: ColumnKey.self)
    func text(_ name: String) throws -> String { try container.decode(String.self, forKey: ColumnKey(name)) }
    func integer(_ name: String) throws -> Int? { try container.decodeIfPresent(Int.self, forKey: ColumnKey(name)) }
    func number(_ name: String) throws -> Double? {
      try container.decodeIfPresent(Double.self, forKey: ColumnKey(name))
    }
    func required(_ name: String) throws -> Double { try container.decode(Double.self, forKey: ColumnKey(name)) }
    func interval(_ name: String) throws -> ComparisonTable.Interval {
      .init(
        estimate: try required("p_\(name)"), low: try required("p_\(name)_low"), high: try required("p_\(name)_high"))
    }
    var outcomes: [String: Int] = [:]
    for outcome in FlightOutcome.allCases {
      outcomes[outcome.rawValue] = try container.decode(Int.self, forKey: ColumnKey(outcome.countColumn))
    }
    self.init(
      network: try text("network"), interceptor: try text("interceptor"), basing: try text("basing"),
      flights: try container.decode(Int.self, forKey: ColumnKey("flights")), outcomes: outcomes,
      detection: try interval("detect"), track: try interval("track"), interception: try interval("intercept"),
      detectionMinutesMedian: try number("minutes_border_to_detection_median"),
      detectionMinutesP90: try number("minutes_border_to_detection_p90"),
      interceptionMinutesMedian: try number("minutes_border_to_interception_median"),
      interceptionMinutesP90: try number("minutes_border_to_interception_p90"),
      flightHoursPerInterception: try number("flight_hours_per_interception"),
      costPerInterceptionUSD: try number("cost_per_interception_usd"),
      interceptionsPerYear: try required("interceptions_per_year"),
      flightHoursPerYear: try required("flight_hours_per_year"), costPerYearUSD: try required("cost_per_year_usd"),
      fleetAffordable: try integer("fleet_affordable_aircraft"),
      alertPairsSustained: try integer("alert_pairs_sustained"))
  }
}
