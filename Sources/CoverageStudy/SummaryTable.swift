import CoverageKernel
import Foundation

/// The covered-area table of a network of sites: printed for the analyst, and written as CSV or JSON for their
/// tools.
public struct SummaryTable {
  /// Covered areas by altitude.
  public var summary: CoverageSummary
  /// The radars' names, in site order.
  public var radars: [String]
  /// Percent of the cells in range whose lowest visible altitude looks past a DEM void (a lower bound); nil when
  /// none does.
  public var voidDependentPercent: Double? = nil

  /// A plain-text table.
  public var text: String {
    var lines = [
      String(
        format: "Area in range of at least one radar: %.0f km2 (%d radars)", summary.computedAreaKm2, radars.count),
      "altitude_agl_m  covered_km2  covered_percent",
    ]
    for row in summary.rows {
      lines.append(
        String(format: "%14.0f  %11.0f  %15.2f", row.altitudeAGL, row.coveredAreaKm2, row.coveredPercent))
    }
    if let voidDependentPercent {
      lines.append(
        String(
          format: "%.2f %% of the cells in range look past DEM voids: their lowest altitudes are lower bounds",
          voidDependentPercent))
    }
    return lines.joined(separator: "\n")
  }

  /// CSV with a header line.
  public var csv: String {
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
  public func json() throws -> String {
    struct Document: Encodable {
      var radars: [String]
      var summary: CoverageSummary
      var voidDependentPercent: Double?

      enum CodingKeys: String, CodingKey {
        case radars, summary
        case voidDependentPercent = "void_dependent_percent"
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let document = Document(radars: radars, summary: summary, voidDependentPercent: voidDependentPercent)
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
