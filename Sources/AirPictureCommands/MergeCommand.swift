import ArgumentParser
import Foundation
import OutputFiles

/// `airpicture merge SHARD_DIR... --out DIR`: combines the shard folders of a sharded job into the files the
/// unsharded run writes.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract:
      "Combine the shard folders of a sharded job (`plan`, `coverage --site`, `run` or `compare` with --shard I/N) "
      + "into the unsharded run's files.",
    discussion: """
      Checks that every shard 1..N is given exactly once, that all were computed from the same inputs (their \
      manifests' SHA-256 of the scenario or plan files and the DEM, the version and the options) and that \
      those inputs have not changed since; refuses in one line otherwise. Then finishes the job (for a plan: the \
      search over the shards' footprints; for coverage: the network, cell by cell the lowest altitude, ties to \
      the lower radar index; for run and compare: the shards' flight records added in flight order, then the \
      maps, layers and report from them) and writes exactly the files the unsharded run writes (for coverage: those of \
      `coverage ... --out DIR/coverage.tif` with --png, --summary-csv, --summary-json, --kmz in DIR).

      Example:
        airpicture merge shards/1 shards/2 shards/3 --out out/plan-vraem-border
      """)

  @Argument(help: "The shard folders, in any order.")
  var shards: [String] = []

  @Option(help: "Output folder; must not exist, be empty, or hold an earlier AirPicture output.")
  var out: String

  @Option(help: "Worker threads (default: all cores); results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
    if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
  }

  func run() throws {
    let set = try ShardSet(shards)
    switch set.job {
    case PlanShardData.job:
      try set.checkInputsUnchanged()
      let first = set.manifests[0]
      guard let plan = first.inputs.first(where: { $0.role == "plan" }),
        let dem = first.inputs.first(where: { $0.role == "dem" })
      else { throw CommandError("merge: the shards' manifest names no plan or DEM") }
      let arguments =
        [plan.path, "--dem", dem.path, "--out", out] + (threads.map { ["--threads", "\($0)"] } ?? [])
      try SitingPlanRun(command: try PlanCommand.parse(arguments), shards: set).execute()
    case CoverageShardData.job:
      try set.checkInputsUnchanged()
      let output = try OutputFolder(out, option: "--out")
      do {
        let arguments =
          try CoverageShardData.arguments(of: set.manifests[0], writingInto: output.staging)
          + (threads.map { ["--threads", "\($0)"] } ?? [])
        try CoverageRequest(command: try CoverageCommand.parse(arguments)).executeMerge(set)
        if let note = try output.publish() { FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8)) }
      } catch {
        output.discard()
        throw error
      }
      print("merged \(set.folders.count) coverage shards into \(out)")
    case RunShardData.job:
      try set.checkInputsUnchanged()
      try RunShardData.command(of: set, out: out, threads: threads).execute(shards: set)
    case RunShardData.compareJob:
      try set.checkInputsUnchanged()
      try RunShardData.compareCommand(of: set, out: out, threads: threads).execute(shards: set)
    default:
      throw CommandError(
        "merge: shards of a '\(set.job)' job cannot be merged yet (only 'plan', 'coverage', 'run' and 'compare')")
    }
  }
}
