import Foundation
import Testing

/// `airpicture run --shard I/N` and `airpicture merge`, run as processes on the coarse embedded DEM: 61 flights at 3 a
/// day make 21 simulated days (the last one of a single flight), split into runs of whole days; the merged folder
/// holds the unsharded run's files to the byte, and a merge refuses what it cannot vouch for.
@Suite final class RunShardCommandTests {
  static let scenario = AirPictureProcess.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path
  static let dem = AirPictureProcess.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
  let folder: TestFolder

  init() throws { folder = try TestFolder("run-shard") }

  func run(_ extra: [String], flights: Int = 61, seed: Int = 3, environment: [String: String] = [:]) throws
    -> AirPictureProcess.Result
  {
    try AirPictureProcess.run(
      [
        "run", Self.scenario, "--dem", Self.dem, "--flights", "\(flights)", "--seed", "\(seed)", "--map-flights", "10",
        "--no-coverage-maps", "--threads", "2",
      ] + extra, environment: environment)
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  /// Runs shards 1…count into `prefix-I` and returns their folders.
  func shards(count: Int, prefix: String, flights: Int = 61, seed: Int = 3) throws -> [String] {
    try (1...count).map { index in
      let out = folder("\(prefix)-\(index)")
      let result = try run(["--shard", "\(index)/\(count)", "--out", out], flights: flights, seed: seed)
      #expect(result.status == 0, "\(result.stderr)")
      return out
    }
  }

  /// The files under `root`, relative paths, sorted.
  func files(under root: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: root)
    var found: [String] = []
    while let name = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: "\(root)/\(name)", isDirectory: &isFolder), !isFolder.boolValue {
        found.append(name)
      }
    }
    return found.sorted()
  }

  /// The report without its provenance rows that name when and by which command line it was written (two unsharded
  /// runs differ there too).
  func reportWithoutRunRows(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("<th>command line</th>") && !$0.contains("<th>date (UTC)</th>") }
      .joined(separator: "\n")
  }

  @Test func mergedShardsWriteTheUnshardedFilesToTheByte() throws {
    let full = try run(["--out", folder("full")])
    #expect(full.status == 0, "\(full.stderr)")
    let expected = files(under: folder("full"))
    #expect(
      expected.contains("comparison.csv") && expected.contains("flights.gpkg") && expected.contains("report.html"))
    for count in 1...3 {
      // Given in reverse order: the merge orders them by their manifests.
      let parts = try shards(count: count, prefix: "n\(count)").reversed()
      let merged = folder("merged-\(count)")
      let result = try AirPictureProcess.run(["merge"] + parts + ["--out", merged, "--threads", "1"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(files(under: merged) == expected, "\(count) shards")
      for name in expected where name != "airpicture-manifest.json" {
        if name == "report.html" {
          #expect(
            try reportWithoutRunRows(folder("full/\(name)")) == reportWithoutRunRows("\(merged)/\(name)"),
            "\(name) with \(count) shards")
        } else {
          #expect(try bytes(folder("full/\(name)")) == bytes("\(merged)/\(name)"), "\(name) with \(count) shards")
        }
      }
    }
  }

  @Test func shardsHoldContiguousRunsOfWholeDays() throws {
    // Three shards of 61 flights at 3 a day: 21 days, 7 per shard, so flights 1-21, 22-42 and 43-61.
    let parts = try shards(count: 3, prefix: "days")
    for (part, first, last) in [(parts[0], 1, 21), (parts[1], 22, 42), (parts[2], 43, 61)] {
      let manifest = try String(contentsOfFile: "\(part)/shard.json", encoding: .utf8)
      #expect(manifest.contains("\"job\" : \"run\"") && manifest.contains("\"items\" : 21"), "\(manifest)")
      let records = try bytes("\(part)/records.bin")
      let firstFlight = records[12..<20].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
      let count = records[20..<28].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
      #expect(firstFlight == first - 1 && count == last - first + 1, "\(part)")
    }
  }

  @Test func aMergeRefusesMissingDuplicateForeignAndDamagedShardsInOneLine() throws {
    let parts = try shards(count: 3, prefix: "s")
    let otherSeed = try shards(count: 3, prefix: "seed", seed: 4)
    let otherFlights = try shards(count: 3, prefix: "flights", flights: 60)
    let damaged = folder("damaged-3")
    try FileManager.default.copyItem(atPath: parts[2], toPath: damaged)
    var data = try bytes("\(damaged)/records.bin")
    data[data.count - 3] ^= 0xFF
    try data.write(to: URL(fileURLWithPath: "\(damaged)/records.bin"))
    let truncated = folder("truncated-3")
    try FileManager.default.copyItem(atPath: parts[2], toPath: truncated)
    try data.prefix(data.count - 5).write(to: URL(fileURLWithPath: "\(truncated)/records.bin"))

    let cases: [([String], String)] = [
      ([parts[0], parts[1]], "missing shard 3/3"),
      ([parts[0], parts[1], parts[1], parts[2]], "shard 2/3 is given twice"),
      ([parts[0], otherSeed[1], parts[2]], "option seed differs"),
      ([parts[0], parts[1], otherFlights[2]], "option flights differs"),
      ([parts[0], parts[1], damaged], "does not match the SHA-256"),
      ([parts[0], parts[1], truncated], "truncated or damaged"),
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

  @Test func aRerunShardReplacesItsOwnFolderAndAutoShardsComeFromTheScheduler() throws {
    let parts = try shards(count: 2, prefix: "r")
    let otherBefore = try bytes("\(parts[1])/airpicture-manifest.json")
    let ownRecords = try bytes("\(parts[0])/records.bin")
    let ownRun = try bytes("\(parts[0])/airpicture-manifest.json")
    // Shard 1 again, from a Kubernetes Indexed Job's variables: it replaces its own folder with the same records.
    let again = try run(
      ["--shard", "auto", "--out", parts[0]], environment: ["JOB_COMPLETION_INDEX": "0", "AIRPICTURE_SHARD_COUNT": "2"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try bytes("\(parts[0])/airpicture-manifest.json") != ownRun)
    #expect(try bytes("\(parts[0])/records.bin") == ownRecords)
    #expect(try bytes("\(parts[1])/airpicture-manifest.json") == otherBefore)
    // Shard 2 from a zero-based Slurm array into shard 1's folder is refused: a retry overwrites only its own result.
    let wrong = try run(
      ["--shard", "auto", "--out", parts[0]],
      environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "0"])
    #expect(wrong.status != 0 && wrong.stderr.contains("holds shard 1/2"), "\(wrong.stderr)")
    #expect(try bytes("\(parts[0])/records.bin") == ownRecords)
    let merged = try AirPictureProcess.run(["merge"] + parts + ["--out", folder("merged")])
    #expect(merged.status == 0, "\(merged.stderr)")
  }

  /// Asserts that `merged` holds exactly the files of `full`, byte for byte (the report less its run rows).
  func expectSameFiles(_ full: String, _ merged: String, _ label: String) throws {
    let expected = files(under: full)
    #expect(files(under: merged) == expected, "\(label)")
    for name in expected where name != "airpicture-manifest.json" {
      if name == "report.html" {
        #expect(try reportWithoutRunRows("\(full)/\(name)") == reportWithoutRunRows("\(merged)/\(name)"), "\(label)")
      } else {
        #expect(try bytes("\(full)/\(name)") == bytes("\(merged)/\(name)"), "\(name), \(label)")
      }
    }
  }

  @Test func aMergeDrawsTheCoverageMapsTheRunDraws() throws {
    let arguments = [
      "run", Self.scenario, "--dem", Self.dem, "--flights", "31", "--seed", "5", "--map-flights", "4", "--threads", "2",
    ]
    let full = try AirPictureProcess.run(arguments + ["--out", folder("full")])
    #expect(full.status == 0, "\(full.stderr)")
    #expect(files(under: folder("full")).contains { $0.hasPrefix("coverage/") && $0.hasSuffix(".png") })
    let parts = try (1...2).map { index in
      let out = folder("c-\(index)")
      let result = try AirPictureProcess.run(arguments + ["--shard", "\(index)/2", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      // A shard draws no maps: the merge does.
      #expect(files(under: out) == ["airpicture-manifest.json", "records.bin", "shard.json"])
      return out
    }
    let merged = try AirPictureProcess.run(["merge"] + parts + ["--out", folder("merged")])
    #expect(merged.status == 0, "\(merged.stderr)")
    try expectSameFiles(folder("full"), folder("merged"), "coverage maps")
  }

  @Test func aShardedCompareMergesToTheUnshardedCompare() throws {
    let planned = AirPictureProcess.repository.appendingPathComponent("Scenarios/interdiction-planned.yaml").path
    let arguments = [
      "compare", Self.scenario, planned, "--dem", Self.dem, "--flights", "40", "--seed", "2", "--map-flights", "5",
      "--no-coverage-maps", "--threads", "2",
    ]
    let full = try AirPictureProcess.run(arguments + ["--out", folder("full")])
    #expect(full.status == 0, "\(full.stderr)")
    for count in [1, 3] {
      let parts = try (1...count).map { index in
        let out = folder("compare-\(count)-\(index)")
        let result = try AirPictureProcess.run(arguments + ["--shard", "\(index)/\(count)", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(out)/records-2.bin"))
        return out
      }
      let merged = folder("merged-\(count)")
      let result = try AirPictureProcess.run(["merge"] + parts.reversed() + ["--out", merged])
      #expect(result.status == 0, "\(result.stderr)")
      try expectSameFiles(folder("full"), merged, "compare, \(count) shards")
    }
    // A run's shard and a compare's do not mix.
    let runShard = folder("run-1")
    #expect(try run(["--shard", "1/3", "--out", runShard]).status == 0)
    let mixed = try AirPictureProcess.run(
      ["merge", runShard, folder("compare-3-2"), folder("compare-3-3"), "--out", folder("never")])
    #expect(mixed.status != 0 && mixed.stderr.contains("job 'run' vs 'compare'"), "\(mixed.stderr)")
  }
}
