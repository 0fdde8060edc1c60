import CoverageKernel
import Foundation

/// The covered-area table of a network of sites, at altitudes above ground and at flight levels: printed for the
/// analyst, and written as CSV or JSON for their tools (a JSON row's keys are the CSV's columns).
public struct SummaryTable {
  /// Covered areas by altitude.
  public var summary: CoverageSummary
  /// The radars' names, in site order.
  public var radars: [String]
  /// Percent of the cells in range whose lowest visible altitude looks past a DEM void (a lower bound); nil when
  /// none does.
  public var voidDependentPercent: Double? = nil

  /// The CSV's columns and every JSON row's keys.
  public static let columns = [
    "altitude_reference", "flight_level", "altitude_m", "altitude_ft", "covered_km2", "in_range_km2",
    "covered_percent",
  ]

  public init(summary: CoverageSummary, radars: [String], voidDependentPercent: Double? = nil) {
    self.summary = summary
    self.radars = radars
    self.voidDependentPercent = voidDependentPercent
  }

  /// A plain-text table.
  public var text: String {
    var lines = [
      String(
        format: "Area in range of at least one radar: %.0f km2 (%d radars)", summary.computedAreaKm2, radars.count),
      "altitude                   covered_km2  covered_percent",
    ]
    for row in summary.rows {
      lines.append(
        Self.label(row).padding(toLength: 25, withPad: " ", startingAt: 0)
          + String(format: "  %11.0f  %15.2f", row.coveredAreaKm2, row.coveredPercent))
    }
    if summary.rows.contains(where: { $0.altitudeReference == .meanSeaLevel }) {
      lines.append("flight levels: \(FlightLevel.assumption)")
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
  public var csv: String { table.csv }

  /// Pretty, key-sorted JSON: the radars, the void-dependent share, the columns and the rows.
  public func json() throws -> String {
    try table.json(items: [
      ("radars", .names(radars)), ("void_dependent_percent", .number(voidDependentPercent, digits: 4)),
      ("flight_level_assumption", .text(FlightLevel.assumption)),
    ])
  }

  private var table: TableColumns {
    TableColumns(
      columns: Self.columns,
      rows: summary.rows.map { row in
        let feet = row.altitude / FlightLevel.metresPerFoot
        return [
          .text(row.altitudeReference.rawValue), .text(Self.flightLevel(row)?.description),
          .number(row.altitude, digits: 1), .number(feet, digits: 0), .number(row.coveredAreaKm2, digits: 3),
          .number(summary.computedAreaKm2, digits: 3), .number(row.coveredPercent, digits: 4),
        ]
      })
  }

  /// The flight level of an MSL row (tracked MSL altitudes are flight levels); nil for an AGL row.
  static func flightLevel(_ row: CoverageSummary.Row) -> FlightLevel? {
    guard row.altitudeReference == .meanSeaLevel else { return nil }
    return FlightLevel(Int((row.altitude / FlightLevel.metresPerFoot / 100).rounded()))
  }

  private static func label(_ row: CoverageSummary.Row) -> String {
    if let level = flightLevel(row) { return "\(level) (\(Int(level.feet)) ft MSL)" }
    return String(format: "%.0f m AGL", row.altitude)
  }
}
