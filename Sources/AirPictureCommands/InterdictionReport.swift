import Foundation
import Interdiction
import InterdictionModels
import RadarModels

/// A self-contained HTML report (readable offline): the question, the key assumptions with their sources, the
/// comparison table, SVG charts of interception probability and time, and the coverage maps beside it.
enum InterdictionReport {
  static func html(
    scenarios: [InterdictionScenario], tables: [ComparisonTable], flights: Int, seed: UInt64, maps: [String]
  ) -> String {
    var body = "<h1>AirPicture: suspect flights, radar networks and interceptor options</h1>\n"
    body +=
      "<p>\(flights) simulated flights per scenario, seed \(seed). Every combination sees the same flights and "
      + "the same random draws. Intervals are 95 % Wilson intervals.</p>\n"
    for (scenario, table) in zip(scenarios, tables) {
      body += "<h2>\(escape(scenario.title))</h2>\n"
      body += assumptions(scenario)
      body += chart(table)
      body += tableHTML(table)
    }
    if !maps.isEmpty {
      body += "<h2>Coverage at the map altitude (non-cooperative target)</h2>\n"
      for map in maps {
        body += "<figure><img src=\"\(escape(map))\" width=\"480\"><figcaption>\(escape(map))</figcaption></figure>\n"
      }
    }
    return """
      <!doctype html><html><head><meta charset="utf-8"><title>AirPicture interdiction report</title>
      <style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;font-size:12px}
      td,th{border:1px solid #bbb;padding:3px 6px;text-align:right}th{background:#eee}td:nth-child(-n+3){text-align:left}
      figure{display:inline-block;margin:8px}li{font-size:13px}</style></head><body>
      \(body)</body></html>

      """
  }

  private static func assumptions(_ scenario: InterdictionScenario) -> String {
    var items = [
      "Network: \(scenario.network.title)",
      "Flights: \(scenario.pattern.flightsPerDay.value) a day (\(scenario.pattern.flightsPerDay.provenance.label)); "
        + "entry into Peru around \(scenario.pattern.entryHour.value) h (\(scenario.pattern.entryHour.provenance.label))",
      "Budget US$\(String(format: "%.2f", scenario.budget.value / 1e9)) B (\(scenario.budget.provenance.label)); "
        + "\(scenario.aircraftPerAlertPair.value) aircraft per 24/7 alert pair (\(scenario.aircraftPerAlertPair.provenance.label))",
    ]
    for (id, time) in scenario.rules.classificationTime.sorted(by: { $0.key < $1.key }) {
      items.append("Classification \(id): \(time.value / 60) min (\(time.provenance.label))")
    }
    for aircraft in scenario.aircraft {
      items.append(
        "\(aircraft.name): \(String(format: "%.0f", aircraft.cruiseSpeed.value / (1_852.0 / 3_600))) kt "
          + "(\(aircraft.cruiseSpeed.provenance.label)); \(aircraft.cruiseHeight.value) m above ground "
          + "(\(aircraft.cruiseHeight.provenance.label))")
    }
    return "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
  }

  /// Horizontal bars of P(intercept) with interval whiskers, one per combination.
  private static func chart(_ table: ComparisonTable) -> String {
    let rowHeight = 16
    let width = 900
    let label = 330
    let scale = Double(width - label - 60)
    var svg =
      "<svg width=\"\(width)\" height=\"\(table.rows.count * rowHeight + 30)\" font-size=\"11\" "
      + "xmlns=\"http://www.w3.org/2000/svg\"><text x=\"\(label)\" y=\"12\">P(intercept), 0 to 1</text>"
    for (index, row) in table.rows.enumerated() {
      let y = 20 + index * rowHeight
      let estimate = row.interception.estimate * scale
      svg += "<text x=\"0\" y=\"\(y + 11)\">\(escape("\(row.network) | \(row.interceptor) | \(row.basing)"))</text>"
      svg +=
        "<rect x=\"\(label)\" y=\"\(y + 2)\" width=\"\(String(format: "%.1f", estimate))\" height=\"10\" "
        + "fill=\"\(row.network.contains("non") ? "#d08020" : "#2070c0")\"/>"
      svg +=
        "<line x1=\"\(String(format: "%.1f", Double(label) + row.interception.low * scale))\" "
        + "x2=\"\(String(format: "%.1f", Double(label) + row.interception.high * scale))\" y1=\"\(y + 7)\" y2=\"\(y + 7)\" "
        + "stroke=\"black\"/>"
      svg +=
        "<text x=\"\(label + Int(estimate) + 6)\" y=\"\(y + 11)\">\(String(format: "%.2f", row.interception.estimate))</text>"
    }
    return svg + "</svg>\n"
  }

  private static func tableHTML(_ table: ComparisonTable) -> String {
    let format = { (value: Double?, digits: Int) in value.map { String(format: "%.\(digits)f", $0) } ?? "-" }
    var html =
      "<table><tr><th>network</th><th>interceptor</th><th>basing</th><th>P(detect)</th><th>P(track)</th>"
      + "<th>P(intercept)</th><th>min to detection (median/p90)</th><th>min to interception (median/p90)</th>"
      + "<th>flight h / interception</th><th>US$ / interception</th><th>interceptions / year</th>"
      + "<th>US$ / year</th><th>fleet in budget</th><th>alert pairs</th>"
      + FlightOutcome.allCases.map { "<th>\($0.rawValue)</th>" }.joined() + "</tr>\n"
    for row in table.rows {
      let interval = { (i: ComparisonTable.Interval) in
        String(format: "%.2f (%.2f-%.2f)", i.estimate, i.low, i.high)
      }
      html +=
        "<tr><td>\(row.network)</td><td>\(row.interceptor)</td><td>\(row.basing)</td>"
        + "<td>\(interval(row.detection))</td><td>\(interval(row.track))</td><td>\(interval(row.interception))</td>"
        + "<td>\(format(row.detectionMinutesMedian, 0))/\(format(row.detectionMinutesP90, 0))</td>"
        + "<td>\(format(row.interceptionMinutesMedian, 0))/\(format(row.interceptionMinutesP90, 0))</td>"
        + "<td>\(format(row.flightHoursPerInterception, 1))</td><td>\(format(row.costPerInterceptionUSD, 0))</td>"
        + "<td>\(format(row.interceptionsPerYear, 0))</td><td>\(format(row.costPerYearUSD, 0))</td>"
        + "<td>\(row.fleetAffordable.map(String.init) ?? "-")</td><td>\(row.alertPairsSustained.map(String.init) ?? "-")</td>"
        + FlightOutcome.allCases.map { "<td>\(row.outcomes[$0.rawValue]!)</td>" }.joined() + "</tr>\n"
    }
    return html + "</table>\n"
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
