import Foundation
import GeoRaster
import Testing

/// `airpicture run` and `compare` as processes, on the embedded coarse DEM.
@Suite final class RunCommandTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-run-\(UUID().uuidString)")
  static let repository = AirPictureProcess.repository

  func run(_ arguments: [String]) throws -> AirPictureProcess.Result {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try AirPictureProcess.run(arguments)
  }

  func arguments(out: String, threads: Int) -> [String] {
    [
      "run", Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path, "--dem",
      Self.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path, "--flights", "150", "--seed", "3",
      "--map-flights", "10", "--no-coverage-maps", "--threads", "\(threads)", "--out", out,
    ]
  }

  @Test func aRunWritesItsTablesLayersAndReportAndRepeatsExactly() throws {
    let first = directory.appendingPathComponent("one").path
    let result = try run(arguments(out: first, threads: 1))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("P(intercept)"))
    for name in ["comparison.csv", "comparison.json", "flights.gpkg", "flights.kml", "report.html"] {
      #expect(FileManager.default.fileExists(atPath: "\(first)/\(name)"), "missing \(name)")
    }
    let csv = try String(contentsOfFile: "\(first)/comparison.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 1 + 2 * 8 * 2)  // networks x interceptors x basings
    let html = try String(contentsOfFile: "\(first)/report.html", encoding: .utf8)
    #expect(html.contains("<svg") && html.contains("P(intercept)"))
    let second = directory.appendingPathComponent("two").path
    #expect(try run(arguments(out: second, threads: 2)).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: "\(first)/comparison.csv"))
        == Data(contentsOf: URL(fileURLWithPath: "\(second)/comparison.csv")))
  }

  @Test func badInputGetsOneLineAndNoOutput() throws {
    let out = directory.appendingPathComponent("never").path
    var arguments = arguments(out: out, threads: 1)
    arguments[arguments.firstIndex(of: "150")!] = "0"
    let zero = try run(arguments)
    #expect(zero.status != 0 && zero.stderr.split(separator: "\n").count == 1 && zero.stderr.contains("--flights"))
    let missing = try run(["run", "/nonexistent/scenario.yaml", "--out", out])
    #expect(missing.status != 0 && missing.stderr.split(separator: "\n").count == 1)
    #expect(missing.stderr.contains("cannot read"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aOneLetterOutputFolderWorksFromTheCurrentFolder() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let result = try AirPictureProcess.run(arguments(out: "o", threads: 1), in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("o/comparison.csv").path))
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("o/airpicture-manifest.json").path))
  }

  @Test func aDEMOnAnotherDatumIsRefusedByTheScenarioRunner() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let psad = directory.appendingPathComponent("psad56.tif").path
    try RasterDataset.translate(
      Self.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path, to: psad,
      arguments: ["-a_srs", "EPSG:4248"])
    var arguments = arguments(out: directory.appendingPathComponent("datum").path, threads: 1)
    arguments[arguments.firstIndex(of: "--dem")! + 1] = psad
    let result = try run(arguments)
    #expect(result.status != 0 && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("WGS 84"))
  }

  @Test func mapLayersThatCannotFitAndARepeatedScenarioAreRefused() throws {
    let out = directory.appendingPathComponent("huge").path
    var arguments = arguments(out: out, threads: 1)
    arguments[arguments.firstIndex(of: "10")!] = "10000000"
    arguments[arguments.firstIndex(of: "150")!] = "10000000"
    let huge = try run(arguments)
    #expect(huge.status != 0 && huge.stderr.split(separator: "\n").count == 1, "\(huge.stderr)")
    #expect(huge.stderr.contains("--map-flights"))
    let scenario = Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path
    let twice = try run(["compare", scenario, scenario, "--flights", "10", "--out", out])
    #expect(twice.status != 0 && twice.stderr.split(separator: "\n").count == 1 && twice.stderr.contains("twice"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
