import Foundation
import Testing

/// `run` and `compare --network FILE`: the interdiction scenario flown over another radar network, as it is (such as
/// the network.yaml `airpicture plan` writes), on the embedded coarse DEM.
@Suite final class NetworkOverrideTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "airpicture-network-\(UUID().uuidString)")
  static let scenarios = AirPictureProcess.repository.appendingPathComponent("Scenarios")
  static let dem = AirPictureProcess.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path

  func run(_ scenario: String, _ extra: [String], out: String) throws -> AirPictureProcess.Result {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try AirPictureProcess.run(
      [
        "run", Self.scenarios.appendingPathComponent(scenario).path, "--dem", Self.dem, "--flights", "60", "--seed",
        "5",
        "--map-flights", "0", "--no-coverage-maps", "--threads", "2", "--out", out,
      ] + extra)
  }

  /// comparison.csv's rows without the scenario column.
  func rows(_ folder: String) throws -> [String] {
    try String(contentsOfFile: "\(folder)/comparison.csv", encoding: .utf8).split(separator: "\n").dropFirst().map {
      String($0.drop { $0 != "," })
    }
  }

  @Test func theOverrideFliesTheScenarioOverTheOtherNetworkAsItIs() throws {
    // interdiction-planned.yaml is interdiction-2025.yaml with peru-planned.yaml as its network: the override must
    // give its numbers, and differ from the scenario's own network.
    let own = directory.appendingPathComponent("own").path
    let overridden = directory.appendingPathComponent("overridden").path
    let planned = directory.appendingPathComponent("planned").path
    let first = try run("interdiction-2025.yaml", [], out: own)
    #expect(first.status == 0, "\(first.stderr)")
    let second = try run(
      "interdiction-2025.yaml", ["--network", Self.scenarios.appendingPathComponent("peru-planned.yaml").path],
      out: overridden)
    #expect(second.status == 0, "\(second.stderr)")
    let third = try run("interdiction-planned.yaml", [], out: planned)
    #expect(third.status == 0, "\(third.stderr)")
    #expect(try rows(overridden) == rows(planned))
    #expect(try rows(overridden) != rows(own))
  }

  @Test func aBadNetworkIsRefusedInOneLineWithNoOutput() throws {
    let out = directory.appendingPathComponent("never").path
    for network in [
      "/nonexistent/network.yaml", Self.scenarios.appendingPathComponent("interdiction-planned.yaml").path,
    ] {
      let result = try run("interdiction-2025.yaml", ["--network", network], out: out)
      #expect(result.status != 0)
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
      let compared = try AirPictureProcess.run(
        [
          "compare", Self.scenarios.appendingPathComponent("interdiction-2025.yaml").path, "--network", network,
          "--flights", "10", "--out", out,
        ])
      #expect(compared.status != 0)
      #expect(compared.stderr.split(separator: "\n").count == 1, "\(compared.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func compareTakesTheNetworkToo() throws {
    let out = directory.appendingPathComponent("compared").path
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let result = try AirPictureProcess.run(
      [
        "compare", Self.scenarios.appendingPathComponent("interdiction-2025.yaml").path, "--network",
        Self.scenarios.appendingPathComponent("peru-planned.yaml").path, "--dem", Self.dem, "--flights", "60",
        "--seed", "5", "--map-flights", "0", "--no-coverage-maps", "--threads", "2", "--out", out,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let planned = directory.appendingPathComponent("planned-run").path
    #expect(try run("interdiction-planned.yaml", [], out: planned).status == 0)
    #expect(try rows(out) == rows(planned))
  }
}
