import Foundation
import RadarModels
import ScenarioFiles
import TestSupport
import Testing

/// The shipped presets and scenarios, and the errors bad files get.
@Suite struct ScenarioFileTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")

  @Test func presetsReproduceTheirStatedFigures() throws {
    let catalog = try RadarTypeCatalog(contentsOf: Self.scenarios.appendingPathComponent("radar-types.yaml").path)
    #expect(
      Set(catalog.types.map(\.id)).isSuperset(of: [
        "an-tps-70", "thales-star-ng", "thales-rsm-970s", "lima-psr", "new-3d-2016",
      ]))
    let tps = catalog["an-tps-70"]!
    #expect(tps.role == .primary && tps.instrumentedRange.value == 444_000)
    let model = tps.detectionModel(falseAlarmProbability: 1e-6)!
    #expect(abs(model.probability(range: 300_000, rcs: 1) - 0.5) < 1e-9)
    // The 2016 requirement: Pd 0.75 per scan on a fighter-size (2 m2) target at 370 km.
    let new = catalog["new-3d-2016"]!.detectionModel(falseAlarmProbability: 1e-6)!
    #expect(abs(new.probability(range: 370_000, rcs: 2) - 0.75) < 1e-9)
    #expect(catalog["thales-rsm-970s"]!.role == .secondary)
    #expect(!catalog.types.isEmpty)
    for type in catalog.types {
      for provenance in [type.instrumentedRange.provenance, type.scanPeriod.provenance, type.availability.provenance] {
        // The label always has its "source: " prefix; what must not be empty is the text behind it.
        let text: String
        switch provenance {
        case .source(let words), .derived(let words), .assumption(let words): text = words
        }
        #expect(text.trimmingCharacters(in: .whitespaces).count >= 10, "\(type.id): '\(provenance.label)'")
      }
    }
  }

  /// The Lima primary's sensitivity comes from the reported 88 km radius and only its range bound from the reported
  /// 49,610 km2 area: not both from the area, so the modelled coverage can be checked against that area.
  @Test func limaPrimarySensitivityAndRangeComeFromDifferentFigures() throws {
    let catalog = try RadarTypeCatalog(contentsOf: Self.scenarios.appendingPathComponent("radar-types.yaml").path)
    let lima = try #require(catalog["lima-psr"])
    let model = try #require(lima.detectionModel(falseAlarmProbability: 1e-6))
    // A 2 m2 light aircraft is seen with Pd 0.5 at the reported 88 km.
    #expect(abs(model.probability(range: 88_000, rcs: 2) - 0.5) < 0.01)
    let areaRadius = (49_610e6 / Double.pi).squareRoot()
    #expect(abs(lima.instrumentedRange.value - areaRadius) < 1_000)
    // At the area's radius the same aircraft is seen far less often than at its own detection range.
    #expect(model.probability(range: areaRadius, rcs: 2) < 0.2)
  }

  @Test(arguments: ["peru-2025", "peru-2025-ssr-only", "peru-planned"])
  func shippedScenariosParse(name: String) throws {
    let scenario = try ScenarioReader.read(contentsOf: Self.scenarios.appendingPathComponent("\(name).yaml").path)
    #expect(scenario.id == name)
    #expect(scenario.networks.map(\.id) == ["non-integrated", "integrated"])
    #expect(scenario.targets.contains { !$0.transponderOn })
    #expect(scenario.radars.contains { $0.operator == "FAP" && $0.type.id == "an-tps-70" })
    let notional = scenario.radars.filter(\.notional)
    #expect(notional.allSatisfy { $0.name.lowercased().contains("notional") })  // may be empty: checked next
    #expect((name == "peru-planned") == !notional.isEmpty)
    #expect(FileManager.default.fileExists(atPath: scenario.regionsFile!))
    // Flight levels as aviators give them, each with its source or assumption.
    #expect(scenario.flightLevels.map(\.value) == [100, 150, 250])
    #expect(scenario.flightLevels.isNonEmptyAndAll { !$0.provenance.label.isEmpty })
  }

  @Test func flightLevelsCountTowardTheSixteenTrackedAltitudes() throws {
    let crowded = Self.valid.replacingOccurrences(
      of: "altitudes_agl_m: [150, 300, 500, 1000, 3000, 7600]",
      with: "altitudes_agl_m: [150, 300, 500, 1000, 3000, 7600, 1, 2, 3, 4, 5, 6, 7, 8]")
    let error = try #require(parseError(crowded))
    #expect(error.field == "flight_levels" && error.description.contains("at most 16 altitudes"), "\(error)")
    // 13 above ground, the map's 300 m among them, and 3 flight levels: 16 in all.
    let full = Self.valid.replacingOccurrences(
      of: "altitudes_agl_m: [150, 300, 500, 1000, 3000, 7600]",
      with: "altitudes_agl_m: [150, 300, 500, 1000, 3000, 7600, 1, 2, 3, 4, 5, 6, 7]")
    #expect(parseError(full) == nil)
  }

  @Test func flightLevelsAreOptional() throws {
    let without = Self.valid.replacingOccurrences(
      of: #"flight_levels:\n(  - .*\n)+"#, with: "", options: .regularExpression)
    #expect(!without.contains("flight_levels"))
    let scenario = try ScenarioReader.parse(yaml: without, file: "without.yaml", folder: Self.scenarios)
    #expect(scenario.flightLevels.isEmpty && scenario.altitudesAGL.count == 6)
  }

  @Test func civilSitesAreSecondaryOnlyInThePubliclyReportedScenario() throws {
    let scenario = try ScenarioReader.read(
      contentsOf: Self.scenarios.appendingPathComponent("peru-2025-ssr-only.yaml").path)
    let civilPrimaries = scenario.radars.filter { $0.operator == "CORPAC" && $0.type.role == .primary }
    #expect(civilPrimaries.map(\.type.id) == ["lima-psr"])
  }

  func parseError(_ yaml: String) -> ScenarioFileError? { scenarioParseError(yaml, folder: Self.scenarios) }

  /// A valid scenario, line by line, to break one field at a time.
  static let valid = try! String(
    contentsOf: scenarios.appendingPathComponent("peru-2025-ssr-only.yaml"), encoding: .utf8)

  @Test func theValidBaseParses() { #expect(parseError(Self.valid) == nil) }

  @Test(arguments: [
    ("type: indra-mssr", "type: no-such-radar", "sites[2].type", "unknown radar type"),
    ("lat: -3.7847", "lat: north", "sites[7].lat", "expected a number"),
    ("lat: -3.7847", "lat: -95", "sites[7].lat", "outside"),
    ("transponder: off", "transponder: maybe", "targets[0].transponder", "true/false"),
    ("map_altitude_agl_m: 300", "map_altitude_agl_m: -300", "map_altitude_agl_m", "outside"),
    (
      "altitudes_agl_m: [150, 300, 500, 1000, 3000, 7600]\nmap_altitude_agl_m: 300",
      "altitudes_agl_m: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\nmap_altitude_agl_m: 17",
      "map_altitude_agl_m", "at most 16 altitudes"
    ),
    ("scenario: peru-2025-ssr-only", "scenario: peru-2025-ssr-only\ncolour: red", "colour", "unknown field"),
    ("  - {value: 150, assumption:", "  - {value: 15.5, assumption:", "flight_levels[1]", "whole number"),
    ("  - {value: 150, assumption:", "  - {value: 100, assumption:", "flight_levels", "duplicate flight level"),
    ("  - {value: 150, assumption:", "  - {value: 700, assumption:", "flight_levels[1].value", "outside"),
    ("  - {value: 150, assumption:", "  - {value: 150, note:", "flight_levels[1].note", "unknown field"),

    ("    real_time: [FAP]\n", "    real_time: [NAVY]\n", "networks[0].real_time", "no site has operator"),
  ])
  func badScenariosNameTheOffendingField(replace: String, with: String, field: String, message: String) throws {
    let broken = Self.valid.replacingOccurrences(
      of: replace, with: with, options: [], range: Self.valid.range(of: replace))
    let error = try #require(parseError(broken))
    #expect(error.field == field, "\(error)")
    #expect(error.description.contains(message), "\(error)")
    #expect(error.line != nil)
    let line = broken.split(separator: "\n", omittingEmptySubsequences: false)[error.line! - 1]
    #expect(line.contains(with.split(separator: "\n").last!.split(separator: ":")[0]), "line \(error.line!): \(line)")
  }

  @Test func missingFieldsAndNegativeHeightsAreRefused() throws {
    let withoutDetection = Self.valid.replacingOccurrences(of: "detection:", with: "detection_off:")
    #expect(parseError(withoutDetection)?.field.isEmpty == false)
    // The Lima primary (sites[1]) states its mast; the only 15 m mast in the file.
    let mast =
      "antenna_agl_m: {value: 15, assumption: \"tower height not found in sources: 15 m, the preset's "
      + "tower-mounted antenna\"}"
    #expect(Self.valid.components(separatedBy: mast).count == 2)
    let negative = Self.valid.replacingOccurrences(of: mast, with: "antenna_agl_m: {value: -5, assumption: \"x\"}")
    let error = try #require(parseError(negative))
    #expect(error.field == "sites[1].antenna_agl_m.value", "\(error)")
    let unsourced = Self.valid.replacingOccurrences(of: mast, with: "antenna_agl_m: {value: 5}")
    #expect(parseError(unsourced)?.description.contains("exactly one of 'source'") == true)
    #expect(parseError("sites: [\n")?.description.hasPrefix("bad.yaml:2:1: YAML syntax error: ") == true)
  }
}
