import Foundation

/// The covered-area table of a study: per network configuration, target, region and altitude, with the difference
/// from the baseline configuration (the first in the scenario). Printed, and written as CSV and JSON; the same
/// inputs always give byte-identical files.
public struct StudyTable: Sendable {
  /// One line of the table.
  public struct Row: Sendable, Equatable, Codable {
    public var configuration: String
    public var target: String
    public var region: String
    public var altitudeAGL: Double
    /// Area of the region on the DEM's valid cells, km².
    public var regionKm2: Double
    /// Area where the real-time picture sees the target, km² and per cent of the region.
    public var coveredKm2: Double
    public var coveredPercent: Double
    /// Adding what the voice relay reports (late, and not always), km² and per cent.
    public var coveredWithRelayKm2: Double
    public var coveredWithRelayPercent: Double
    /// The baseline configuration and this row's real-time coverage minus the baseline's.
    public var baseline: String
    public var differenceVsBaselineKm2: Double
    public var differenceVsBaselinePercentPoints: Double
  }

  public var scenario: String
  public var rows: [Row]

  static let header =
    "scenario,configuration,target,region,altitude_agl_m,region_km2,covered_km2,covered_percent,"
    + "covered_with_relay_km2,covered_with_relay_percent,baseline,difference_vs_baseline_km2,"
    + "difference_vs_baseline_points"

  /// CSV with a header line; numbers at fixed precision.
  public var csv: String {
    var lines = [Self.header]
    for row in rows {
      lines.append(
        [
          Self.quoted(scenario), Self.quoted(row.configuration), Self.quoted(row.target), Self.quoted(row.region),
          String(format: "%.0f", row.altitudeAGL), String(format: "%.1f", row.regionKm2),
          String(format: "%.1f", row.coveredKm2), String(format: "%.2f", row.coveredPercent),
          String(format: "%.1f", row.coveredWithRelayKm2), String(format: "%.2f", row.coveredWithRelayPercent),
          Self.quoted(row.baseline), String(format: "%.1f", row.differenceVsBaselineKm2),
          String(format: "%.2f", row.differenceVsBaselinePercentPoints),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Pretty, key-sorted JSON.
  public func json() throws -> String {
    struct Document: Encodable {
      var scenario: String
      var rows: [Row]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(Document(scenario: scenario, rows: rows)), as: UTF8.self) + "\n"
  }

  /// A compact text summary for one region: per target, altitudes down, configurations across (per cent covered in
  /// real time), with the difference from the baseline.
  public func summary(region: String) -> String {
    let configurations = rows.map(\.configuration).uniqued()
    var lines: [String] = []
    for target in rows.map(\.target).uniqued() {
      let selected = rows.filter { $0.target == target && $0.region == region }
      guard let first = selected.first else { continue }
      lines.append(
        "\(region), \(target) (region \(String(format: "%.0f", first.regionKm2)) km2), % covered in real time:")
      let baseline = first.baseline
      let columns = configurations.map { $0.padding(toLength: max($0.count, 8), withPad: " ", startingAt: 0) }
      let gain = configurations.count > 1 ? "  \(configurations.last!) - \(baseline)" : ""
      lines.append("  altitude_agl_m  " + columns.joined(separator: "  ") + gain)
      for altitude in selected.map(\.altitudeAGL).uniqued() {
        let cells = zip(configurations, columns).map { configuration, column in
          let value = selected.first { $0.configuration == configuration && $0.altitudeAGL == altitude }
          return String(format: "%\(column.count).2f", value?.coveredPercent ?? .nan)
        }
        var line = String(format: "  %14.0f  ", altitude) + cells.joined(separator: "  ")
        if configurations.count > 1,
          let last = selected.first(where: { $0.configuration == configurations.last! && $0.altitudeAGL == altitude })
        {
          line += String(format: "  %+.2f points", last.differenceVsBaselinePercentPoints)
        }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func quoted(_ text: String) -> String {
    text.contains(",") || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
  }
}

extension Sequence where Element: Hashable {
  /// The elements in first-seen order without repeats.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
