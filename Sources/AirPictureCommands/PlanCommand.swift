import ArgumentParser
import Foundation

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
      `compare` with --network, take as it is. With a `basing:` section it also chooses the forward bases of the \
      alert pairs for each interceptor type and network it names (basing.csv, basing.md).

      Example:
        airpicture plan Scenarios/plan-vraem-border.yaml --out out/plan-vraem-border
        airpicture coverage out/plan-vraem-border/network.yaml --out out/plan-vraem-border-coverage
      """)

  @Argument(help: "Plan file (YAML).")
  var plan: String

  @Option(help: "Output folder (default: out/PLAN-ID); must not exist or be empty.")
  var out: String?

  @Option(help: "DEM to use instead of the one the network scenario names.")
  var dem: String?

  @Option(help: "Worker threads (default: all cores); results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
  }

  func run() throws { try SitingPlanRun(command: self).execute() }
}
