import CoverageKernel
import RadarModels
import SitePlanning
import Testing

/// Decimation, and the screen's ranking against the full grid's.
@Suite struct CoarseToFineTests {
  @Test func decimationAveragesFiniteHeightsAndKeepsHalfCoveredRegionCells() {
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: -75, originY: -10, cellWidth: 0.01, cellHeight: 0.01, width: 5,
      height: 5)
    var heights = (0..<25).map { Float($0) }
    heights[0] = .nan
    let coarse = ElevationGrid(geometry: geometry, heights: heights).decimated(by: 2)
    #expect(coarse.geometry.width == 3 && coarse.geometry.height == 3)
    #expect(coarse.geometry.cellWidth == 0.02 && coarse.geometry.originX == -75)
    #expect(coarse[0, 0] == Float(1 + 5 + 6) / 3)  // the void is left out
    #expect(coarse[0, 2] == Float(4 + 9) / 2)  // the eastern edge block is one column wide
    #expect(coarse[2, 2] == 24)
    let region = PlanningRegion(name: "r", weight: 1, mask: (0..<25).map { $0 % 5 == 0 || $0 == 6 })
    let coarseMask = region.decimated(by: 2, width: 5, height: 5).mask
    // Block (0,0) holds cells 0, 1, 5, 6: three inside. Block (0,1) holds 2, 3, 7, 8: none.
    #expect(coarseMask == [true, false, false, true, false, false, true, false, false])
  }

  @Test func theScreenKeepsTheCandidatesTheFullGridRanksHighest() throws {
    let terrain = SyntheticHills.terrain
    let altitudes = [PlanningAltitude(.aboveGroundLevel, metres: 100)]
    let criterion = DetectionCriterion(
      target: SyntheticHills.target, minimumProbability: 0.5, falseAlarmProbability: 1e-6)
    let region = PlanningRegion(name: "all", weight: 1, mask: [Bool](repeating: true, count: terrain.heights.count))
    let type = SyntheticHills.radarType()
    // A corner sees about a quarter of its 8 km disc on the grid, an edge about half, the centre nearly all of it.
    let corner = PlanningRadar(
      name: "corner", type: type, coordinate: SyntheticHills.coordinate(row: 1, column: 78),
      antenna: .aboveGround(15))
    let edge = PlanningRadar(
      name: "edge", type: type, coordinate: SyntheticHills.coordinate(row: 40, column: 1), antenna: .aboveGround(15))
    let centre = PlanningRadar(
      name: "centre", type: type, coordinate: SyntheticHills.coordinate(row: 40, column: 45),
      antenna: .aboveGround(15))
    let candidates = [corner, edge, centre]
    let screening = CoarseToFineScreening(
      terrain: terrain, factor: 4, criterion: criterion, altitudes: altitudes, regions: [region])
    let outcome = try screening.screen(candidates: candidates, baseNetwork: [], keep: 2, threads: 2)
    let fineObjective = try SitingObjective(geometry: terrain.geometry, regions: [region], altitudes: altitudes)
    let fine = try FootprintBuilder(terrain: terrain, criterion: criterion, altitudes: altitudes)
      .coverages(of: candidates, keep: fineObjective.counted, threads: 2)
    let fineGains = try SitingSearch(objective: fineObjective, candidates: fine).gainsOverTheBase()
    let fineRanking = fineGains.indices.sorted { fineGains[$0] > fineGains[$1] }
    #expect(fineRanking == [2, 1, 0])
    #expect(outcome.kept == Array(fineRanking.prefix(2)))
    // The coarse cells are 16 times larger; the gains agree to within the edge effects of the coarse disc.
    for (coarseGain, fineGain) in zip(outcome.coarseGains, fineGains) {
      #expect(abs(coarseGain - fineGain) < 0.15 * fineGain)
    }
    // The full-grid search holds the kept candidates' full footprints.
    #expect(outcome.search.candidates == outcome.kept.map { fine[$0] })
    let again = try screening.screen(candidates: candidates, baseNetwork: [], keep: 2, threads: 1)
    #expect(again.kept == outcome.kept && again.coarseGains == outcome.coarseGains)
  }

  @Test func theBaseNetworkLowersTheGainsOfTheCandidatesItOverlaps() throws {
    let terrain = SyntheticHills.terrain
    let altitudes = [PlanningAltitude(.aboveGroundLevel, metres: 100)]
    let criterion = DetectionCriterion(
      target: SyntheticHills.target, minimumProbability: 0.5, falseAlarmProbability: 1e-6)
    let region = PlanningRegion(name: "all", weight: 1, mask: [Bool](repeating: true, count: terrain.heights.count))
    let type = SyntheticHills.radarType(availability: 1)
    let west = PlanningRadar(
      name: "west", type: type, coordinate: SyntheticHills.coordinate(row: 40, column: 20), antenna: .aboveGround(15))
    let east = PlanningRadar(
      name: "east", type: type, coordinate: SyntheticHills.coordinate(row: 40, column: 60), antenna: .aboveGround(15))
    let screening = CoarseToFineScreening(
      terrain: terrain, factor: 4, criterion: criterion, altitudes: altitudes, regions: [region])
    let alone = try screening.screen(candidates: [west, east], baseNetwork: [], keep: 1, threads: 1)
    let withBase = try screening.screen(candidates: [west, east], baseNetwork: [west], keep: 1, threads: 1)
    #expect(withBase.coarseGains[0] < 1e-9)  // a radar already in the base adds nothing
    #expect(withBase.coarseGains[1] > 0 && withBase.coarseGains[1] <= alone.coarseGains[1])
    #expect(withBase.kept == [1])
  }
}
