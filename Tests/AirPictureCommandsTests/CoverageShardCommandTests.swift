import Foundation
import Testing

/// `airpicture coverage --site ... --shard I/N` and `airpicture merge`, run as processes on the coarse embedded DEM:
/// the merged folder holds the unsharded run's files to the byte, and a merge refuses what it cannot vouch for.
@Suite final class CoverageShardCommandTests {
  static let dem = PlanShardCommandTests.dem
  /// Five sites over southern and central Peru; the last stands where the first does (another name), so every
  /// cell the first sees is a tie that must go to the first (index 0), whichever shard each lands in.
  static let sites = [
    "-12.6,-69.2,10,Puerto Maldonado", "-9.3,-74.9,15", "-13.2,-72.0,10,Cusco", "-10.5,-71.5,25,East",
    "-12.6,-69.2,10,Twin",
  ]
  /// The run's options, the output options given as file names (a shard keeps only the names).
  static let options = [
    "--range-km", "250", "--png", "map.png", "--summary-csv", "table.csv", "--summary-json", "table.json", "--kmz",
    "overlay.kmz",
  ]
  let folder: TestFolder

  init() throws { folder = try TestFolder("coverage-shard") }

  func arguments(sites: [String] = sites, extra: [String] = []) -> [String] {
    ["coverage", "--dem", Self.dem, "--threads", "2"] + sites.flatMap { ["--site", $0] } + Self.options + extra
  }

  /// The unsharded run writing into `name`: --out NAME/coverage.tif and each output option's file in NAME.
  func unsharded(into name: String, extra: [String] = []) throws -> String {
    let out = folder(name)
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var given = arguments(extra: extra)
    for (index, argument) in given.enumerated()
    where ["--png", "--summary-csv", "--summary-json", "--kmz"].contains(argument) {
      given[index + 1] = out + "/" + given[index + 1]
    }
    let result = try AirPictureProcess.run(given + ["--out", out + "/coverage.tif"])
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  /// Runs shards 1…count into `prefix-I` and returns their folders.
  func shards(count: Int, prefix: String, sites: [String] = sites, extra: [String] = []) throws -> [String] {
    try (1...count).map { index in
      let out = folder("\(prefix)-\(index)")
      let result = try AirPictureProcess.run(
        arguments(sites: sites, extra: extra) + ["--shard", "\(index)/\(count)", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      return out
    }
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  /// The files under `root`, sorted, without the folder's own manifest.
  func files(under root: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "airpicture-manifest.json" }.sorted()
  }

  func expectSameFiles(_ expected: String, _ merged: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let names = try files(under: expected)
    #expect(try files(under: merged) == names, sourceLocation: sourceLocation)
    #expect(names.contains("coverage.tif") && names.contains("map.png") && names.contains("overlay.kmz"))
    for name in names {
      #expect(try bytes("\(expected)/\(name)") == bytes("\(merged)/\(name)"), "\(name)", sourceLocation: sourceLocation)
    }
  }

  @Test func mergedShardsWriteTheUnshardedFilesToTheByte() throws {
    let full = try unsharded(into: "full")
    for count in 1...3 {
      // Given in reverse order: the merge orders them by their manifests.
      let parts = try shards(count: count, prefix: "n\(count)").reversed()
      let merged = folder("merged-\(count)")
      let result = try AirPictureProcess.run(["merge"] + parts + ["--out", merged, "--threads", "1"])
      #expect(result.status == 0, "\(result.stderr)")
      try expectSameFiles(full, merged)
    }
  }

  /// With a cone of silence the covered-altitude bits are kept per cell (OR over the radars), with flight levels
  /// among the altitudes; Cloud-Optimised GeoTIFFs too.
  @Test func aConeOfSilenceAndFlightLevelsMergeToTheByteToo() throws {
    let extra = ["--max-elevation-deg", "3", "--flight-levels", "50,150", "--cog"]
    let full = try unsharded(into: "full", extra: extra)
    let parts = try shards(count: 2, prefix: "cone", extra: extra)
    let merged = folder("merged")
    let result = try AirPictureProcess.run(["merge"] + parts + ["--out", merged])
    #expect(result.status == 0, "\(result.stderr)")
    try expectSameFiles(full, merged)
  }

  @Test func aMergeRefusesMissingDuplicateForeignDamagedAndMixedShardsInOneLine() throws {
    let parts = try shards(count: 3, prefix: "s")
    // Another site list (the third site moved): other inputs.
    var otherSites = Self.sites
    otherSites[2] = "-13.0,-72.0,10,Cusco"
    let foreign = try shards(count: 3, prefix: "foreign", sites: otherSites)[1]
    let damaged = folder("damaged-3")
    try FileManager.default.copyItem(atPath: parts[2], toPath: damaged)
    var data = try bytes("\(damaged)/network-shard.bin")
    data[data.count / 2] ^= 0x40
    try data.write(to: URL(fileURLWithPath: "\(damaged)/network-shard.bin"))
    // A plan shard among coverage shards.
    let plan = folder("plan.yaml")
    try Data(PlanCommandTests.planText(sites: 2, top: 7).utf8).write(to: URL(fileURLWithPath: plan))
    let planShard = folder("plan-2")
    let planned = try AirPictureProcess.run([
      "plan", plan, "--dem", Self.dem, "--threads", "2", "--shard", "2/3", "--out", planShard,
    ])
    #expect(planned.status == 0, "\(planned.stderr)")

    let cases: [([String], String)] = [
      ([parts[0], parts[1]], "missing shard 3/3"),
      ([parts[0], parts[1], parts[1], parts[2]], "shard 2/3 is given twice"),
      ([parts[0], foreign, parts[2]], "comes from other inputs"),
      ([parts[0], parts[1], damaged], "does not match the SHA-256 its manifest records"),
      ([parts[0], planShard, parts[2]], "job 'coverage' vs 'plan'"),
    ]
    for (given, message) in cases {
      let out = folder("never")
      let result = try AirPictureProcess.run(["merge"] + given + ["--out", out])
      #expect(result.status != 0, "\(message)")
      #expect(
        result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message),
        "expected '\(message)': \(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func autoShardsComeFromSlurmVariables() throws {
    let full = try unsharded(into: "full")
    // A zero-based Slurm array (--array=0-1).
    let parts = try (0...1).map { task in
      let out = folder("slurm-\(task)")
      let result = try AirPictureProcess.run(
        arguments() + ["--shard", "auto", "--out", out],
        environment: [
          "SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "0",
          "SLURM_ARRAY_TASK_MAX": "1",
        ])
      #expect(result.status == 0, "\(result.stderr)")
      let manifest = try #require(
        try JSONSerialization.jsonObject(with: bytes("\(out)/shard.json")) as? [String: Any])
      #expect(manifest["shard"] as? Int == task + 1 && manifest["shard_count"] as? Int == 2, "\(manifest)")
      #expect(manifest["job"] as? String == "coverage")
      return out
    }
    let merged = folder("merged")
    let result = try AirPictureProcess.run(["merge"] + parts + ["--out", merged])
    #expect(result.status == 0, "\(result.stderr)")
    try expectSameFiles(full, merged)
  }

  @Test(arguments: [
    (["--shard", "3/2"], "runs from 1 to 2"), (["--shard", "auto"], "no scheduler shard in the environment"),
    (["--shard", "1/2", "--per-radar", "radars"], "--per-radar does not apply to a shard"),
  ])
  func badShardsAreRefusedInOneLine(extra: [String], message: String) throws {
    let out = folder("never")
    let result = try AirPictureProcess.run(arguments() + extra + ["--out", out])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
