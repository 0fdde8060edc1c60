import Foundation
import ScenarioFiles
import Testing

/// `airpicture plan PLAN.yaml --out DIR`, run as a process on the coarse embedded DEM.
@Suite final class PlanCommandTests {
  static let repository = AirPictureProcess.repository
  static let scenarios = repository.appendingPathComponent("Scenarios")
  static let dem = repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
  let folder: TestFolder

  init() throws { folder = try TestFolder("plan") }

  /// A small plan: `sites` radars among the `top` most prominent summits of the VRAEM, beside the repository's
  /// network scenario.
  static func planText(
    type: String = "new-3d-2016", region: String = "VRAEM", sites: Int = 2, top: Int = 6, area: String? = nil
  ) -> String {
    """
    plan: test-plan
    title: "test plan"
    network: \(scenarios.appendingPathComponent("peru-2025-ssr-only.yaml").path)
    radar_types: \(scenarios.appendingPathComponent("radar-types.yaml").path)
    radar:
      type: \(type)
      mast_m: {value: 18, assumption: "test"}
    sites: {value: \(sites), assumption: "test"}
    target: non-cooperative
    configuration: integrated
    regions:
      - name: \(region)
        weight: {value: 1, assumption: "test"}
    altitudes:
      agl_m:
        - {value: 300, assumption: "test"}
      flight_levels:
        - {value: 100, assumption: "test"}
    candidates:
      from_dem:
        prominence_radius_m: {value: 20000, assumption: "test"}
        min_prominence_m: {value: 0, assumption: "test"}
        spacing_m: {value: 20000, assumption: "test"}
        top: {value: \(top), assumption: "test"}
        \(area ?? "within: [\(region)]")
    """
  }

  func run(_ plan: String, out: String, threads: Int = 1) throws -> AirPictureProcess.Result {
    let path = folder("plan-\(UUID().uuidString).yaml")
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    return try AirPictureProcess.run(["plan", path, "--dem", Self.dem, "--out", out, "--threads", "\(threads)"])
  }

  @Test func aPlanWritesItsTablesAndANetworkThatReadsBackWithTheChosenSites() throws {
    let out = folder("plan")
    let result = try run(Self.planText(), out: out)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("plan test-plan") && result.stdout.contains("reach at most"), "\(result.stdout)")
    for name in ["plan.csv", "plan.json", "candidates.csv", "network.yaml"] {
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "missing \(name)")
    }
    let plan = try String(contentsOfFile: "\(out)/plan.csv", encoding: .utf8).split(separator: "\n")
    #expect(plan.count == 1 + 2)
    #expect(plan[0].contains("gain_vraem_300m_agl_km2") && plan[0].contains("gain_vraem_fl100_km2"))
    let candidates = try String(contentsOfFile: "\(out)/candidates.csv", encoding: .utf8).split(separator: "\n")
    #expect((1 + 2)...(1 + 6) ~= candidates.count, "\(candidates)")
    #expect(candidates.filter { $0.hasSuffix(",yes") }.count == 2)
    // Cumulative expected coverage grows with each site, and the bound is no lower than the last.
    let cumulative = plan.dropFirst().map { Double($0.split(separator: ",").reversed()[2])! }
    let bound = Double(plan[1].split(separator: ",").reversed()[1])!
    #expect(cumulative[0] > 0 && cumulative[1] > cumulative[0] && bound >= cumulative[1], "\(plan)")

    let base = try ScenarioReader.read(
      contentsOf: Self.scenarios.appendingPathComponent("peru-2025-ssr-only.yaml").path)
    let network = try ScenarioReader.read(contentsOf: "\(out)/network.yaml")
    #expect(network.radars.count == base.radars.count + 2)
    #expect(network.id == "peru-2025-ssr-only-plus-test-plan")
    let added = network.radars.suffix(2)
    #expect(added.allSatisfy { $0.notional && $0.type.id.rawValue == "new-3d-2016" && $0.antennaHeight.value == 18 })
    #expect(added.allSatisfy { "\($0.provenance)".contains("airpicture plan test-plan") })
    for (site, row) in zip(added, plan.dropFirst()) {
      let fields = row.split(separator: ",")
      #expect(abs(site.latitude - Double(fields[2])!) < 1e-4 && abs(site.longitude - Double(fields[3])!) < 1e-4)
    }
    #expect(network.regionsFile == base.regionsFile && network.demCandidates == base.demCandidates)
  }

  @Test func candidatesFromABoxLieInTheBox() throws {
    let out = folder("box")
    let result = try run(Self.planText(top: 50, area: "bbox: [-75, -13, -73, -11]"), out: out)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try String(contentsOfFile: "\(out)/candidates.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(rows.count >= 2)
    for row in rows {
      let fields = row.split(separator: ",")
      let (latitude, longitude) = (Double(fields[2])!, Double(fields[3])!)
      #expect((-13...(-11)) ~= latitude && (-75...(-73)) ~= longitude, "\(row)")
    }
  }

  @Test func candidatesFromAPointFileKeepTheirNamesAndPositions() throws {
    let points = folder("sites.geojson")
    let features = [("Pichari hill", -12.52, -73.83), ("North ridge", -12.0, -74.2), ("South ridge", -13.0, -73.6)]
      .map { name, latitude, longitude in
        "{\"type\": \"Feature\", \"properties\": {\"name\": \"\(name)\"}, "
          + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [\(longitude), \(latitude)]}}"
      }
    try Data("{\"type\": \"FeatureCollection\", \"features\": [\(features.joined(separator: ", "))]}".utf8)
      .write(to: URL(fileURLWithPath: points))
    let text =
      Self.planText().components(separatedBy: "  from_dem:")[0]
      + "  file: {path: \(points), assumption: \"test\"}\n"
    let out = folder("points")
    let result = try run(text, out: out)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try String(contentsOfFile: "\(out)/candidates.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(rows.map { $0.split(separator: ",")[1] } == ["\"Pichari hill\"", "\"North ridge\"", "\"South ridge\""])
    #expect(rows.first.map { $0.contains("-12.52000,-73.83000") } == true, "\(rows)")
    #expect(rows.filter { $0.hasSuffix(",yes") }.count == 2)
  }

  @Test func twoRunsOnDifferentThreadCountsWriteTheSameTables() throws {
    let first = try run(Self.planText(), out: folder("one"), threads: 1)
    let second = try run(Self.planText(), out: folder("two"), threads: 3)
    #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
    for name in ["plan.csv", "candidates.csv", "network.yaml"] {
      let one = try String(contentsOfFile: folder("one/\(name)"), encoding: .utf8)
      #expect(one == (try String(contentsOfFile: folder("two/\(name)"), encoding: .utf8)), "\(name)")
    }
  }

  @Test(arguments: [
    (PlanCommandTests.planText(type: "new-4d"), "unknown radar type 'new-4d'"),
    (PlanCommandTests.planText(region: "Atlantis"), "region 'Atlantis' is not in the regions file"),
    (PlanCommandTests.planText(sites: 7, top: 6), "asks for 7 sites but its criteria give only"),
  ])
  func badPlansGetOneLineAndNoOutput(plan: String, message: String) throws {
    let out = folder("never")
    let result = try run(plan, out: out)
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// Covered km² at 300 m AGL for the non-cooperative target in the integrated network, summed over the VRAEM and
  /// the Bolivian border strip, from a coverage study's table.
  static func coveredKm2(table path: String) throws -> Double {
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let matching = rows.filter {
      $0.count > 9 && $0[1] == "integrated" && $0[2] == "non-cooperative"
        && ["VRAEM", "Bolivian border strip"].contains($0[3]) && $0[4] == "AGL" && $0[6] == "300.0"
    }
    #expect(matching.count == 2)
    return matching.reduce(0) { $0 + Double($1[9])! }
  }

  /// The shipped plan on the coarse DEM against the coverage study of the base network and of the network it writes.
  /// The base's expected area is exact: in these regions only the Puerto Maldonado TPS-70 (availability 0.5) sees
  /// the silent Cessna, so it must be 0.5 x the study's covered area (to 0.5 %, the tables' rounding and nothing
  /// else). With the new radars (0.95 each), every cell the study counts is expected at least 0.95 when a new radar
  /// covers it and 0.5 when only the base does, and at most 1.
  @Test func theShippedPlanAgreesWithTheCoverageStudyOfItsNetworks() throws {
    let out = folder("shipped")
    let plan = try AirPictureProcess.run([
      "plan", Self.scenarios.appendingPathComponent("plan-vraem-border.yaml").path, "--dem", Self.dem, "--out", out,
    ])
    #expect(plan.status == 0, "\(plan.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json")))
        as? [String: Any])
    let base = try #require(json["base_expected_km2"] as? Double)
    let final = try #require(json["final_expected_km2"] as? Double)
    let baseStudy = try AirPictureProcess.run([
      "coverage", Self.scenarios.appendingPathComponent("peru-2025-ssr-only.yaml").path, "--dem", Self.dem, "--out",
      folder("base-study"),
    ])
    #expect(baseStudy.status == 0, "\(baseStudy.stderr)")
    let planStudy = try AirPictureProcess.run([
      "coverage", "\(out)/network.yaml", "--dem", Self.dem, "--out", folder("plan-study"),
    ])
    #expect(planStudy.status == 0, "\(planStudy.stderr)")
    let baseCovered = try Self.coveredKm2(table: folder("base-study/coverage-table.csv"))
    let covered = try Self.coveredKm2(table: folder("plan-study/coverage-table.csv"))
    #expect(baseCovered > 0 && covered > baseCovered)
    #expect(abs(base - 0.5 * baseCovered) <= 0.005 * baseCovered, "plan \(base), study \(baseCovered)")
    let lowest = 0.95 * (covered - baseCovered) + 0.5 * baseCovered
    #expect(final >= lowest * 0.995 && final <= covered * 1.005, "plan \(final), study \(baseCovered) -> \(covered)")
  }
}
