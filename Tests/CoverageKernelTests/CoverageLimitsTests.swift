import CoverageKernel
import Foundation
import Testing

/// Range, sector and elevation limits of the antenna.
@Suite struct CoverageLimitsTests {
  let terrain = TestTerrain.projected(size: 201, cell: 200) { _, _ in 0 }
  let earth = EarthModel.standard

  func field(_ limits: CoverageLimits) throws -> CoverageField {
    let site = RadarSite(name: "t", position: MapPoint(x: 0, y: 0), antenna: .aboveGround(10), limits: limits)
    return try LineOfSightKernel(threads: 1).coverage(of: site, over: terrain)
  }

  func index(x: Double, y: Double) -> Int {
    Int(terrain.geometry.row(ofY: y).rounded()) * 201 + Int(terrain.geometry.column(ofX: x).rounded())
  }

  @Test func cellsOutsideTheSectorAreNotComputed() throws {
    let sector = try field(CoverageLimits(maximumRange: 18_000, sector: try AzimuthSector(start: 45, end: 135)))
    let full = try field(CoverageLimits(maximumRange: 18_000))
    #expect(sector.lowestAltitudeMSL[index(x: -10_000, y: 0)].isNaN)
    #expect(sector.lowestAltitudeMSL[index(x: 0, y: 10_000)].isNaN)
    #expect(sector.lowestAltitudeMSL[index(x: 10_000, y: 0)] == full.lowestAltitudeMSL[index(x: 10_000, y: 0)])
    let wrapped = try field(CoverageLimits(maximumRange: 18_000, sector: try AzimuthSector(start: 300, end: 60)))
    #expect(!wrapped.lowestAltitudeMSL[index(x: 0, y: 10_000)].isNaN)
    #expect(wrapped.lowestAltitudeMSL[index(x: 0, y: -10_000)].isNaN)
  }

  @Test func cellsInsideTheMinimumRangeAreNotComputed() throws {
    let limited = try field(CoverageLimits(minimumRange: 5_000, maximumRange: 18_000))
    #expect(limited.lowestAltitudeMSL[index(x: 2_000, y: 2_000)].isNaN)
    #expect(!limited.lowestAltitudeMSL[index(x: 6_000, y: 0)].isNaN)
    #expect(limited.lowestAltitudeMSL[index(x: 19_000, y: 0)].isNaN)
  }

  @Test func aMinimumElevationLiftsTheLowestVisibleAltitude() throws {
    let limited = try field(CoverageLimits(maximumRange: 18_000, minimumElevation: 1))
    for x in [2_000.0, 8_000, 16_000] {
      let expected = 10 + earth.curvatureDrop(atDistance: x) + x * tan(Double.pi / 180)
      #expect(abs(Double(limited.lowestAltitudeMSL[index(x: x, y: 0)]) - expected) < 0.5)
    }
  }

  @Test func theConeOfSilenceHidesHighTargetsNearTheRadar() throws {
    let limited = try field(CoverageLimits(maximumRange: 18_000, maximumElevation: 20))
    let near = index(x: 2_000, y: 0)
    let ceiling = 10 + earth.curvatureDrop(atDistance: 2_000) + 2_000 * tan(20 * Double.pi / 180)
    #expect(abs(Double(limited.ceilingMSL![near]) - ceiling) < 0.5)
    #expect(limited.isVisible(near, altitudeAGL: 500))
    #expect(!limited.isVisible(near, altitudeAGL: 1_000))
    #expect(limited.isVisible(index(x: 16_000, y: 0), altitudeAGL: 3_000))
  }

  @Test func aTargetAboveTheConeOfSilenceIsNeverVisibleThere() throws {
    // A 400 m hill right beside the antenna forces the lowest visible altitude above a 5° ceiling close in.
    let hill = TestTerrain.projected(size: 201, cell: 200) { x, y in abs(x - 600) <= 300 && abs(y) <= 300 ? 400 : 0 }
    let site = RadarSite(
      name: "t", position: MapPoint(x: 0, y: 0), antenna: .aboveGround(10),
      limits: CoverageLimits(maximumRange: 18_000, maximumElevation: 5))
    let field = try LineOfSightKernel(threads: 1).coverage(of: site, over: hill)
    let shadowed = Int(hill.geometry.row(ofY: 0).rounded()) * 201 + Int(hill.geometry.column(ofX: 2_000).rounded())
    #expect(field.lowestAltitudeMSL[shadowed] == .infinity)
    #expect(!field.isVisible(shadowed, altitudeAGL: 10_000))
  }

  /// A radar type's elevation limits as a range give the same limits as the two bounds given apart.
  @Test func elevationsAsARangeSetBothBounds() {
    let limits = CoverageLimits(maximumRange: 250_000, elevations: -2...30)
    #expect(limits == CoverageLimits(maximumRange: 250_000, minimumElevation: -2, maximumElevation: 30))
    #expect(limits.minimumRange == 0 && limits.sector == nil)
  }
}
