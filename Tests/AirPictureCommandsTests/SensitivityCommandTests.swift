import Foundation
import GeoRaster
import Testing

/// `airpicture sensitivity` as a process, on the embedded coarse DEM.
@Suite final class SensitivityCommandTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-sens-\(UUID().uuidString)")
  static let repository = AirPictureProcess.repository

  func run(_ arguments: [String]) throws -> AirPictureProcess.Result {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try AirPictureProcess.run(arguments)
  }

  func arguments(out: String, threads: Int) -> [String] {
    [
      "sensitivity", Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path, "--dem",
      Self.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path, "--flights", "60", "--seed", "3",
      "--parameters", "alert_readiness,classification_time", "--interceptors", "f16-block70,a-29", "--threads",
      "\(threads)", "--out", out,
    ]
  }

  @Test func aStudyWritesItsTableChartsAndSummaryAndRepeatsExactly() throws {
    let first = directory.appendingPathComponent("one").path
    let result = try run(arguments(out: first, threads: 1))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("## Does the best option by P(intercept) change?"))
    #expect(result.stdout.contains("classification time") && result.stdout.contains("alert readiness"))
    let csv = try String(contentsOfFile: "\(first)/sensitivity.csv", encoding: .utf8)
    // parameters x (networks x interceptors x basings), and the scenario's own ranges.
    #expect(csv.split(separator: "\n").count == 1 + 2 * (2 * 2 * 2))
    #expect(csv.contains(",scenario,\"derived: the rules' spans"))
    let summary = try String(contentsOfFile: "\(first)/summary.md", encoding: .utf8)
    #expect(result.stdout.contains(summary))
    for name in ["tornado-p-intercept.png", "tornado-cost-per-interception.png"] {
      let image = try PNGWriter.read("\(first)/\(name)")
      #expect(image.width == 1_400 && image.height > 400, "\(name)")
    }
    let second = directory.appendingPathComponent("two").path
    #expect(try run(arguments(out: second, threads: 2)).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: "\(first)/sensitivity.csv"))
        == Data(contentsOf: URL(fileURLWithPath: "\(second)/sensitivity.csv")))
  }

  @Test func badInputGetsOneLineAndNoOutput() throws {
    let out = directory.appendingPathComponent("never").path
    for (option, value) in [("--parameters", "route_shares"), ("--interceptors", "f-35"), ("--flights", "0")] {
      var arguments = arguments(out: out, threads: 1)
      arguments[arguments.firstIndex(of: option)! + 1] = value
      let result = try run(arguments)
      #expect(result.status != 0, "\(option) \(value)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(result.stderr.contains(option) && result.stderr.contains(value == "0" ? "1...10000000" : value))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
    // A folder the run did not create is never replaced.
    let mine = directory.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
    let refused = try run(arguments(out: mine.path, threads: 1))
    #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
  }
}
