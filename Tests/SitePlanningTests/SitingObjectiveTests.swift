import CoverageKernel
import SitePlanning
import Testing

/// The expected weighted covered area: the formula by hand, monotone and submodular on random instances.
@Suite struct SitingObjectiveTests {
  @Test func twoOverlappingRadarsGiveOneMinusTheProductOfTheirDowntimes() throws {
    // A covers cells 0 and 1 (up half the time), B covers 1 and 2 (up 90 %): cell 1 is seen unless both are down.
    let a = SyntheticSiting.site("A", 0.5, [0, 1])
    let b = SyntheticSiting.site("B", 0.9, [1, 2])
    let objective = try SitingObjective(
      geometry: SyntheticSiting.strip(4), regions: [SyntheticSiting.wholeRegion(4)],
      altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 300)])
    let byHand = 0.5 + (1 - 0.5 * 0.1) + 0.9  // cell 3 is covered by neither
    #expect(abs(objective.value(of: [a, b]) - byHand) < 1e-12)
    #expect(abs(objective.value(of: [a]) - 1.0) < 1e-12)
    // With B in the base network, A adds only what B leaves: cell 0 at 0.5 and cell 1 at 0.5 × 0.1.
    let withBase = try SitingObjective(
      geometry: SyntheticSiting.strip(4), regions: [SyntheticSiting.wholeRegion(4)],
      altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 300)], baseNetwork: [b])
    #expect(abs(withBase.baseValue - 1.8) < 1e-12)
    #expect(abs(withBase.value(of: [a]) - byHand) < 1e-12)
    let search = try SitingSearch(objective: withBase, candidates: [a])
    let pick = try #require(search.greedy(count: 1).picks.first)
    #expect(abs(pick.gain - (0.5 + 0.05)) < 1e-12)
    #expect(abs(pick.gainByRegionAndAltitude[0][0] - 0.55) < 1e-12)
  }

  @Test func regionAndAltitudeWeightsScaleTheGainsTheyHold() throws {
    let inner = PlanningRegion(name: "inner", weight: 3, mask: [true, false, false])
    let all = PlanningRegion(name: "all", weight: 1, mask: [true, true, true])
    let objective = try SitingObjective(
      geometry: SyntheticSiting.strip(3), regions: [inner, all],
      altitudes: [
        PlanningAltitude(.aboveGroundLevel, metres: 100, weight: 1),
        PlanningAltitude(.meanSeaLevel, metres: 3000, weight: 0.5),
      ])
    let site = SiteCoverage(
      name: "s", availability: 1, footprint: CoverageFootprint(coveredCells: [[0, 1], [0, 1, 2]]))
    // Low: cell 0 counts 3 + 1, cell 1 counts 1; high (weight 0.5): (4 + 1 + 1) / 2.
    #expect(abs(objective.value(of: [site]) - (5 + 3)) < 1e-12)
    let split = try #require(try SitingSearch(objective: objective, candidates: [site]).greedy(count: 1).picks.first)
      .gainByRegionAndAltitude
    #expect(split == [[3, 1.5], [2, 1.5]])
  }

  @Test func addingASiteNeverLowersTheObjective() throws {
    var rises = 0
    for seed in UInt64(1)...5 {
      let search = try SyntheticSiting.random(seed: seed, candidates: 8)
      var random = SplitMix64(seed: seed &+ 100)
      for _ in 0..<20 {
        let set = (0..<8).filter { _ in Bool.random(using: &random) }
        let extra = Int.random(in: 0..<8, using: &random)
        guard !set.contains(extra) else { continue }
        #expect(search.value(of: set + [extra]) >= search.value(of: set) - 1e-9)
        if search.value(of: set + [extra]) > search.value(of: set) + 1e-9 { rises += 1 }
      }
    }
    #expect(rises >= 20)
  }

  @Test func aSiteGainsNoMoreAfterASupersetThanAfterASubset() throws {
    var checked = 0
    var strict = 0
    for seed in UInt64(1)...5 {
      let search = try SyntheticSiting.random(seed: seed, candidates: 9)
      var random = SplitMix64(seed: seed &+ 200)
      for _ in 0..<40 {
        let b = (0..<9).filter { _ in Bool.random(using: &random) }
        let a = b.filter { _ in Bool.random(using: &random) }
        let x = Int.random(in: 0..<9, using: &random)
        guard !b.contains(x) else { continue }
        let gainAfterA = search.value(of: a + [x]) - search.value(of: a)
        let gainAfterB = search.value(of: b + [x]) - search.value(of: b)
        #expect(gainAfterA >= gainAfterB - 1e-9, "seed \(seed): A \(a) B \(b) x \(x)")
        checked += 1
        if gainAfterA > gainAfterB + 1e-9 { strict += 1 }
      }
    }
    // The samples must include cases where the inequality bites, or the test would prove nothing.
    #expect(checked >= 50 && strict >= 10)
  }

  @Test func badFiguresAreRefused() {
    #expect(throws: SitePlanningError.self) {
      try SitingObjective(
        geometry: SyntheticSiting.strip(3), regions: [SyntheticSiting.wholeRegion(4)],
        altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 100)])
    }
    #expect(throws: SitePlanningError.self) {
      let objective = try SitingObjective(
        geometry: SyntheticSiting.strip(3), regions: [SyntheticSiting.wholeRegion(3)],
        altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 100)])
      _ = try SitingSearch(objective: objective, candidates: [SyntheticSiting.site("s", 1.5, [0])])
    }
  }
}
