import CoverageKernel
import Foundation
import SitePlanning
import Testing

/// The flight layer of the objective: the expected share of simulated flights some radar sees, by hand; monotone and
/// submodular with the area terms; greedy against exhaustive; the area terms unchanged by it.
@Suite struct FlightObjectiveTests {
  @Test func aFlightCountsTheChanceThatSomeRadarCoveringItIsUp() throws {
    // A covers cell 0 and flight 0 (up half the time); B covers flights 0 and 1 (up 90 %); three flights worth 30.
    var a = SyntheticSiting.site("A", 0.5, [0])
    a.footprint.appendLayer([0])
    var b = SyntheticSiting.site("B", 0.9, [])
    b.footprint.appendLayer([0, 1])
    let objective = try SitingObjective(
      geometry: SyntheticSiting.strip(2), regions: [SyntheticSiting.wholeRegion(2)],
      altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 300)], flights: FlightObjective(count: 3, weight: 30))
    let share = ((1 - 0.5 * 0.1) + 0.9 + 0) / 3
    #expect(abs(try #require(objective.detectedShare(of: [a, b])) - share) < 1e-12)
    #expect(abs(objective.value(of: [a, b]) - (0.5 + 30 * share)) < 1e-12)
    #expect(objective.detectedShare(of: []) == 0)
    // The split by region and altitude holds the area only.
    let search = try SitingSearch(objective: objective, candidates: [a, b])
    #expect(search.gainByRegionAndAltitude(of: 0, after: []) == [[0.5]])
    // A footprint without the flight layer does not fit an objective with one.
    #expect(throws: SitePlanningError.self) {
      try SitingSearch(objective: objective, candidates: [SyntheticSiting.site("C", 1, [1])])
    }
    // Without flights there is no share to report.
    let areaOnly = try SitingObjective(
      geometry: SyntheticSiting.strip(2), regions: [SyntheticSiting.wholeRegion(2)],
      altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 300)])
    #expect(areaOnly.detectedShare(of: []) == nil)
  }

  /// The area-only objective, summed by hand in the order the objective has always summed it (altitudes, then cells
  /// in row order, base radars then the added ones multiplied in): its value must be the very same number.
  @Test func theAreaOnlyObjectiveGivesExactlyTheNumbersItGaveBefore() throws {
    let cells = 60
    for seed in UInt64(1)...4 {
      let search = try SyntheticSiting.random(seed: seed, candidates: 7, cells: cells)
      let objective = search.objective
      // The same instance with a flight layer of no weight: each radar covers some of 25 flights.
      func withLayer(_ radar: SiteCoverage, _ number: Int) -> SiteCoverage {
        var radar = radar
        radar.footprint.appendLayer((0..<25).filter { ($0 + number) % 3 == 0 }.map(UInt32.init))
        return radar
      }
      let withFlights = try SitingSearch(
        objective: try SitingObjective(
          geometry: SyntheticSiting.strip(cells), regions: objective.regions, altitudes: objective.altitudes,
          baseNetwork: objective.baseNetwork.map { withLayer($0, 7) }, flights: FlightObjective(count: 25, weight: 0)),
        candidates: search.candidates.enumerated().map { withLayer($1, $0) })
      var random = SplitMix64(seed: seed &+ 300)
      for _ in 0..<10 {
        let set = (0..<7).filter { _ in Bool.random(using: &random) }
        var byHand = 0.0
        for (number, altitude) in objective.altitudes.enumerated() {
          for cell in 0..<cells {
            let weight =
              altitude.weight * objective.regions.filter { $0.mask[cell] }.reduce(0) { $0 + $1.weight }
            guard weight > 0 else { continue }
            var miss = 1.0
            for radar in objective.baseNetwork + set.map({ search.candidates[$0] })
            where radar.footprint.coveredCells[number].contains(UInt32(cell)) {
              miss *= 1 - radar.availability
            }
            byHand += weight * (1 - miss)
          }
        }
        #expect(search.value(of: set) == byHand, "seed \(seed), set \(set)")
        #expect(withFlights.value(of: set) == byHand, "seed \(seed), set \(set)")
      }
      // A flight layer of no weight changes nothing the area terms give.
      #expect(withFlights.greedy(count: 3).picks.map(\.candidate) == search.greedy(count: 3).picks.map(\.candidate))
      #expect(withFlights.greedy(count: 3).value == search.greedy(count: 3).value)
    }
  }

  @Test func withFlightsTheObjectiveStaysMonotoneAndSubmodular() throws {
    var checked = 0
    var strict = 0
    for seed in UInt64(1)...5 {
      let search = try SyntheticSiting.random(seed: seed, candidates: 9, flights: 40, flightWeight: 200)
      var random = SplitMix64(seed: seed &+ 400)
      for _ in 0..<40 {
        let b = (0..<9).filter { _ in Bool.random(using: &random) }
        let a = b.filter { _ in Bool.random(using: &random) }
        let x = Int.random(in: 0..<9, using: &random)
        guard !b.contains(x) else { continue }
        let gainAfterA = search.value(of: a + [x]) - search.value(of: a)
        let gainAfterB = search.value(of: b + [x]) - search.value(of: b)
        #expect(gainAfterB >= -1e-9, "seed \(seed): B \(b) x \(x)")
        #expect(gainAfterA >= gainAfterB - 1e-9, "seed \(seed): A \(a) B \(b) x \(x)")
        let shareA = try #require(search.objective.detectedShare(of: (a + [x]).map { search.candidates[$0] }))
        let shareB = try #require(search.objective.detectedShare(of: (b + [x]).map { search.candidates[$0] }))
        #expect(shareB >= shareA - 1e-12)
        checked += 1
        if gainAfterA > gainAfterB + 1e-9 { strict += 1 }
      }
    }
    #expect(checked >= 50 && strict >= 10)
  }

  @Test func greedyWithFlightsReachesTheGuaranteedShareOfTheOptimum() throws {
    for seed in UInt64(1)...6 {
      let search = try SyntheticSiting.random(seed: seed, candidates: 9, flights: 30, flightWeight: 150)
      let greedy = search.greedy(count: 3)
      let optimum = SyntheticSiting.exhaustiveOptimum(search, size: 3)
      #expect(greedy.value - greedy.baseValue >= (1 - exp(-1)) * (optimum.value - greedy.baseValue) - 1e-9)
      #expect(greedy.onlineUpperBound >= optimum.value - 1e-9, "seed \(seed)")
    }
  }

  /// A flight is covered when one sample is in range, at or above the lowest visible altitude, above the ground
  /// and under the cone of silence; a flight outside the field's window is not.
  @Test func aRadarCoversAFlightWhenItSeesOneOfItsSamples() {
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: -70, originY: -10, cellWidth: 0.1, cellHeight: 0.1, width: 3,
      height: 1)
    // Cell 0: seen from 500 m; cell 1: from 1,000 m, ceiling 3,000 m; cell 2: out of range.
    let field = CoverageField(
      geometry: geometry, lowestAltitudeMSL: [500, 1_000, .nan], groundHeights: [200, 300, 100],
      ceilingMSL: [10_000, 3_000, 10_000])
    func flight(_ points: [(Double, Double)]) -> PlanningFlight {
      PlanningFlight(samples: points.map { PlanningFlight.Sample(latitude: -10.05, longitude: $0.0, altitude: $0.1) })
    }
    let flights = [
      flight([(-69.95, 400), (-69.85, 900)]),  // below both floors: unseen
      flight([(-69.95, 400), (-69.85, 1_200)]),  // seen over cell 1
      flight([(-69.85, 3_500)]),  // over cell 1 but above its ceiling
      flight([(-69.75, 5_000)]),  // out of range
      flight([(-69.95, 500)]),  // exactly at the floor: seen
      flight([(-60.0, 5_000)]),  // outside the window
    ]
    #expect(FlightCoverage.coveredFlights(by: field, of: flights) == [1, 4])
  }
}
