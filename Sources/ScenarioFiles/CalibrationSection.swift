import InterdictionModels
import RadarModels

extension InterdictionScenarioReader {
  /// One entry of the optional `calibration:` list: a public figure the report sets the model beside,
  /// `{measure: detections_per_day, observed: [0.7, 1.9], description: "...", source: "..."}` (`observed` is one
  /// number or [low, high]).
  static func calibrationFigure(_ entry: YAMLValue) throws -> CalibrationFigure {
    let fields = try entry.mapping(allowed: ["measure", "observed", "description", "source", "assumption", "derived"])
    let provenance = try entry.provenance(fields)
    let measureField = try fields.required("measure", in: entry)
    let name = try measureField.string()
    guard let measure = CalibrationFigure.Measure(rawValue: name) else {
      let known = CalibrationFigure.Measure.allCases.map(\.rawValue).joined(separator: ", ")
      throw measureField.error("unknown measure '\(name)' (known: \(known))")
    }
    let observedField = try fields.required("observed", in: entry)
    let observed: ClosedRange<Double>
    if let pair = try? observedField.list() {
      guard pair.count == 2 else { throw observedField.error("give one number or [low, high]") }
      let low = try pair[0].double(in: 0...1e9)
      let high = try pair[1].double(in: 0...1e9)
      guard low <= high else { throw observedField.error("low must not exceed high") }
      observed = low...high
    } else {
      let value = try observedField.double(in: 0...1e9)
      observed = value...value
    }
    return CalibrationFigure(
      measure: measure, observed: Sourced(observed, provenance),
      description: try fields.required("description", in: entry).string())
  }
}
