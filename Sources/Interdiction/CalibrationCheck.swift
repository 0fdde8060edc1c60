import InterdictionModels

/// The model's figure for each of a scenario's calibration figures, from one run's comparison table: where the model
/// agrees with what is publicly known and where it does not.
public struct CalibrationCheck: Sendable {
  /// One calibration figure beside the model's value.
  public struct Line: Sendable {
    public var figure: CalibrationFigure
    /// The model's value (nil when the run holds nothing to compute it from, e.g. no sortie at all).
    public var model: Double?
    /// What the model's value was computed from (the configuration and option).
    public var basis: String

    /// Whether the model's value lies within the observed range.
    public var agrees: Bool? { model.map { figure.observed.value.contains($0) } }
  }

  public var lines: [Line]

  /// The model's values for `scenario`'s calibration figures, from `table` (a run of that scenario).
  public init(scenario: InterdictionScenario, table: ComparisonTable) {
    let first = scenario.network.networks.first?.id.rawValue ?? ""
    let rows = table.rows.filter { $0.network == first }
    let best = rows.max { $0.interception.estimate < $1.interception.estimate }
    let inService = Set(scenario.interceptors.filter { $0.unitCost == nil }.map(\.id.rawValue))
    let todaysBasing = scenario.basings.first?.id.rawValue
    let today = rows.filter { inService.contains($0.interceptor) && $0.basing == todaysBasing }.max {
      $0.interception.estimate < $1.interception.estimate
    }
    lines = scenario.calibration.map { figure in
      switch figure.measure {
      case .detectionsPerDay:
        let detection = rows.first?.detection.estimate
        return Line(
          figure: figure, model: detection.map { $0 * scenario.pattern.flightsPerDay.value },
          basis: "\(first): P(detect) × \(scenario.pattern.flightsPerDay.value) flights a day")
      case .notFoundShare:
        guard let best else { return Line(figure: figure, model: nil, basis: first) }
        let notFound = best.outcomes[FlightOutcome.launchedNotFound.rawValue] ?? 0
        let found = best.outcomes[FlightOutcome.intercepted.rawValue] ?? 0
        return Line(
          figure: figure, model: notFound + found > 0 ? Double(notFound) / Double(notFound + found) : nil,
          basis: "\(first), best option: \(best.interceptor) · \(best.basing)")
      case .interceptionsPerYearToday:
        guard let today else {
          return Line(figure: figure, model: nil, basis: "\(first): no type in service in the scenario")
        }
        return Line(
          figure: figure, model: today.interceptionsPerYear,
          basis: "\(first), best type in service from the first basing: \(today.interceptor) · \(today.basing)")
      }
    }
  }
}
