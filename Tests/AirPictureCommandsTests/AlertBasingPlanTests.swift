import Foundation
import Testing

/// `airpicture plan` with a `basing:` section, run as a process on the coarse embedded DEM.
@Suite final class AlertBasingPlanTests {
  let folder: TestFolder

  init() throws { folder = try TestFolder("basing") }

  /// The small test plan with a basing section: `bases` forward bases among the scenario's three stations, for the
  /// A-29 under today's integrated network and the plan's.
  static func planText(bases: Int = 1) -> String {
    PlanCommandTests.planText() + """

      basing:
        scenario: \(PlanCommandTests.scenarios.appendingPathComponent("interdiction-2025.yaml").path)
        reference: forward-15
        interceptors: [a-29]
        bases: {value: \(bases), assumption: "test"}
        flights: 120
        seed: 3
        networks:
          - {network: base, configuration: integrated}
          - {network: plan, configuration: integrated}
        airfields:
          from_scenario: true
          alert_min: {value: 20, assumption: "test"}
      """
  }

  func run(_ plan: String, out: String, threads: Int) throws -> AirPictureProcess.Result {
    let path = folder("plan-\(UUID().uuidString).yaml")
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    return try AirPictureProcess.run([
      "plan", path, "--dem", PlanCommandTests.dem, "--out", out, "--threads", "\(threads)",
    ])
  }

  @Test func aPlanWithABasingWritesItsTableTheSameOnAnyThreadCount() throws {
    let one = folder("one")
    let result = try run(Self.planText(), out: one, threads: 1)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("alert basing: 1 forward bases"), "\(result.stdout)")
    let csv = try String(contentsOfFile: "\(one)/basing.csv", encoding: .utf8).split(separator: "\n")
    #expect(csv.count == 3)
    #expect(csv[0].hasPrefix("network,configuration,interceptor,bases_k,bases,found_by,p_intercept"))
    #expect(csv[1].hasPrefix("peru-2025-ssr-only,integrated,a-29,1,"), "\(csv[1])")
    #expect(csv[2].hasPrefix("peru-2025-ssr-only-plus-test-plan,integrated,a-29,1,"), "\(csv[2])")
    // Three candidates, one base: every set is tried, so the answer is the best of all.
    for row in csv.dropFirst() {
      #expect(row.contains(",greedy and exhaustive,") || row.contains(",exhaustive,"), "\(row)")
      #expect(["La Joya", "Puerto Maldonado", "Mazamari"].contains { row.contains("\"\($0)\"") }, "\(row)")
    }
    let markdown = try String(contentsOfFile: "\(one)/basing.md", encoding: .utf8)
    #expect(markdown.contains("Does the best basing change with the network?"))
    let two = folder("two")
    #expect(try run(Self.planText(), out: two, threads: 2).status == 0)
    for name in ["basing.csv", "basing.md"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(one)/\(name)"))
          == Data(contentsOf: URL(fileURLWithPath: "\(two)/\(name)")), "\(name)")
    }
  }

  @Test func moreBasesThanAirfieldsIsRefusedInOneLineWithNoOutput() throws {
    let out = folder("never")
    let result = try run(Self.planText(bases: 4), out: out, threads: 2)
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("only 3 candidate airfields"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
