import CoverageKernel
import Foundation

/// The covered-area table: printed for the analyst, and written as CSV or JSON for their tools.
struct SummaryTable {
  var summary: CoverageSummary
  var radars: [String]

  /// A plain-text table.
  var text: String {
    var lines = [
      String(
        format: "Area in range of at least one radar: %.0f km2 (%d radars)", summary.computedAreaKm2, radars.count),
      "altitude_agl_m  covered_km2  covered_percent",
    ]
    for row in summary.rows {
      lines.append(
        String(format: "%14.0f  %11.0f  %15.2f", row.altitudeAGL, row.coveredAreaKm2, row.coveredPercent))
    }
    return lines.joined(separator: "\n")
  }

  /// CSV with a header line.
  var csv: String {
    var lines = ["altitude_agl_m,covered_km2,computed_km2,covered_percent"]
    for row in summary.rows {
      lines.append(
        String(
          format: "%.0f,%.3f,%.3f,%.4f", row.altitudeAGL, row.coveredAreaKm2, summary.computedAreaKm2,
          row.coveredPercent))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Pretty, key-sorted JSON.
  func json() throws -> String {
    struct Document: Encodable {
      var radars: [String]
      var summary: CoverageSummary
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(Document(radars: radars, summary: summary)), as: UTF8.self) + "\n"
  }
}
