import CoverageKernel
import Foundation

/// Picks K of the candidate sites to add to the base network: lazy greedy, then single swaps.
public struct SitingSearch: Sendable {
  /// What is maximised.
  public let objective: SitingObjective
  /// The candidates' coverages, by candidate index.
  public let candidates: [SiteCoverage]
  /// Worker threads for the first evaluation of every candidate (results do not depend on it).
  public var threads: Int

  /// A search; throws when a candidate does not fit the objective (see `SitingObjective`).
  public init(objective: SitingObjective, candidates: [SiteCoverage], threads: Int = 1) throws(SitePlanningError) {
    for candidate in candidates { try objective.check(candidate) }
    self.objective = objective
    self.candidates = candidates
    self.threads = max(threads, 1)
  }

  /// The objective with the candidates `chosen` (indices) added to the base network.
  public func value(of chosen: [Int]) -> Double { objective.value(of: chosen.map { candidates[$0] }) }

  /// Every candidate's gain with respect to `miss`, computed on `threads` threads (each gain is summed alone, in
  /// the same order whatever the threads).
  func gains(miss: [[Double]]) -> [Double] {
    var gains = [Double](repeating: 0, count: candidates.count)
    gains.withUnsafeMutableBufferPointer { slots in
      let output = slots
      ParallelWork.forEachChunk(count: candidates.count, threads: threads, chunkSize: 4) { chunk in
        for index in chunk { output[index] = objective.gain(of: candidates[index], miss: miss) }
      }
    }
    return gains
  }

  /// The sum of the `count` largest of `values` at the indices not in `excluded`.
  private static func largest(_ count: Int, of values: [Double], excluding excluded: Set<Int>) -> Double {
    values.indices.filter { !excluded.contains($0) }.map { values[$0] }.sorted(by: >).prefix(count)
      .reduce(0, +)
  }

  /// Lazy greedy (CELF: Minoux 1978, Leskovec et al. 2007) for `count` sites (all of them when fewer).
  ///
  /// Every candidate's gain is computed once; then each round takes the candidate with the highest stored gain
  /// (ties: lowest index), recomputes its gain if it was stored before the last pick, and picks it if it still
  /// leads. By submodularity a stored gain bounds the current one, so this picks what the plain greedy with the
  /// same tie-break picks, for far fewer evaluations.
  public func greedy(count: Int) -> GreedySelection {
    let k = min(max(count, 0), candidates.count)
    var miss = objective.baseMiss
    let baseValue = objective.value(miss: miss)
    var bounds = gains(miss: miss)
    var evaluations = candidates.count
    var freshAt = [Int](repeating: 0, count: candidates.count)
    var chosen: Set<Int> = []
    var picks: [GreedyPick] = []
    var value = baseValue
    var online = baseValue + Self.largest(k, of: bounds, excluding: chosen)
    while picks.count < k {
      var best = -1
      for index in bounds.indices where !chosen.contains(index) {
        if best < 0 || bounds[index] > bounds[best] { best = index }
      }
      if freshAt[best] != picks.count {
        bounds[best] = objective.gain(of: candidates[best], miss: miss)
        freshAt[best] = picks.count
        evaluations += 1
        continue
      }
      let split = objective.gainByRegionAndAltitude(of: candidates[best], miss: miss)
      SitingObjective.apply(candidates[best], to: &miss)
      chosen.insert(best)
      value = objective.value(miss: miss)
      picks.append(
        GreedyPick(
          candidate: best, gain: bounds[best], gainByRegionAndAltitude: split, cumulativeValue: value))
      // Stored gains still bound the gains after this pick, so they give an online bound already.
      online = min(online, value + Self.largest(k, of: bounds, excluding: chosen))
    }
    let exact = gains(miss: miss)
    evaluations += candidates.count
    online = min(online, value + Self.largest(k, of: exact, excluding: chosen))
    let guarantee = baseValue + (value - baseValue) / (1 - exp(-1))
    return GreedySelection(
      picks: picks, baseValue: baseValue, value: value, onlineUpperBound: online, guaranteeUpperBound: guarantee,
      gainEvaluations: evaluations)
  }

  /// Improves `chosen` by single swaps: each pass finds, over every chosen site (in slot order) and every unchosen
  /// candidate (by index), the swap that raises the objective most, and makes it when it raises it by more than
  /// a relative 1e-12 (rounding aside: a strict improvement), first best on ties. Stops at a local optimum or after
  /// `maximumPasses` swaps.
  public func improveBySwaps(_ chosen: [Int], maximumPasses: Int = 100) -> SwapImprovement {
    var current = chosen
    var value = self.value(of: current)
    var swaps: [(out: Int, in: Int)] = []
    for _ in 0..<max(maximumPasses, 0) {
      var best: (slot: Int, candidate: Int, value: Double)?
      let inSet = Set(current)
      for slot in current.indices {
        let others = current.enumerated().filter { $0.offset != slot }.map { candidates[$0.element] }
        let miss = objective.missProbabilities(with: others)
        let without = objective.value(miss: miss)
        for candidate in candidates.indices where !inSet.contains(candidate) {
          let swapped = without + objective.gain(of: candidates[candidate], miss: miss)
          if swapped > (best?.value ?? value) { best = (slot, candidate, swapped) }
        }
      }
      guard let found = best, found.value > value + 1e-12 * max(abs(value), 1) else {
        return SwapImprovement(chosen: current, value: value, swaps: swaps, isLocalOptimum: true)
      }
      swaps.append((current[found.slot], found.candidate))
      current[found.slot] = found.candidate
      value = self.value(of: current)
    }
    return SwapImprovement(chosen: current, value: value, swaps: swaps, isLocalOptimum: false)
  }
}

extension SitingSearch {
  /// Every candidate's gain over the base network alone, by candidate index.
  public func gainsOverTheBase() -> [Double] { gains(miss: objective.baseMiss) }
}

extension SitingSearch {
  /// What candidate `candidate` adds on top of the base network and the candidates `chosen`, by region (outer)
  /// and altitude (inner), weighted m².
  public func gainByRegionAndAltitude(of candidate: Int, after chosen: [Int]) -> [[Double]] {
    objective.gainByRegionAndAltitude(
      of: candidates[candidate], miss: objective.missProbabilities(with: chosen.map { candidates[$0] }))
  }
}
