import CoverageKernel
import Foundation

/// The covered-area table of a study: per network configuration, target, region and altitude (above ground, and at
/// flight levels), with the difference from the baseline configuration (the first in the scenario). Printed, and
/// written as CSV and JSON with one schema (a JSON row's keys are the CSV's columns); the same inputs always give
/// byte-identical files.
public struct StudyTable: Sendable {
  /// One line of the table.
  public struct Row: Sendable, Equatable {
    public var configuration: String
    public var target: String
    public var region: String
    /// What `altitude` is measured from: the ground (the scenario's AGL altitudes) or mean sea level (its flight
    /// levels).
    public var altitudeReference: AltitudeReference
    /// Target altitude, metres above ground or above mean sea level.
    public var altitude: Double
    /// The flight level of an MSL row, hundreds of feet; nil for an AGL row.
    public var flightLevel: Int?
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

    /// The altitude as the summary prints it: "300 m AGL", "FL150".
    public var altitudeLabel: String {
      flightLevel.map { FlightLevel($0).description } ?? String(format: "%.0f m AGL", altitude)
    }
  }

  public var scenario: String
  public var rows: [Row]

  public init(scenario: String, rows: [Row]) {
    self.scenario = scenario
    self.rows = rows
  }

  /// The CSV's columns and every JSON row's keys.
  public static let columns = [
    "scenario", "configuration", "target", "region", "altitude_reference", "flight_level", "altitude_m", "altitude_ft",
    "region_km2", "covered_km2", "covered_percent", "covered_with_relay_km2", "covered_with_relay_percent", "baseline",
    "difference_vs_baseline_km2", "difference_vs_baseline_points",
  ]

  /// CSV with a header line; numbers at fixed precision.
  public var csv: String { table.csv }

  /// Pretty, key-sorted JSON: the scenario, the columns and the rows.
  public func json() throws -> String {
    try table.json(items: [("scenario", .text(scenario)), ("flight_level_assumption", .text(FlightLevel.assumption))])
  }

  private var table: TableColumns {
    TableColumns(
      columns: Self.columns,
      rows: rows.map { row in
        [
          .text(scenario), .text(row.configuration), .text(row.target), .text(row.region),
          .text(row.altitudeReference.rawValue), .text(row.flightLevel.map { FlightLevel($0).description }),
          .number(row.altitude, digits: 1), .number(row.altitude / FlightLevel.metresPerFoot, digits: 0),
          .number(row.regionKm2, digits: 1), .number(row.coveredKm2, digits: 1), .number(row.coveredPercent, digits: 2),
          .number(row.coveredWithRelayKm2, digits: 1), .number(row.coveredWithRelayPercent, digits: 2),
          .text(row.baseline), .number(row.differenceVsBaselineKm2, digits: 1),
          .number(row.differenceVsBaselinePercentPoints, digits: 2),
        ]
      })
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
      lines.append("  altitude        " + columns.joined(separator: "  ") + gain)
      for altitude in selected.map(\.altitudeLabel).uniqued() {
        let cells = zip(configurations, columns).map { configuration, column in
          let value = selected.first { $0.configuration == configuration && $0.altitudeLabel == altitude }
          return String(format: "%\(column.count).2f", value?.coveredPercent ?? .nan)
        }
        var line =
          "  " + altitude.padding(toLength: 14, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: "  ")
        if configurations.count > 1,
          let last = selected.first(where: { $0.configuration == configurations.last! && $0.altitudeLabel == altitude })
        {
          line += String(format: "  %+.2f points", last.differenceVsBaselinePercentPoints)
        }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension Sequence where Element: Hashable {
  /// The elements in first-seen order without repeats.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
