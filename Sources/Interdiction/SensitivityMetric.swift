/// A figure of the comparison table the sensitivity study follows per option.
public enum SensitivityMetric: String, Sendable, CaseIterable {
  /// P(intercept).
  case interception = "p_intercept"
  /// Interceptor flight-hour cost per interception, US$ (undefined without interceptions).
  case costPerInterception = "cost_per_interception_usd"

  /// As a chart or summary names it.
  public var title: String {
    switch self {
    case .interception: return "P(intercept)"
    case .costPerInterception: return "cost per interception (US$)"
    }
  }

  /// The figure in a row of the comparison table; nil when undefined.
  public func value(_ row: ComparisonTable.Row) -> Double? {
    switch self {
    case .interception: return row.interception.estimate
    case .costPerInterception: return row.costPerInterceptionUSD
    }
  }

  /// The figure written for people: three decimals for a probability, whole dollars for a cost.
  public func format(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    switch self {
    case .interception: return String(format: "%.3f", value)
    case .costPerInterception: return String(format: "%.0f", value)
    }
  }
}
