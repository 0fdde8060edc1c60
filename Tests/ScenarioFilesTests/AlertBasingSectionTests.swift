import Foundation
import InterdictionModels
import RadarModels
import ScenarioFiles
import Testing

/// The plan file's `basing:` section: the shipped one reads, and a bad one is refused at its file, line and field.
@Suite struct AlertBasingSectionTests {
  static let scenarios = SitingPlanFileTests.scenarios
  static let valid = SitingPlanFileTests.valid

  @Test func shippedBasingSectionReads() throws {
    let plan = try SitingPlanReader.read(contentsOf: SitingPlanFileTests.shipped.path)
    let basing = try #require(plan.basing)
    #expect(basing.scenario.id == "interdiction-2025")
    #expect(basing.reference.id.rawValue == "forward-15")
    #expect(basing.interceptors.map(\.id.rawValue) == ["f16-block70", "a-29"])
    #expect(basing.bases.value == 2)
    #expect(
      basing.networks.map(\.configuration.rawValue) == ["non-integrated", "integrated", "integrated", "integrated"])
    #expect(basing.networks[0].source == .base && basing.networks[3].source == .plan)
    guard case .file(let planned) = basing.networks[2].source else {
      Issue.record("the third network is not a file")
      return
    }
    #expect(planned.hasSuffix("/Scenarios/peru-planned.yaml") && FileManager.default.fileExists(atPath: planned))
    #expect(basing.airfieldsFromScenario)
    let file = try #require(basing.airfieldsFile)
    #expect(FileManager.default.fileExists(atPath: file.value))
    // No alert delay given: the scenario's shortest (15 minutes), with its provenance.
    #expect(basing.alertDelay.value == 15 * 60)
    #expect("\(basing.alertDelay.provenance)".contains("quick reaction alert"))
  }

  @Test(arguments: [
    ("  reference: forward-15", "  reference: everywhere", "basing.reference", "unknown basing 'everywhere'"),
    (
      "  interceptors: [f16-block70, a-29]", "  interceptors: [f16-block70, eurofighter]",
      "basing.interceptors[1]", "unknown interceptor 'eurofighter'"
    ),
    (
      "  interceptors: [f16-block70, a-29]", "  interceptors: [a-29, a-29]", "basing.interceptors[1]",
      "given twice"
    ),
    ("  bases: {value: 2, assumption:", "  bases: {value: 1.5, assumption:", "basing.bases", "whole number"),
    ("  bases: {value: 2, assumption:", "  bases: {value: 2, note:", "basing.bases.note", "unknown field"),
    ("  flights: 1000", "  flights: 0", "basing.flights", "outside"),
    (
      "    - {network: base, configuration: non-integrated}", "    - {network: base, configuration: fused}",
      "basing.networks[0].configuration", "unknown network configuration 'fused'"
    ),
    (
      "    - {network: peru-planned.yaml, configuration: integrated}",
      "    - {network: missing.yaml, configuration: integrated}", "basing.networks[2].network",
      "cannot run on the network"
    ),
    (
      "    - {network: plan, configuration: integrated}", "    - {network: base, configuration: integrated}",
      "basing.networks[3]", "given twice"
    ),
    (
      "    from_scenario: true\n    file:", "    from_scenario: false\n    filed:", "basing.airfields.filed",
      "unknown field"
    ),
    ("  seed: 1", "  seed: 1\n  colour: red", "basing.colour", "unknown field"),
  ])
  func badBasingSectionsNameTheOffendingField(replace: String, with: String, field: String, message: String) throws {
    #expect(Self.valid.components(separatedBy: replace).count == 2, "'\(replace)' is not unique in the plan")
    let broken = Self.valid.replacingOccurrences(of: replace, with: with)
    do {
      _ = try SitingPlanReader.parse(yaml: broken, file: "bad.yaml", folder: Self.scenarios)
      Issue.record("'\(with)' was accepted")
    } catch let error as ScenarioFileError {
      #expect(error.field == field, "\(error)")
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.hasPrefix("bad.yaml:") && error.line != nil, "\(error)")
      #expect(!error.description.contains("\n"), "\(error)")
    }
  }

  @Test func aNetworkTheScenarioCannotRunOnIsRefusedAtTheNetwork() throws {
    // A network whose configurations the scenario's rules give no classification time.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("basing-net-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let network = try String(
      contentsOf: Self.scenarios.appendingPathComponent("peru-2025-ssr-only.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "  - id: integrated", with: "  - id: fused")
    .replacingOccurrences(
      of: "radar_types: radar-types.yaml", with: "radar_types: \(Self.scenarios.path)/radar-types.yaml"
    )
    .replacingOccurrences(of: "file: regions/", with: "file: \(Self.scenarios.path)/regions/")
    .replacingOccurrences(of: "borders: regions/", with: "borders: \(Self.scenarios.path)/regions/")
    let path = folder.appendingPathComponent("renamed.yaml").path
    try network.write(toFile: path, atomically: true, encoding: .utf8)
    let broken = Self.valid.replacingOccurrences(
      of: "    - {network: peru-planned.yaml, configuration: integrated}",
      with: "    - {network: \(path), configuration: fused}")
    do {
      _ = try SitingPlanReader.parse(yaml: broken, file: "bad.yaml", folder: Self.scenarios)
      Issue.record("a network the scenario's rules do not cover was accepted")
    } catch let error as ScenarioFileError {
      #expect(error.field == "basing.networks[2].network", "\(error)")
      #expect(error.description.contains("no network configuration 'integrated'"), "\(error)")
    }
  }
}
