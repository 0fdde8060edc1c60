import RadarModels

/// One assumption the sensitivity study varies: a factor on the scenario's own figures for one concept (1 is the
/// scenario as written), with the range to vary it over when the scenario's `sensitivity:` section gives none.
///
/// Every parameter scales figures, so one factor covers a concept that has a value per aircraft, radar type,
/// configuration, interceptor or base (each keeps its own value, times the factor). Probabilities are capped at 1.
public struct SensitivityParameter: Sendable {
  /// The name in scenario files (`sensitivity:`) and on the command line (`--parameters`).
  public var key: String
  /// What it varies, for tables and charts ("classification time").
  public var name: String
  /// The scenario's figures it scales, as a table shows them.
  public var baseFigures: @Sendable (InterdictionScenario) -> String
  /// The range used when the scenario gives none: a stated assumption.
  public var defaultRange: Sourced<ClosedRange<Double>>
  /// The largest factor a scenario may ask for.
  public var maximumFactor: Double
  /// Applies `factor` to a scenario.
  public var apply: @Sendable (inout InterdictionScenario, Double) -> Void

  public init(
    key: String, name: String, defaultRange: Sourced<ClosedRange<Double>>, maximumFactor: Double = 100,
    baseFigures: @escaping @Sendable (InterdictionScenario) -> String,
    apply: @escaping @Sendable (inout InterdictionScenario, Double) -> Void
  ) {
    self.key = key
    self.name = name
    self.defaultRange = defaultRange
    self.maximumFactor = maximumFactor
    self.baseFigures = baseFigures
    self.apply = apply
  }

  /// The range to vary it over in `scenario`: the scenario's own (`sensitivity:`) when it gives one, else the
  /// default assumption; `stated` says which.
  public func range(in scenario: InterdictionScenario) -> (range: Sourced<ClosedRange<Double>>, stated: Bool) {
    if let stated = scenario.sensitivityRanges[key] { return (stated, true) }
    return (defaultRange, false)
  }

  /// The parameter named `key`, if any.
  public static func named(_ key: String) -> SensitivityParameter? { all.first { $0.key == key } }
}
