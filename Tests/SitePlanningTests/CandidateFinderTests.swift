import CoverageKernel
import RadarModels
import SitePlanning
import Testing

/// Summits by local prominence, and each constraint on them.
@Suite struct CandidateFinderTests {
  static func cells(_ sites: [CandidateSite]) -> [[Int]] {
    sites.map { site in
      let geometry = SyntheticHills.geometry
      return [
        Int(geometry.row(ofY: site.coordinate.latitude).rounded()),
        Int(geometry.column(ofX: site.coordinate.longitude).rounded()),
      ]
    }
  }

  @Test func theSummitsAreFoundHighestFirstAndNothingElse() throws {
    let sites = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500))
    #expect(Self.cells(sites) == [[20, 20], [20, 30], [60, 60]])
    #expect(sites.map(\.name) == ["summit 1", "summit 2", "summit 3"])
    for (site, hill) in zip(sites, SyntheticHills.hills) {
      #expect(site.groundHeight == Double(SyntheticHills.terrain[hill.row, hill.column]))
      #expect((site.prominence ?? 0) > 0 && (site.prominence ?? 0) < hill.rise)
    }
    // Deterministic: the same call gives the same list.
    #expect(
      try CandidateFinder.candidates(on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500))
        == sites)
  }

  @Test func spacingDropsTheLowerOfTwoCloseSummits() throws {
    // Summits 1 and 2 lie 10 cells (about 2.2 km) apart.
    let spaced = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, minimumSpacing: 3000))
    #expect(Self.cells(spaced) == [[20, 20], [60, 60]])
    let close = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, minimumSpacing: 2000))
    #expect(close.count == 3)
  }

  @Test func theCapExcludesHigherSummitsWithoutPromotingTheirFlanks() throws {
    let capped = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, maximumGroundHeight: 1300))
    #expect(Self.cells(capped) == [[20, 30], [60, 60]])
    #expect(capped.allSatisfy { ($0.groundHeight ?? .infinity) <= 1300 })
  }

  @Test func theAreaAndTheFeaturesKeepOnlyTheSummitsTheyHold() throws {
    let corner = SyntheticHills.coordinate(row: 50, column: 50)
    let far = SyntheticHills.coordinate(row: 75, column: 75)
    let square = [
      GeoCoordinate(latitude: corner.latitude, longitude: corner.longitude),
      GeoCoordinate(latitude: corner.latitude, longitude: far.longitude),
      GeoCoordinate(latitude: far.latitude, longitude: far.longitude),
      GeoCoordinate(latitude: far.latitude, longitude: corner.longitude),
    ]
    let inside = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, area: [square]))
    #expect(Self.cells(inside) == [[60, 60]])
    // A hole over the same square leaves the other two.
    let whole = [
      SyntheticHills.coordinate(row: 0, column: 0), SyntheticHills.coordinate(row: 0, column: 79),
      SyntheticHills.coordinate(row: 79, column: 79), SyntheticHills.coordinate(row: 79, column: 0),
    ]
    let holed = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, area: [whole, square]))
    #expect(Self.cells(holed) == [[20, 20], [20, 30]])
    // A road passing 5 cells (about 1.1 km) east of summit 2 and running south.
    let road = [SyntheticHills.coordinate(row: 10, column: 35), SyntheticHills.coordinate(row: 40, column: 35)]
    let near = try CandidateFinder.candidates(
      on: SyntheticHills.terrain,
      criteria: CandidateCriteria(prominenceRadius: 1500, nearFeatures: [road], maximumDistance: 1500))
    #expect(Self.cells(near) == [[20, 30]])
    let point = [SyntheticHills.coordinate(row: 60, column: 62)]
    let byPoint = try CandidateFinder.candidates(
      on: SyntheticHills.terrain,
      criteria: CandidateCriteria(prominenceRadius: 1500, nearFeatures: [road, point], maximumDistance: 1500))
    #expect(Self.cells(byPoint) == [[20, 30], [60, 60]])
  }

  @Test func prominenceThresholdAndTopCountKeepTheMostProminent() throws {
    let all = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500))
    let prominences = all.compactMap(\.prominence)
    let threshold = prominences.sorted()[1]  // the middle one
    let strong = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, minimumProminence: threshold))
    #expect(strong.count == 2 && strong.allSatisfy { ($0.prominence ?? 0) >= threshold })
    let top = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500, topCount: 1))
    let mostProminent = try #require(all.max { ($0.prominence ?? 0) < ($1.prominence ?? 0) })
    #expect(top.map(\.coordinate) == [mostProminent.coordinate])
  }

  @Test func badCriteriaAndProjectedGridsAreRefused() {
    #expect(throws: SitePlanningError.self) {
      try CandidateFinder.candidates(on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 0))
    }
    var projected = SyntheticHills.terrain
    projected.geometry.coordinateSystem = .projected
    #expect(throws: SitePlanningError.projectedGrid) {
      try CandidateFinder.candidates(on: projected, criteria: CandidateCriteria(prominenceRadius: 1500))
    }
  }

  @Test func anExplicitSiteKeepsItsNameAndPosition() {
    let site = CandidateSite.explicit(name: "Cerro Azul", latitude: -9.5, longitude: -75.2)
    #expect(site.name == "Cerro Azul" && site.coordinate == GeoCoordinate(latitude: -9.5, longitude: -75.2))
    #expect(site.groundHeight == nil && site.prominence == nil)
  }
}
