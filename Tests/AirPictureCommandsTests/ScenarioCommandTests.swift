import Foundation
import Testing

/// `airpicture coverage SCENARIO.yaml --out DIR`, run as a process.
@Suite final class ScenarioCommandTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  static let repository = AirPictureProcess.repository
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-scn-\(UUID().uuidString)")

  func run(_ arguments: [String]) throws -> AirPictureProcess.Result {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try AirPictureProcess.run(arguments)
  }

  @Test func aScenarioRunWritesTablesMapsAndKML() throws {
    let out = directory.appendingPathComponent("ssr").path
    let result = try run([
      "coverage", Self.repository.appendingPathComponent("Scenarios/peru-2025-ssr-only.yaml").path,
      "--dem", Self.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path, "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("integrated - non-integrated"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    for name in [
      "coverage-table.csv", "coverage-table.json", "coverage.kml", "integrated--non-cooperative.tif",
      "integrated--non-cooperative.png", "non-integrated--cooperative.png", "per-radar",
    ] {
      #expect(files.contains(name), "missing \(name)")
    }
    let csv = try String(contentsOfFile: "\(out)/coverage-table.csv", encoding: .utf8)
    // configurations x targets x regions x (altitudes above ground + flight levels)
    #expect(csv.split(separator: "\n").count == 1 + 2 * 2 * 6 * (6 + 3))
    #expect(csv.contains(",MSL,FL250,7620.0,25000,"))
    #expect(!(try FileManager.default.contentsOfDirectory(atPath: directory.path)).contains { $0.contains("partial") })
  }

  @Test func aBadScenarioGetsOneLocatedLineAndNoOutput() throws {
    let text = try String(
      contentsOf: Self.repository.appendingPathComponent("Scenarios/peru-2025-ssr-only.yaml"), encoding: .utf8)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let broken = directory.appendingPathComponent("broken.yaml")
    // Written beside the repository's Scenarios/ paths so its relative references still resolve.
    let relocated = text.replacingOccurrences(
      of: "radar_types: radar-types.yaml",
      with:
        "radar_types: \(Self.repository.appendingPathComponent("Scenarios/radar-types.yaml").path)"
    )
    .replacingOccurrences(of: "type: indra-mssr", with: "type: indra-msr")
    try Data(relocated.utf8).write(to: broken)
    let out = directory.appendingPathComponent("never").path
    let result = try run(["coverage", broken.path, "--out", out])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("broken.yaml:") && result.stderr.contains("sites[2].type"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func siteOptionsDoNotMixWithAScenario() throws {
    let result = try run([
      "coverage", Self.repository.appendingPathComponent("Scenarios/peru-2025.yaml").path, "--site=-12,-70,10",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--site does not apply"))
  }
}
