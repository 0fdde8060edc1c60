import CoverageKernel
import CoverageReference
import Foundation
import Testing

/// The fast kernel against the exact per-cell reference on rugged synthetic terrain (no data files needed).
@Suite struct ReferenceAgreementTests {
  let altitudes: [Float] = [0, 150, 300, 1_000, 3_000]

  @Test func projectedRidgedTerrain() throws {
    let size = 501
    let heights = RidgedFractalTerrain(seed: 7, relief: 3_000, wavelength: 150).heights(width: size, height: size)
    let half = Double(size) * 90 / 2
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 500_000 - half, originY: 8_600_000 + half, cellWidth: 90,
      cellHeight: 90, width: size, height: size)
    let terrain = ElevationGrid(geometry: geometry, heights: heights)
    let site = RadarSite(
      name: "ridge", position: MapPoint(x: 500_000, y: 8_600_000), antenna: .aboveGround(15),
      limits: CoverageLimits(maximumRange: 22_000))
    let field = try LineOfSightKernel(threads: 2).coverage(of: site, over: terrain)
    let report = AgreementReport(
      field: field, reference: ExactLineOfSight().evaluate(site: site, terrain: terrain, stride: 2),
      terrain: terrain, altitudes: altitudes)
    print("projected ridged terrain:", report)
    #expect(report.rangeMismatches == 0)
    #expect(report.cellsInRange > 40_000)
    for altitude in altitudes { #expect(report.disagreementShare(at: altitude) <= 0.02, "at \(altitude) m") }
    #expect(report.medianAbsoluteDifference <= 20)
  }

  @Test func geographicRidgedTerrainWithSectorAndElevationLimits() throws {
    let size = 481
    let heights = RidgedFractalTerrain(seed: 11, relief: 2_500, wavelength: 120).heights(width: size, height: size)
    let terrain = TestTerrain.geographic(
      longitude: -75.5, latitude: -12.0, columns: size, rows: size, cell: 1.0 / 1_200, heights: heights)
    let site = RadarSite(
      name: "vraem", position: MapPoint(x: -75.5, y: -12.0), antenna: .aboveGround(10),
      limits: CoverageLimits(
        minimumRange: 1_000, maximumRange: 20_000, sector: try AzimuthSector(start: 200, end: 100),
        minimumElevation: -2, maximumElevation: 25))
    let field = try LineOfSightKernel(threads: 2).coverage(of: site, over: terrain)
    let report = AgreementReport(
      field: field, reference: ExactLineOfSight().evaluate(site: site, terrain: terrain, stride: 2),
      terrain: terrain, altitudes: altitudes)
    print("geographic ridged terrain:", report)
    #expect(report.rangeMismatches <= report.cellsInRange / 2_000)
    #expect(report.cellsInRange > 25_000)
    for altitude in altitudes { #expect(report.disagreementShare(at: altitude) <= 0.02, "at \(altitude) m") }
    #expect(report.medianAbsoluteDifference <= 20)
  }

  @Test func resultsDoNotDependOnTheNumberOfThreads() throws {
    let heights = RidgedFractalTerrain(seed: 3).heights(width: 301, height: 301)
    let terrain = ElevationGrid(
      geometry: GridGeometry(
        coordinateSystem: .projected, originX: 0, originY: 30_100, cellWidth: 100, cellHeight: 100, width: 301,
        height: 301), heights: heights)
    let site = RadarSite(
      name: "t", position: MapPoint(x: 15_050, y: 15_050), antenna: .aboveGround(10),
      limits: CoverageLimits(maximumRange: 15_000))
    let one = try LineOfSightKernel(threads: 1).coverage(of: site, over: terrain)
    let many = try LineOfSightKernel(threads: 4).coverage(of: site, over: terrain)
    #expect(one.lowestAltitudeMSL.elementsEqual(many.lowestAltitudeMSL) { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }
}
