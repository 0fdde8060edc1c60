import Foundation
import ScenarioFiles
import Testing

/// Issue 12's check on the real 30" composite (`../shared/terrain`, or `AIRPICTURE_TERRAIN_DIR`): the shipped plan's
/// four sites, fed back through `airpicture coverage`, must add at least five times the VRAEM coverage at 300 m AGL
/// that `peru-planned`'s four notional 3D radars add to their base, and the VRAEM gains the plan reports must be what
/// `coverage` computes for its sites.
///
/// To stay near a minute, every study runs for the non-cooperative target at 300 m AGL alone (a copy of each scenario
/// without the cooperative target, the other altitudes and the flight levels: a target's coverage at one altitude does
/// not depend on the others, and the secondary radars see nothing of a silent transponder, so the figures are those
/// of the full studies).
@Suite final class PlanFiveTimesTests {
  static let repository = AirPictureProcess.repository
  static let scenarios = repository.appendingPathComponent("Scenarios")
  static let dem: String? = {
    let directory =
      ProcessInfo.processInfo.environment["AIRPICTURE_TERRAIN_DIR"]
      ?? repository.deletingLastPathComponent().appendingPathComponent("shared/terrain").path
    let path = (directory as NSString).appendingPathComponent("peru_composite_30s.tif")
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()
  let folder: TestFolder

  init() throws { folder = try TestFolder("plan-five-times") }

  /// `text`, a coverage scenario beside `Scenarios/` (or with absolute paths), without its cooperative target, at
  /// 300 m AGL alone (no other altitude, no flight level), and with its radar types, regions and borders files given
  /// as absolute paths.
  static func nonCooperativeOnly(_ text: String) -> String {
    var lines: [Substring] = []
    var skipping = false
    var inFlightLevels = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("  - id: cooperative") {
        skipping = true
        continue
      }
      if skipping && !line.hasPrefix("    ") { skipping = false }
      if line.hasPrefix("flight_levels:") {
        inFlightLevels = true
        continue
      }
      if inFlightLevels && line.hasPrefix("  ") { continue }
      inFlightLevels = false
      if line.hasPrefix("altitudes_agl_m:") {
        lines.append("altitudes_agl_m: [300]")
        continue
      }
      if !skipping { lines.append(line) }
    }
    let folder = scenarios.path + "/"
    return lines.joined(separator: "\n")
      .replacingOccurrences(of: "radar_types: radar-types.yaml", with: "radar_types: \(folder)radar-types.yaml")
      .replacingOccurrences(of: "  file: regions/", with: "  file: \(folder)regions/")
      .replacingOccurrences(of: "borders: regions/", with: "borders: \(folder)regions/")
  }

  /// `text` without the site entries whose name holds `marker`.
  static func withoutSites(_ text: String, named marker: String) -> String {
    var lines: [Substring] = []
    var skipping = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("  - name:") {
        skipping = line.contains(marker)
      } else if !line.hasPrefix("    ") {
        skipping = false
      }
      if !skipping { lines.append(line) }
    }
    return lines.joined(separator: "\n")
  }

  /// Covered km² of the VRAEM at 300 m AGL for the non-cooperative target in the integrated network, from the
  /// coverage study of `scenario` (YAML text) on `dem`.
  func vraemKm2(_ name: String, scenario: String, dem: String) throws -> Double {
    let path = folder("\(name).yaml")
    try Data(scenario.utf8).write(to: URL(fileURLWithPath: path))
    let study = try AirPictureProcess.run(["coverage", path, "--dem", dem, "--out", folder("\(name)-study")])
    try #require(study.status == 0, "\(name): \(study.stderr)")
    let rows = try String(contentsOfFile: folder("\(name)-study/coverage-table.csv"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let matching = rows.filter {
      $0.count > 9 && $0[1] == "integrated" && $0[2] == "non-cooperative" && $0[3] == "VRAEM" && $0[4] == "AGL"
        && $0[6] == "300.0"
    }
    try #require(matching.count == 1, "\(name): \(matching)")
    return try #require(Double(matching[0][9]))
  }

  @Test(.enabled(if: dem != nil, "the 30\" composite DEM is not in ../shared/terrain"))
  func theShippedPlanAddsAtLeastFiveTimesPeruPlannedsVRAEMCoverage() throws {
    let dem = try #require(Self.dem)
    let planFile = Self.scenarios.appendingPathComponent("plan-vraem-border.yaml").path
    let out = folder("plan")
    let plan = try AirPictureProcess.run(["plan", planFile, "--dem", dem, "--out", out])
    try #require(plan.status == 0, "\(plan.stderr)")

    let planned = try String(
      contentsOf: Self.scenarios.appendingPathComponent("peru-planned.yaml"), encoding: .utf8)
    let plannedBase = Self.withoutSites(planned, named: "new 3D radar (notional)")
    #expect(
      plannedBase.components(separatedBy: "\n  - name:").count + 4
        == planned.components(separatedBy: "\n  - name:").count)
    let base = try String(
      contentsOf: Self.scenarios.appendingPathComponent("peru-2025-ssr-only.yaml"), encoding: .utf8)
    let withPlan = try String(contentsOfFile: "\(out)/network.yaml", encoding: .utf8)

    // (a) what peru-planned's four notional 3D radars add to the rest of peru-planned.
    let plannedGain =
      try vraemKm2("planned", scenario: Self.nonCooperativeOnly(planned), dem: dem)
      - vraemKm2("planned-base", scenario: Self.nonCooperativeOnly(plannedBase), dem: dem)
    // (b) what the plan's four sites add to its base network.
    let baseKm2 = try vraemKm2("base", scenario: Self.nonCooperativeOnly(base), dem: dem)
    let planGain = try vraemKm2("with-plan", scenario: Self.nonCooperativeOnly(withPlan), dem: dem) - baseKm2
    #expect(
      planGain >= 5 * plannedGain,
      "the plan adds \(planGain) km2 of the VRAEM at 300 m AGL, peru-planned's four radars \(plannedGain) km2")

    // The VRAEM gains the plan reports against what `coverage` computes for its sites: the base sees none of the
    // VRAEM here, so each cell the study counts is expected seen with 1 - (1 - a)^k for the k new radars covering it,
    // between a and 1 (a: the new type's availability); the table's 0.1 km2 rounding aside.
    try #require(baseKm2 == 0, "the base network sees \(baseKm2) km2 of the VRAEM; the bounds below assume none")
    let availability = try SitingPlanReader.read(contentsOf: planFile).radarType.availability.value
    let rows = try String(contentsOfFile: "\(out)/plan.csv", encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",").map(String.init) }
    let column = try #require(rows[0].firstIndex(of: "gain_vraem_300m_agl_km2"))
    let reported = rows.dropFirst().reduce(0) { $0 + Double($1[column])! }
    #expect(
      reported >= availability * planGain * 0.995 && reported <= planGain * 1.005,
      "plan \(reported) km2 expected, coverage \(planGain) km2 covered, availability \(availability)")
  }
}
