import Foundation
import Testing

/// `airpicture plan --shard I/N` and `airpicture merge`, run as processes on the coarse embedded DEM: the merged files
/// are the unsharded run's to the byte, and a merge refuses what it cannot vouch for.
@Suite final class PlanShardCommandTests {
  static let dem = PlanCommandTests.dem
  static let tables = ["plan.csv", "plan.json", "candidates.csv", "network.yaml"]
  let folder: TestFolder

  init() throws { folder = try TestFolder("plan-shard") }

  /// Writes `text` as a plan file and returns its path.
  func planFile(_ text: String = PlanCommandTests.planText(sites: 2, top: 7), name: String = "plan.yaml") throws
    -> String
  {
    let path = folder(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func plan(_ path: String, _ extra: [String], environment: [String: String] = [:]) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(["plan", path, "--dem", Self.dem, "--threads", "2"] + extra, environment: environment)
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  /// Runs shards 1…count of `path` into `prefix-I` and returns their folders.
  func shards(of path: String, count: Int, prefix: String) throws -> [String] {
    try (1...count).map { index in
      let out = folder("\(prefix)-\(index)")
      let result = try plan(path, ["--shard", "\(index)/\(count)", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      return out
    }
  }

  @Test func mergedShardsWriteTheUnshardedFilesToTheByte() throws {
    let path = try planFile()
    // The unsharded run names its plan relatively (a merge knows it by the absolute path its shards recorded).
    let full = try AirPictureProcess.run(
      ["plan", "plan.yaml", "--dem", Self.dem, "--threads", "2", "--out", folder("full")], in: folder.path)
    #expect(full.status == 0, "\(full.stderr)")
    for count in 1...3 {
      // Given in reverse order: the merge orders them by their manifests.
      let parts = try shards(of: path, count: count, prefix: "n\(count)").reversed()
      let merged = folder("merged-\(count)")
      let result = try AirPictureProcess.run(["merge"] + parts + ["--out", merged, "--threads", "1"])
      #expect(result.status == 0, "\(result.stderr)")
      // Every file the unsharded run wrote (tables, map, layers, report, per-site charts), byte for byte, and
      // nothing else; only the folder's own manifest (run id, time, command line) differs.
      let expected = try files(under: folder("full"))
      #expect(try files(under: merged) == expected, "\(count) shards")
      #expect(expected.contains("plan-map.png") && expected.contains("plan-sites.gpkg"))
      for name in expected where name != "airpicture-manifest.json" {
        #expect(try bytes(folder("full/\(name)")) == bytes("\(merged)/\(name)"), "\(name) with \(count) shards")
      }
    }
  }

  /// Both folders hold the same files with the same bytes, their own manifests and `except` apart.
  func expectSameFiles(
    _ first: String, _ second: String, except: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let names = try files(under: first)
    #expect(try files(under: second) == names, sourceLocation: sourceLocation)
    for name in names where name != "airpicture-manifest.json" && !except.contains(name) {
      #expect(try bytes("\(first)/\(name)") == bytes("\(second)/\(name)"), "\(name)", sourceLocation: sourceLocation)
    }
  }

  /// The files under `root`, relative paths, sorted.
  func files(under root: String) throws -> [String] {
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

  @Test func aMergeRefusesMissingDuplicateForeignAndDamagedShardsInOneLine() throws {
    let path = try planFile()
    let parts = try shards(of: path, count: 3, prefix: "s")
    // The same plan but three sites: another plan file, so other inputs.
    let other = try planFile(PlanCommandTests.planText(sites: 3, top: 7), name: "other.yaml")
    let foreign = folder("foreign-2")
    #expect(try plan(other, ["--shard", "2/3", "--out", foreign]).status == 0)
    let truncated = folder("truncated-3")
    try FileManager.default.copyItem(atPath: parts[2], toPath: truncated)
    let data = try bytes("\(truncated)/footprints.bin")
    try data.prefix(data.count - 5).write(to: URL(fileURLWithPath: "\(truncated)/footprints.bin"))

    let cases: [([String], String)] = [
      ([parts[0], parts[1]], "missing shard 3/3"),
      ([parts[0], parts[1], parts[1], parts[2]], "shard 2/3 is given twice"),
      ([parts[0], foreign, parts[2]], "comes from other inputs"),
      ([parts[0], parts[1], truncated], "truncated or damaged"),
      ([parts[0], parts[1], folder("nowhere")], "is not a folder"),
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
    // A plan file changed after its shards ran is refused too.
    try Data((try String(contentsOfFile: path, encoding: .utf8) + "\n# edited\n").utf8)
      .write(to: URL(fileURLWithPath: path))
    let changed = try AirPictureProcess.run(["merge"] + parts + ["--out", folder("never")])
    #expect(changed.status != 0 && changed.stderr.contains("has changed since the shards were computed"))
  }

  @Test func aRerunShardReplacesItsOwnFolderAndNothingElse() throws {
    let path = try planFile()
    let parts = try shards(of: path, count: 2, prefix: "r")
    let otherBefore = try bytes("\(parts[1])/shard.json")
    let otherRun = try bytes("\(parts[1])/airpicture-manifest.json")
    let ownRun = try bytes("\(parts[0])/airpicture-manifest.json")
    let again = try plan(path, ["--shard", "1/2", "--out", parts[0]])
    #expect(again.status == 0, "\(again.stderr)")
    // Its own folder holds a new run (new run id), the same data; the other shard is untouched.
    #expect(try bytes("\(parts[0])/airpicture-manifest.json") != ownRun)
    #expect(try bytes("\(parts[1])/shard.json") == otherBefore)
    #expect(try bytes("\(parts[1])/airpicture-manifest.json") == otherRun)
    // Shard 2 written into shard 1's folder is refused: a retried task overwrites only its own result.
    let wrong = try plan(path, ["--shard", "2/2", "--out", parts[0]])
    #expect(wrong.status != 0 && wrong.stderr.contains("holds shard 1/2"), "\(wrong.stderr)")
    let merged = try AirPictureProcess.run(["merge"] + parts + ["--out", folder("merged")])
    #expect(merged.status == 0, "\(merged.stderr)")
  }

  /// A task killed mid-write (SIGKILL at staggered moments of its run) leaves no shard or a complete one, never a
  /// partial one that a merge would take; its rerun with the same index writes the shard, and the shards merge to
  /// the unsharded files.
  @Test func aShardKilledMidWriteLeavesNoPartialShardAndItsRerunMerges() throws {
    let path = try planFile()
    let full = try plan(path, ["--out", folder("full")])
    #expect(full.status == 0, "\(full.stderr)")
    let other = try shards(of: path, count: 2, prefix: "k")[1]
    for delay in [0.2, 0.5, 1.0, 2.0] {
      let killed = folder("killed-\(delay)")
      let process = try AirPictureProcess.start(
        ["plan", path, "--dem", Self.dem, "--threads", "2", "--shard", "1/2", "--out", killed])
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Either nothing at the shard's path, or a whole shard (the run had finished): never a partial one.
      if FileManager.default.fileExists(atPath: killed) {
        let check = try AirPictureProcess.run(["merge", killed, other, "--out", folder("check-\(delay)")])
        #expect(check.status == 0, "a shard folder left by a task killed after \(delay) s: \(check.stderr)")
      }
      let rerun = try plan(path, ["--shard", "1/2", "--out", killed])
      #expect(rerun.status == 0, "rerun after a kill at \(delay) s: \(rerun.stderr)")
      let merged = folder("merged-\(delay)")
      let result = try AirPictureProcess.run(["merge", killed, other, "--out", merged])
      #expect(result.status == 0, "\(result.stderr)")
      try expectSameFiles(folder("full"), merged)
    }
  }

  @Test func autoShardsComeFromSlurmOrKubernetesVariables() throws {
    let path = try planFile()
    // A one-based Slurm array (--array=1-2) and a Kubernetes Indexed Job of two completions, index 1.
    let slurm = folder("slurm")
    let fromSlurm = try plan(
      path, ["--shard", "auto", "--out", slurm],
      environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "1"])
    #expect(fromSlurm.status == 0, "\(fromSlurm.stderr)")
    let kubernetes = folder("kubernetes")
    let fromKubernetes = try plan(
      path, ["--shard", "auto", "--out", kubernetes],
      environment: ["JOB_COMPLETION_INDEX": "1", "AIRPICTURE_SHARD_COUNT": "2"])
    #expect(fromKubernetes.status == 0, "\(fromKubernetes.stderr)")
    for (out, shard) in [(slurm, 1), (kubernetes, 2)] {
      let manifest = try #require(
        try JSONSerialization.jsonObject(with: bytes("\(out)/shard.json")) as? [String: Any])
      #expect(manifest["shard"] as? Int == shard && manifest["shard_count"] as? Int == 2, "\(manifest)")
    }
    let full = try plan(path, ["--out", folder("full")])
    let merged = try AirPictureProcess.run(["merge", kubernetes, slurm, "--out", folder("merged")])
    #expect(full.status == 0 && merged.status == 0, "\(merged.stderr)")
    try expectSameFiles(folder("full"), folder("merged"))
  }

  @Test(arguments: [
    (["--shard", "0/2"], "runs from 1 to 2"), (["--shard", "3/2"], "runs from 1 to 2"),
    (["--shard", "x"], "expected I/N"), (["--shard", "auto"], "no scheduler shard in the environment"),
  ])
  func badShardsAreRefusedInOneLine(arguments: [String], message: String) throws {
    let out = folder("never")
    let result = try plan(try planFile(), arguments + ["--out", out])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// The screen on: refining every candidate must give the full run's files exactly (the screen only chooses which
  /// candidates the search weighs); refining fewer weighs exactly that many, and the sites chosen among them cannot
  /// beat the full run's upper bound on the best the whole candidate set allows. Sharded, it merges to its own
  /// unsharded files.
  @Test func screeningWeighsTheBestCoarseCandidatesAndStaysUnderTheFullBound() throws {
    let text = PlanCommandTests.planText(sites: 2, top: 7)
    func screened(_ refine: Int) -> String {
      text
        + "\nscreening:\n  factor: {value: 2, assumption: \"test\"}\n  refine: {value: \(refine), assumption: \"test\"}\n"
    }
    let full = try plan(try planFile(), ["--out", folder("full")])
    #expect(full.status == 0, "\(full.stderr)")
    let candidates =
      try String(contentsOfFile: folder("full/candidates.csv"), encoding: .utf8)
      .split(separator: "\n").count - 1
    let all = try plan(try planFile(screened(candidates), name: "all.yaml"), ["--out", folder("all")])
    #expect(all.status == 0 && all.stdout.contains("screened \(candidates) candidates"), "\(all.stderr)")
    // The report lists the plan file's figures, and this plan file has a screening block.
    try expectSameFiles(folder("full"), folder("all"), except: ["report.html"])

    let refine = candidates - 3
    let few = try planFile(screened(refine), name: "few.yaml")
    let result = try plan(few, ["--out", folder("few")])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try String(contentsOfFile: folder("few/candidates.csv"), encoding: .utf8).split(separator: "\n")
    #expect(rows.count - 1 == refine)
    func json(_ name: String) throws -> [String: Any] {
      try #require(try JSONSerialization.jsonObject(with: bytes(folder("\(name)/plan.json"))) as? [String: Any])
    }
    let fewFinal = try #require(try json("few")["final_expected_km2"] as? Double)
    let fullBound = try #require(try json("full")["upper_bound_km2"] as? Double)
    #expect(fewFinal > 0 && fewFinal <= fullBound * (1 + 1e-12), "\(fewFinal) vs bound \(fullBound)")

    let parts = try shards(of: few, count: 2, prefix: "few")
    let merged = try AirPictureProcess.run(["merge"] + parts + ["--out", folder("few-merged")])
    #expect(merged.status == 0, "\(merged.stderr)")
    try expectSameFiles(folder("few"), folder("few-merged"))
  }
}
