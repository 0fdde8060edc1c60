import Foundation
import OutputFiles
import SitePlanning

extension SitingPlanRun {
  /// The candidates the search weighs, by index into the plan's candidates, and their coverages on the full grid.
  struct CandidateEvaluation {
    /// Candidate indices, ascending: all of them, or the ones screening kept.
    var indices: [Int]
    /// Their coverages, in the same order.
    var coverages: [SiteCoverage]
  }

  /// The second phase: which candidates the search weighs (all, or the best `refine` of a coarse screen), and their
  /// footprints on the full grid, computed once each. A shard run computes its slice, writes its shard folder and
  /// returns nil; a merge reads the footprints from the shards instead of computing them.
  func evaluateCandidates(_ setup: Setup) throws -> CandidateEvaluation? {
    let indices: [Int]
    if let shards {
      indices = try PlanShardData.screenedIndices(shards.manifests[0], candidates: setup.radars.count)
    } else if let screening = setup.plan.screening {
      let screen = CoarseToFineScreening(
        terrain: setup.terrain, factor: Int(screening.factor.value), criterion: setup.criterion,
        altitudes: setup.altitudes, regions: setup.regions, kernel: setup.builder.kernel)
      // The coarse greedy order, not the gain of each alone: measured on 500 summits of the 30" composite, the 40
      // best alone were neighbours of a few summits and the plan among them reached 20,363 km² against 34,458.
      let coarse = try screen.coarseSearch(of: setup.radars, baseNetwork: setup.baseRadars, threads: setup.threads)
      indices = coarse.greedy(count: Int(screening.refine.value)).picks.map(\.candidate).sorted()
      print(
        "screened \(setup.radars.count) candidates on a grid \(screen.factor) times coarser; refining the "
          + "\(indices.count) the coarse greedy ranks first on the full grid")
    } else {
      indices = Array(setup.radars.indices)
    }
    if let shards {
      let coverages = try PlanShardData.read(shards, setup: setup, indices: indices)
      return CandidateEvaluation(indices: indices, coverages: coverages)
    }
    if let text = command.shard {
      let selection = try ShardSelection(parsing: text, environment: ProcessInfo.processInfo.environment)
      let slice = selection.slice(of: indices.count).map { indices[$0] }
      let coverages = try setup.builder.coverages(
        of: slice.map { setup.radars[$0] }, keep: setup.keep, threads: setup.threads)
      try PlanShardData.write(
        selection: selection, setup: setup, screened: indices, slice: slice, coverages: coverages,
        planPath: command.plan, out: command.out)
      return nil
    }
    let coverages = try setup.builder.coverages(
      of: indices.map { setup.radars[$0] }, keep: setup.keep, threads: setup.threads)
    return CandidateEvaluation(indices: indices, coverages: coverages)
  }
}
