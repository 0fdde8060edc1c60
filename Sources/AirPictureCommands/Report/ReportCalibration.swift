import Interdiction
import InterdictionModels

/// The report's calibration table: each public figure the scenario names, beside the model's value from this run.
enum ReportCalibration {
  static func html(_ study: ReportStudy) -> String {
    let check = CalibrationCheck(scenario: study.scenario, table: study.table)
    guard !check.lines.isEmpty else { return "" }
    var html = "<h3>Calibration: the model beside public figures</h3>\n<table class=\"assumptions\"><tr>"
    html += "<th>measure</th><th>model (this run)</th><th>observed</th><th>what was observed</th>"
    html += "<th>source</th><th>within?</th></tr>\n"
    for line in check.lines {
      let observed = line.figure.observed.value
      html += "<tr><td>\(ReportText.escape(line.figure.measure.rawValue))<br><small>"
      html += "\(ReportText.escape(line.basis))</small></td>"
      html += "<td>\(line.model.map { format($0) } ?? "n/a")</td>"
      html +=
        "<td>\(observed.lowerBound == observed.upperBound ? format(observed.lowerBound) : "\(format(observed.lowerBound))–\(format(observed.upperBound))")</td>"
      html += "<td>\(ReportText.escape(line.figure.description))</td>"
      html += ReportAssumptions.provenanceCell(line.figure.observed.provenance)
      html += "<td>\(line.agrees.map { $0 ? "yes" : "NO" } ?? "n/a")</td></tr>\n"
    }
    return html + "</table>\n"
  }

  private static func format(_ value: Double) -> String {
    value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value)
  }
}
