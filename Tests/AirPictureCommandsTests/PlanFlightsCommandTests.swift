import Foundation
import Testing

/// `airpicture plan` with the objective's flight term, on the coarse embedded DEM: the detected share appears in
/// plan.csv, plan.json and the summary only when the plan has flights, and grows with the sites.
@Suite final class PlanFlightsCommandTests {
  let folder: TestFolder

  init() throws { folder = try TestFolder("plan-flights") }

  static func flightsEntry(count: Int) -> String {
    """

    objective:
      flights:
        scenario: \(PlanCommandTests.scenarios.appendingPathComponent("interdiction-2025.yaml").path)
        count: {value: \(count), assumption: "test"}
        seed: 1
        weight_km2: {value: 20000, assumption: "test"}
    """
  }

  func run(_ plan: String, out: String) throws -> AirPictureProcess.Result {
    let path = folder("plan-\(UUID().uuidString).yaml")
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    return try AirPictureProcess.run(["plan", path, "--dem", PlanCommandTests.dem, "--out", out, "--threads", "2"])
  }

  @Test func theDetectedShareIsReportedOnlyWithFlightsAndGrowsWithTheSites() throws {
    let plain = try run(PlanCommandTests.planText(), out: folder("plain"))
    #expect(plain.status == 0, "\(plain.stderr)")
    let plainHeader = try String(contentsOfFile: folder("plain/plan.csv"), encoding: .utf8).split(separator: "\n")[0]
    #expect(plainHeader.hasSuffix(",cumulative_expected_km2,upper_bound_km2,guaranteed_share"), "\(plainHeader)")
    #expect(!plain.stdout.contains("flights:"))
    let plainJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder("plain/plan.json"))))
        as? [String: Any])
    #expect(plainJSON["flights"] == nil)

    let result = try run(PlanCommandTests.planText() + Self.flightsEntry(count: 60), out: folder("flights"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("of 60 simulated flights of interdiction-2025 (seed 1)"), "\(result.stdout)")
    let rows = try String(contentsOfFile: folder("flights/plan.csv"), encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",").map(String.init) }
    // The plain columns stay as they were, in their order, with the share after them.
    #expect(rows[0] == plainHeader.split(separator: ",").map(String.init) + ["expected_detected_share"])
    let shares = rows.dropFirst().map { Double($0.last!)! }
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder("flights/plan.json"))))
        as? [String: Any])
    let flights = try #require(json["flights"] as? [String: Any])
    let base = try #require(flights["base_detected_share"] as? Double)
    let final = try #require(flights["final_detected_share"] as? Double)
    #expect(flights["count"] as? Int == 60 && flights["seed"] as? Int == 1)
    #expect((0...1).contains(base) && (0...1).contains(final))
    #expect(zip([base] + shares, shares).allSatisfy { $0 <= $1 + 1e-4 }, "\(base) \(shares)")
    #expect(abs(shares.last! - final) < 1e-4)
    let sites = try #require(json["sites"] as? [[String: Any]])
    #expect(sites.allSatisfy { $0["expected_detected_share"] is Double })
  }

  @Test func theSameFlightPlanGivesTheSameFilesWhateverTheThreads() throws {
    let plan = PlanCommandTests.planText() + Self.flightsEntry(count: 40)
    let one = try run(plan, out: folder("one"))
    let path = folder("plan-threads.yaml")
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    let four = try AirPictureProcess.run([
      "plan", path, "--dem", PlanCommandTests.dem, "--out", folder("four"), "--threads", "4",
    ])
    #expect(one.status == 0 && four.status == 0, "\(one.stderr) \(four.stderr)")
    for name in ["plan.csv", "plan.json", "candidates.csv"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: folder("one/\(name)")))
          == Data(contentsOf: URL(fileURLWithPath: folder("four/\(name)"))), "\(name)")
    }
  }
}
