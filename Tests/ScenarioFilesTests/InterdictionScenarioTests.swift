import Foundation
import InterdictionModels
import ScenarioFiles
import Testing

@Suite struct InterdictionScenarioTests {
  static let folder = ScenarioFileTests.scenarios

  @Test(arguments: ["interdiction-2025", "interdiction-planned"])
  func shippedInterdictionScenariosParse(name: String) throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.folder.appendingPathComponent("\(name).yaml").path)
    #expect(
      Set(scenario.interceptors.map(\.id)).isSuperset(of: [
        "f16-block70", "gripen-e", "rafale-f4", "a-29", "at-6", "kt-1p", "mirage-2000p", "mig-29",
      ]))
    #expect(scenario.rules.classificationTime.keys.sorted() == scenario.network.networks.map(\.id).sorted())
    // Units arrive in SI: 165 kt is 84.9 m/s, a 550 km radius is 550,000 m.
    let c210 = scenario.aircraft.first { $0.id == "c210" }!
    #expect(abs(c210.cruiseSpeed.value - 165 * 1_852 / 3_600) < 1e-9)
    #expect(scenario.interceptors.first { $0.id == "f16-block70" }!.combatRadius.value == 550_000)
    #expect(scenario.interceptors.first { $0.id == "mig-29" }!.unitCost == nil)
    #expect(scenario.budget.value == 3.5e9)
    // Re-association and evidence rules arrive in SI, each with its provenance: 5 km, 1.5 km/min, 20 min.
    let rules = scenario.rules
    #expect(rules.reassociation.gate.value == 5_000)
    #expect(abs(rules.reassociation.gateGrowth.value - 25) < 1e-9)
    #expect(rules.reassociation.maximumGap.value == 1_200)
    #expect(rules.evidence.squawkFactor.value == 1.5 && rules.evidence.entryUnseenFactor.value == 1.5)
    #expect(rules.reassociation.gate.provenance != rules.evidence.squawkFactor.provenance)
    // The engagement assumptions, in seconds, each with its stated assumption.
    #expect(scenario.rules.searchTime.value == 15 * 60)
    #expect(scenario.rules.turnaround.value == 60 * 60)
    #expect(scenario.rules.alertPairsPerStation.value == 1)
    for figure in [scenario.rules.searchTime, scenario.rules.turnaround, scenario.rules.alertPairsPerStation] {
      guard case .assumption(let text) = figure.provenance else {
        Issue.record("\(figure) is not a stated assumption")
        continue
      }
      #expect(!text.isEmpty)
    }
  }

  @Test func alertPairsPerStationIsAWholeNumber() throws {
    let error = try Self.readEdited(
      "  alert_pairs_per_station: {value: 1,", "  alert_pairs_per_station: {value: 1.5,")
    #expect(error?.field == "rules.alert_pairs_per_station", "\(String(describing: error))")
    #expect(error?.description.contains("whole number") == true)
  }

  @Test func routesStripsAndSharesAreRead() throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.folder.appendingPathComponent("interdiction-2025.yaml").path)
    let pattern = scenario.pattern
    #expect(pattern.destinations.allSatisfy { $0.share != nil })
    #expect(pattern.routing.knownRadars.value == .fixedPrimary)
    #expect(pattern.routing.plannedShare.value > 0 && pattern.routing.plannedShare.value <= 1)
    // Percent arrives as rise over run.
    #expect(abs(pattern.strips.maximumSlope.value - 0.04) < 1e-12)
    #expect(pattern.strips.knownStripsFile == nil)
  }

  /// The error reading `interdiction-2025.yaml` with `original` replaced by `replacement` (from a temporary file, its
  /// network reference made absolute), or nil when it reads.
  static func readEdited(_ original: String, _ replacement: String) throws -> ScenarioFileError? {
    let text = try String(contentsOf: Self.folder.appendingPathComponent("interdiction-2025.yaml"), encoding: .utf8)
    #expect(text.contains(original), "the shipped scenario no longer holds '\(original)'")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
    try Data(
      text.replacingOccurrences(of: original, with: replacement).replacingOccurrences(
        of: "network: peru-2025-ssr-only.yaml",
        with: "network: \(Self.folder.appendingPathComponent("peru-2025-ssr-only.yaml").path)"
      ).utf8
    ).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      _ = try InterdictionScenarioReader.read(contentsOf: file.path)
      return nil
    } catch let error as ScenarioFileError {
      return error
    }
  }

  @Test func badRouteAndStripFieldsAreLocated() throws {
    let radars = try Self.readEdited("known_radars: {value: fixed-primary,", "known_radars: {value: everyone,")
    #expect(
      radars?.field == "flights.routing.known_radars.value" && radars?.line != nil, "\(String(describing: radars))")
    let share = try Self.readEdited(
      "radius_km: 30, source: \"strips named by Correo 2016\", share: {value: 0.12, assumption: \"31 of Ucayali's 45 strips (Mongabay Latam 2024)\"}}",
      "radius_km: 30, source: \"strips named by Correo 2016\"}")
    #expect(share?.field == "flights.destinations" && share?.message.contains("share") == true)
    let slope = try Self.readEdited("max_slope_percent: {value: 4,", "max_slope_percent: {value: 400,")
    #expect(slope?.field == "flights.strips.max_slope_percent.value" && slope?.line != nil)
    let missing = try Self.readEdited("    max_altitude_m:", "    known_strips_file: nowhere.gpkg\n    max_altitude_m:")
    #expect(missing?.field == "flights.strips.known_strips_file" && missing?.line != nil)
    let unsourced = try Self.readEdited(
      "exposure_weight: {value: 10, assumption:", "exposure_weight: {value: 10, note:")
    #expect(unsourced?.field.hasPrefix("flights.routing.exposure_weight") == true)
  }

  @Test func aBadFieldIsLocated() throws {
    let error = try Self.readEdited("    cruise_kt: {value: 165,", "    cruise_knots: {value: 165,")
    #expect(error?.field == "aircraft[0].cruise_knots", "\(String(describing: error))")
    #expect(error?.description.contains("unknown field") == true)
    #expect(error?.line != nil)
  }
}
