import InterdictionModels
import RadarModels

extension InterdictionScenarioReader {
  /// The optional `sensitivity:` section: per parameter (`SensitivityParameter.all`), the factors on the scenario's
  /// figures to vary it between, with their provenance:
  /// `classification_time: {low: 0.5, high: 1.5, assumption: "5-15 min around 10"}`. The range must hold 1 (the
  /// scenario as written): 0 <= low <= 1 <= high <= the parameter's largest factor.
  static func sensitivityRanges(_ entry: YAMLValue) throws -> [String: Sourced<ClosedRange<Double>>] {
    let keys = Set(SensitivityParameter.all.map(\.key))
    let fields = try entry.mapping(allowed: keys)
    var ranges: [String: Sourced<ClosedRange<Double>>] = [:]
    for (key, value) in fields {
      let parameter = SensitivityParameter.named(key)!
      let bounds = try value.mapping(allowed: ["low", "high", "source", "assumption", "derived"])
      let provenance = try value.provenance(bounds)
      let low = try bounds.required("low", in: value)
      let high = try bounds.required("high", in: value)
      // 0 <= low <= 1 <= high: the range holds the scenario as written.
      ranges[key] = Sourced(
        try low.double(in: 0...1)...(try high.double(in: 1...parameter.maximumFactor)), provenance)
    }
    return ranges
  }
}
