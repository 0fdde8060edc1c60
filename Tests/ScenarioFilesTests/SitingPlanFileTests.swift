import Foundation
import RadarModels
import ScenarioFiles
import Testing

@Suite struct SitingPlanFileTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")
  static let shipped = scenarios.appendingPathComponent("plan-vraem-border.yaml")
  static let valid = (try? String(contentsOf: shipped, encoding: .utf8)) ?? ""

  /// The located error of parsing `yaml` as a plan beside the shipped scenarios, or nil when it parses.
  func parseError(_ yaml: String) -> ScenarioFileError? {
    do {
      _ = try SitingPlanReader.parse(yaml: yaml, file: "bad.yaml", folder: Self.scenarios)
      return nil
    } catch let error as ScenarioFileError {
      return error
    } catch {
      Issue.record("unexpected error, not a located plan error: \(error)")
      return nil
    }
  }

  @Test func shippedPlanParsesWithItsNetworkTargetAndRegions() throws {
    let plan = try SitingPlanReader.read(contentsOf: Self.shipped.path)
    #expect(plan.id == "plan-vraem-border")
    #expect(plan.network.id == "peru-2025-ssr-only")
    #expect(plan.radarType.id.rawValue == "new-3d-2016")
    #expect(plan.sites.value == 4)
    #expect(plan.target.id == "non-cooperative" && !plan.target.transponderOn)
    #expect(plan.configuration.id.rawValue == "integrated")
    #expect(plan.regions.map(\.name) == ["VRAEM", "Bolivian border strip"])
    #expect(plan.altitudesAGL.map(\.metres.value) == [300])
    #expect(plan.flightLevels.isEmpty)
    let fromDEM = try #require(plan.candidates.fromDEM)
    #expect(fromDEM.withinRegions == ["VRAEM", "Bolivian border strip"])
    #expect(fromDEM.boundingBox == nil)
    #expect(plan.candidates.file == nil)
    // The network path is resolved beside the plan file, and the regions the plan names exist in its regions file.
    #expect(FileManager.default.fileExists(atPath: plan.networkFile))
    let regionsFile = try #require(plan.network.regionsFile)
    let regions = try String(contentsOfFile: regionsFile, encoding: .utf8)
    for region in plan.regions { #expect(regions.contains("\"\(region.name)\""), "\(region.name)") }
  }

  @Test(arguments: [
    ("plan: plan-vraem-border", "plan: plan-vraem-border\ncolour: red", "colour", "unknown field"),
    ("  type: new-3d-2016", "  type: new-4d", "radar.type", "unknown radar type 'new-4d'"),
    ("  mast_m: {value: 18, assumption:", "  mast_m: {value: 18, note:", "radar.mast_m.note", "unknown field"),
    ("  mast_m: {value: 18,", "  mast_m: {value: -3,", "radar.mast_m.value", "outside"),
    ("sites: {value: 4, source:", "sites: {value: 2.5, source:", "sites", "whole number"),
    ("target: non-cooperative", "target: jumbo", "target", "unknown target 'jumbo'"),
    ("\nconfiguration: integrated", "\nconfiguration: merged", "configuration", "unknown network configuration"),
    ("  - name: VRAEM\n", "  - name: VRAEM\n    colour: red\n", "regions[0].colour", "unknown field"),
    (
      "    - {value: 300, assumption:", "    - {value: 300, weight: -1, assumption:", "altitudes.agl_m[0].weight",
      "outside"
    ),
    (
      "    within: [VRAEM, Bolivian border strip]", "    within: [VRAEM, Atlantis]", "candidates.from_dem.within[1]",
      "Atlantis"
    ),
    (
      "    within: [VRAEM, Bolivian border strip]", "    bbox: [-75, -13, -73, -11]\n    within: [VRAEM]",
      "candidates.from_dem", "exactly one of 'within'"
    ),
    ("    top: {value: 300,", "    top: {value: 12.5,", "candidates.from_dem.top", "whole number"),
  ])
  func badPlansNameTheOffendingField(replace: String, with: String, field: String, message: String) throws {
    #expect(Self.valid.components(separatedBy: replace).count == 2, "'\(replace)' is not unique in the plan")
    let broken = Self.valid.replacingOccurrences(of: replace, with: with)
    let error = try #require(parseError(broken))
    #expect(error.field == field, "\(error)")
    #expect(error.description.contains(message), "\(error)")
    #expect(error.description.hasPrefix("bad.yaml:"), "\(error)")
    #expect(error.line != nil)
  }

  @Test func unsourcedFiguresAndMissingFieldsAreRefused() throws {
    let mast = try #require(Self.valid.split(separator: "\n").first { $0.contains("mast_m:") })
    let unsourced = Self.valid.replacingOccurrences(of: String(mast), with: "  mast_m: {value: 18}")
    let error = try #require(parseError(unsourced))
    #expect(error.field == "radar.mast_m" && error.description.contains("exactly one of 'source'"), "\(error)")
    let line = unsourced.split(separator: "\n", omittingEmptySubsequences: false)[try #require(error.line) - 1]
    #expect(line.contains("mast_m"), "line \(error.line!): \(line)")
    let withoutSites = Self.valid.replacingOccurrences(of: "\nsites: {", with: "\nsites_off: {")
    #expect(parseError(withoutSites)?.description.contains("unknown field") == true)
    let missing = Self.valid.split(separator: "\n").filter { !$0.hasPrefix("target:") }.joined(separator: "\n")
    let missingError = try #require(parseError(missing))
    #expect(missingError.field == "target" && missingError.message == "missing field", "\(missingError)")
  }
}

/// The plan's optional flight objective.
@Suite struct SitingPlanFlightsTests {
  static let shipped = SitingPlanFileTests.scenarios.appendingPathComponent("plan-vraem-border-flights.yaml")
  static let valid = (try? String(contentsOf: shipped, encoding: .utf8)) ?? ""

  @Test func theShippedFlightPlanNamesItsScenarioCountSeedAndWeight() throws {
    let plan = try SitingPlanReader.read(contentsOf: Self.shipped.path)
    let flights = try #require(plan.flights)
    #expect(flights.scenario.id == "interdiction-2025")
    #expect(flights.scenarioFile.hasSuffix("/Scenarios/interdiction-2025.yaml"))
    #expect(flights.count.value == 1000 && flights.seed == 1 && flights.weight.value == 20_000)
    // The plan without the entry has no flight term.
    #expect(try SitingPlanReader.read(contentsOf: SitingPlanFileTests.shipped.path).flights == nil)
  }

  @Test(arguments: [
    ("    seed: 1", "    seed: 1.5", "objective.flights.seed", "whole number"),
    ("    count: {value: 1000,", "    count: {value: 0,", "objective.flights.count.value", "outside"),
    ("    count: {value: 1000,", "    count: {value: 10.5,", "objective.flights.count", "whole number"),
    ("    seed: 1", "    seed: 1\n    colour: red", "objective.flights.colour", "unknown field"),
    ("  flights:", "  flights_off:", "objective.flights_off", "unknown field"),
    (
      "    weight_km2: {value: 20000, assumption:", "    weight_km2: {value: 20000, note:",
      "objective.flights.weight_km2.note",
      "unknown field"
    ),
  ])
  func badFlightEntriesNameTheOffendingField(replace: String, with: String, field: String, message: String) throws {
    #expect(Self.valid.components(separatedBy: replace).count == 2, "'\(replace)' is not unique in the plan")
    let broken = Self.valid.replacingOccurrences(of: replace, with: with)
    do {
      _ = try SitingPlanReader.parse(yaml: broken, file: "bad.yaml", folder: SitingPlanFileTests.scenarios)
      Issue.record("parsed")
    } catch let error as ScenarioFileError {
      #expect(error.field == field, "\(error)")
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.hasPrefix("bad.yaml:") && error.line != nil, "\(error)")
    }
  }

  @Test func aMissingScenarioFileIsRefused() {
    let broken = Self.valid.replacingOccurrences(
      of: "scenario: interdiction-2025.yaml", with: "scenario: no-such-scenario.yaml")
    #expect(throws: (any Error).self) {
      try SitingPlanReader.parse(yaml: broken, file: "bad.yaml", folder: SitingPlanFileTests.scenarios)
    }
  }
}
