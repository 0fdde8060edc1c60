import ArgumentParser
import Foundation
import OutputFiles

/// `airpicture merge SHARD_DIR... --out DIR`: combines the shard folders of a sharded job into the files the
/// unsharded run writes.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the shard folders of a sharded job (`plan --shard I/N`) into the unsharded run's files.",
    discussion: """
      Checks that every shard 1..N is given exactly once, that all were computed from the same inputs (their \
      manifests' SHA-256 of the plan, network, radar types, regions and DEM, the version and the options) and that \
      those inputs have not changed since; refuses in one line otherwise. Then finishes the job (for a plan: the \
      search over the shards' footprints) and writes exactly the files the unsharded run writes.

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
    case RunShardData.job:
      try set.checkInputsUnchanged()
      try RunShardData.command(of: set, out: out, threads: threads).execute(shards: set)
    case RunShardData.compareJob:
      try set.checkInputsUnchanged()
      try RunShardData.compareCommand(of: set, out: out, threads: threads).execute(shards: set)
    default:
      throw CommandError("merge: shards of a '\(set.job)' job cannot be merged yet (only 'plan')")
    }
  }
}
