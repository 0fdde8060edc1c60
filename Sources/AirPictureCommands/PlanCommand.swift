import ArgumentParser
import Foundation
import OutputFiles

/// `airpicture plan PLAN.yaml --out DIR`: where to add radars to a network for the most expected coverage.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Choose where to add radars to a network: summits of the DEM, lazy greedy with its bound, swaps.",
    discussion: """
      Reads a plan file (see Scenarios/plan-vraem-border.yaml): the base network scenario, the radar type to add \
      and its mast, how many sites, the target, the network configuration whose radars form the base, the regions \
      and altitudes the objective values, and where candidates come from. Writes plan.csv/.json (the chosen sites \
      in pick order with their gains and the bound), candidates.csv (every candidate's own gain) and network.yaml \
      (the base network with the chosen sites added, labelled notional) that `airpicture coverage`, and `run` and \
      `compare` with --network, take as it is; \
      plan-map.png (the regions, the base network's coverage and what the chosen sites add at the first altitude, \
      every candidate by its own gain, the chosen sites by rank), plan-sites.gpkg and plan-sites.kml (candidates and \
      chosen sites for QGIS and Google Earth), sites/NN-NAME/ (each chosen site's terrain profile and vertical \
      coverage diagram, PNG and CSV, as `airpicture profile` and `airpicture vcd` draw them) and report.html (the \
      figures, their provenance, the map and the charts, and why each site works). With a `basing:` section it also chooses the forward bases of the alert \
      pairs for each interceptor type and network it names (basing.csv, basing.md).

      Example:
        airpicture plan Scenarios/plan-vraem-border.yaml --out out/plan-vraem-border
        airpicture coverage out/plan-vraem-border/network.yaml --out out/plan-vraem-border-coverage

      On a cluster, `--shard I/N` evaluates only shard I's slice of the candidates and writes a shard folder; \
      `airpicture merge` takes all N folders and writes the same files as the unsharded run:
        airpicture plan Scenarios/plan-vraem-border.yaml --shard 1/2 --out shards/1
        airpicture plan Scenarios/plan-vraem-border.yaml --shard 2/2 --out shards/2
        airpicture merge shards/1 shards/2 --out out/plan-vraem-border
      """)

  @Argument(help: "Plan file (YAML).")
  var plan: String

  @Option(help: "Output folder (default: out/PLAN-ID); must not exist or be empty.")
  var out: String?

  @Option(help: "DEM to use instead of the one the network scenario names.")
  var dem: String?

  @Option(help: "Worker threads (default: all cores); results do not depend on it.")
  var threads: Int?

  @Option(
    help: ArgumentHelp(
      "Evaluate only shard I of N of the candidates (I from 1 to N) and write a shard folder for `merge`; 'auto' "
        + "reads it from a Slurm array or a Kubernetes Indexed Job.",
      valueName: "I/N|auto"))
  var shard: String?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
    if let shard { _ = try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment) }
  }

  func run() throws { try SitingPlanRun(command: self).execute() }
}
