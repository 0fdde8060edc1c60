import Foundation
import Testing

/// The cluster recipe on a real Slurm: `Scenarios/cluster/slurm/single-node.sh` brings up a single-node Slurm (Debian's
/// slurm-wlm and munge, no cgroups), `submit.sh` submits a job array of 4 shards and the merge job that waits for them
/// (`--dependency=afterok`), and the merged folder must hold the single-process run's files to the byte. Where Slurm
/// cannot run here (not installed, not root, a daemon that does not start) the test fails with the reason: it never
/// passes without having run the array.
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
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    watchdog.cancel()
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

  @Test func anArrayOfFourShardsAndItsMergeJobWriteTheSingleProcessFiles() throws {
    let state = folder("slurm-state")
    let started = try shell(Self.scripts + "/single-node.sh", ["start", state], limit: 60)
    defer { _ = try? shell(Self.scripts + "/single-node.sh", ["stop", state], limit: 30) }
    try #require(started.status == 0, "Slurm cannot run on this machine: \(started.output)")
    let slurm = ["SLURM_CONF": state + "/slurm.conf", "AIRPICTURE": AirPictureProcess.executable]

    let plan = folder("plan.yaml")
    try Data(PlanCommandTests.planText(sites: 2, top: 7).utf8).write(to: URL(fileURLWithPath: plan))
    let command = ["plan", plan, "--dem", PlanCommandTests.dem, "--threads", "1"]
    let single = try AirPictureProcess.run(command + ["--out", folder("single")])
    try #require(single.status == 0, "\(single.stderr)")

    let submitted = try shell(
      Self.scripts + "/submit.sh", ["-n", "4", "-w", folder("work"), "-o", folder("merged"), "--"] + command,
      environment: slurm)
    try #require(submitted.status == 0, "submit.sh: \(submitted.output)")
    let ids = submitted.output.split(whereSeparator: \.isWhitespace).map(String.init)
    let array = try #require(ids.firstIndex(of: "array").map { ids[$0 + 1] }, "\(submitted.output)")
    let merge = try #require(ids.firstIndex(of: "merge").map { ids[$0 + 1] }, "\(submitted.output)")

    // Wait for the merge job, which Slurm starts only once every array task has succeeded.
    let deadline = Date().addingTimeInterval(300)
    var mergeState: [String] = []
    while Date() < deadline {
      mergeState = try jobStates(merge, environment: slurm)
      if let state = mergeState.first, !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING"].contains(state) { break }
      Thread.sleep(forTimeInterval: 1)
    }
    let logs = files(under: folder("work/logs")).map { name in
      "\(name): " + ((try? String(contentsOfFile: folder("work/logs/" + name), encoding: .utf8)) ?? "")
    }
    #expect(mergeState == ["COMPLETED"], "merge job \(merge): \(mergeState); logs: \(logs)")
    #expect(try jobStates(array, environment: slurm) == Array(repeating: "COMPLETED", count: 4))

    // Four shard folders, each with its manifest naming its own index, and the merge equal to the single run.
    for index in 1...4 {
      let manifest = try String(contentsOfFile: folder("work/shard-\(index)/shard.json"), encoding: .utf8)
      #expect(manifest.contains("\"shard\" : \(index)") && manifest.contains("\"shard_count\" : 4"))
    }
    let expected = files(under: folder("single"))
    #expect(files(under: folder("merged")) == expected)
    #expect(expected.contains("plan.csv") && expected.contains("plan-map.png"))
    for name in expected where name != "airpicture-manifest.json" {
      let same =
        FileManager.default.contents(atPath: folder("single/" + name))
        == FileManager.default.contents(atPath: folder("merged/" + name))
      #expect(same, "\(name) differs between the Slurm merge and the single process")
    }
  }
}
