import Foundation
import Testing

/// The cluster recipe on a real Slurm: `Scenarios/cluster/slurm/single-node.sh` brings up a single-node Slurm
/// (Debian's slurm-wlm and munge, no cgroups), `submit.sh` submits a job array of 4 shards and the merge job that
/// waits for them (`--dependency=afterok`), and the merged folder must hold the single-process run's files to the
/// byte, for a site plan, a network's coverage (GeoTIFF) and a Monte Carlo. Where Slurm cannot run here (not
/// installed, not root, a daemon that does not start) the test fails with the reason: it never passes without
/// having run the arrays.
@Suite(.serialized) final class SlurmArrayTests {
  let folder: TestFolder
  static let scripts = AirPictureProcess.repository.appendingPathComponent("Scenarios/cluster/slurm").path

  init() throws { folder = try TestFolder("slurm") }

  /// Runs `script` with `arguments` under bash, with `environment` added; returns its status and output.
  @discardableResult
  func shell(_ script: String, _ arguments: [String], environment: [String: String] = [:], limit: Double = 120)
    throws -> (status: Int32, output: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script] + arguments
    process.currentDirectoryURL = AirPictureProcess.repository
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    // Output to a file, not a pipe: daemons the script starts may keep a pipe open long after it exits.
    let log = folder("shell-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: log, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    defer { try? handle.close() }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
    process.waitUntilExit()
    watchdog.cancel()
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return (process.terminationStatus, output)
  }

  /// The state Slurm reports for `job` (`COMPLETED`, `FAILED`, `PENDING`…; for an array, every task's, joined).
  func jobStates(_ job: String, environment: [String: String]) throws -> [String] {
    let (_, output) = try shell(
      "-c", ["scontrol -o show job \(job) | grep -o 'JobState=[A-Z_]*' | cut -d= -f2"], environment: environment)
    return output.split(separator: "\n").map(String.init)
  }

  /// The files under `root`, relative paths, sorted.
  func files(under root: String) -> [String] {
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let name = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
        found.append(name)
      }
    }
    return found.sorted()
  }

  /// Submits `command` as an array of 4 shards and its merge job into `name`, waits for the merge, and returns the
  /// merged folder; records an issue (with the jobs' logs) unless every task and the merge completed.
  func runArray(_ command: [String], name: String, slurm: [String: String]) throws -> String {
    let work = folder(name + "-work")
    let merged = folder(name + "-merged")
    let submitted = try shell(
      Self.scripts + "/submit.sh", ["-n", "4", "-w", work, "-o", merged, "--"] + command, environment: slurm)
    try #require(submitted.status == 0, "submit.sh: \(submitted.output)")
    let ids = submitted.output.split(whereSeparator: \.isWhitespace).map(String.init)
    let array = try #require(ids.firstIndex(of: "array").map { ids[$0 + 1] }, "\(submitted.output)")
    let merge = try #require(ids.firstIndex(of: "merge").map { ids[$0 + 1] }, "\(submitted.output)")
    // Slurm starts the merge job only once every array task has succeeded.
    let deadline = Date().addingTimeInterval(300)
    var mergeState: [String] = []
    while Date() < deadline {
      mergeState = try jobStates(merge, environment: slurm)
      if let state = mergeState.first, !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING"].contains(state) { break }
      Thread.sleep(forTimeInterval: 1)
    }
    let logs = files(under: work + "/logs").map { log in
      "\(log): " + ((try? String(contentsOfFile: work + "/logs/" + log, encoding: .utf8)) ?? "")
    }
    #expect(mergeState == ["COMPLETED"], "\(name) merge job \(merge): \(mergeState); logs: \(logs)")
    #expect(try jobStates(array, environment: slurm) == Array(repeating: "COMPLETED", count: 4), "\(name)")
    for index in 1...4 {
      let manifest = try String(contentsOfFile: "\(work)/shard-\(index)/shard.json", encoding: .utf8)
      #expect(manifest.contains("\"shard\" : \(index)") && manifest.contains("\"shard_count\" : 4"), "\(name)")
    }
    return merged
  }

  /// Both folders hold the same files with the same bytes (their own manifests apart, and `normalised` applied to
  /// the files it names first).
  func expectSameFiles(
    _ expected: String, _ merged: String, mustHold: [String], normalised: [String: (String) throws -> String] = [:]
  ) throws {
    let names = files(under: expected).filter { $0 != "airpicture-manifest.json" }
    #expect(files(under: merged).filter { $0 != "airpicture-manifest.json" } == names, "\(merged)")
    for name in mustHold { #expect(names.contains(name), "\(expected) lacks \(name)") }
    for name in names {
      let same: Bool
      if let normalise = normalised[name] {
        same = try normalise(expected + "/" + name) == normalise(merged + "/" + name)
      } else {
        same =
          FileManager.default.contents(atPath: expected + "/" + name)
          == FileManager.default.contents(atPath: merged + "/" + name)
      }
      #expect(same, "\(name) differs between the Slurm merge and the single process")
    }
  }

  @Test func arraysOfFourShardsAndTheirMergeJobsWriteTheSingleProcessFiles() throws {
    let state = folder("slurm-state")
    // Ports of its own, so that a real Slurm or another test run on this machine is left alone.
    let port = Int.random(in: 27_000..<29_000)
    let ports = ["SLURMCTLD_PORT": "\(port)", "SLURMD_PORT": "\(port + 1)"]
    let started = try shell(Self.scripts + "/single-node.sh", ["start", state], environment: ports, limit: 60)
    defer { _ = try? shell(Self.scripts + "/single-node.sh", ["stop", state], limit: 30) }
    try #require(started.status == 0, "Slurm cannot run on this machine: \(started.output)")
    let slurm = ["SLURM_CONF": state + "/slurm.conf", "AIRPICTURE": AirPictureProcess.executable]

    // A site plan: tables, network, map, GeoPackage, KML, report, per-site charts.
    let plan = folder("plan.yaml")
    try Data(PlanCommandTests.planText(sites: 2, top: 7).utf8).write(to: URL(fileURLWithPath: plan))
    let planCommand = ["plan", plan, "--dem", PlanCommandTests.dem, "--threads", "1"]
    let single = try AirPictureProcess.run(planCommand + ["--out", folder("plan-single")])
    try #require(single.status == 0, "\(single.stderr)")
    try expectSameFiles(
      folder("plan-single"), try runArray(planCommand, name: "plan", slurm: slurm),
      mustHold: ["plan.csv", "plan-map.png", "plan-sites.gpkg"])

    // A network's coverage: the GeoTIFF, its quick-look, the table.
    let sites = CoverageShardCommandTests.sites.flatMap { ["--site", $0] }
    let coverage = ["coverage", "--dem", CoverageShardCommandTests.dem, "--threads", "1", "--range-km", "250"] + sites
    try FileManager.default.createDirectory(atPath: folder("coverage-single"), withIntermediateDirectories: true)
    let unsharded = try AirPictureProcess.run(
      coverage + [
        "--png", folder("coverage-single/map.png"), "--summary-csv", folder("coverage-single/table.csv"), "--out",
        folder("coverage-single/coverage.tif"),
      ])
    try #require(unsharded.status == 0, "\(unsharded.stderr)")
    try expectSameFiles(
      folder("coverage-single"),
      try runArray(coverage + ["--png", "map.png", "--summary-csv", "table.csv"], name: "coverage", slurm: slurm),
      mustHold: ["coverage.tif", "map.png", "table.csv"])

    // A Monte Carlo: tables, layers, maps, the report (less its rows naming the command line and the time).
    let run = [
      "run", RunShardCommandTests.scenario, "--dem", RunShardCommandTests.dem, "--flights", "61", "--seed", "3",
      "--map-flights", "10", "--no-coverage-maps", "--threads", "1",
    ]
    let once = try AirPictureProcess.run(run + ["--out", folder("run-single")])
    try #require(once.status == 0, "\(once.stderr)")
    let report: (String) throws -> String = { path in
      try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("<th>command line</th>") && !$0.contains("<th>date (UTC)</th>") }
        .joined(separator: "\n")
    }
    try expectSameFiles(
      folder("run-single"), try runArray(run, name: "run", slurm: slurm), mustHold: ["report.html"],
      normalised: ["report.html": report])
  }
}
