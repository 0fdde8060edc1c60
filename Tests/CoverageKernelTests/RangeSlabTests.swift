import CoverageKernel
import Foundation
import Testing

/// The sweep and read-back go range slab by range slab so that only one slab's store is held: however finely the
/// range is cut, every plane is bit-identical to the sweep held whole.
@Suite struct RangeSlabTests {
  /// The same radar computed with the whole range as one slab and with slabs of `slabStore` floats.
  static func compare(_ site: RadarSite, over terrain: ElevationGrid, slabStore: Int) throws -> (
    whole: CoverageField, cut: CoverageField
  ) {
    var whole = LineOfSightKernel(threads: 2)
    whole.slabStore = .max
    var cut = LineOfSightKernel(threads: 2)
    cut.slabStore = slabStore
    // The cut really holds less: several slabs, each with a smaller store.
    let wholeStore = try whole.resourceEstimate(for: site, over: terrain.geometry).storeBytes
    #expect(try cut.resourceEstimate(for: site, over: terrain.geometry).storeBytes < wholeStore)
    return (try whole.coverage(of: site, over: terrain), try cut.coverage(of: site, over: terrain))
  }

  static func expectIdentical(_ a: CoverageField, _ b: CoverageField) {
    func same(_ x: [Float], _ y: [Float]) -> Bool {
      x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }
    #expect(same(a.lowestAltitudeMSL, b.lowestAltitudeMSL))
    #expect(same(a.lowestAltitudeAGLPlane(), b.lowestAltitudeAGLPlane()))
    #expect(a.ceilingMSL.map { ceiling in same(ceiling, b.ceilingMSL ?? []) } ?? (b.ceilingMSL == nil))
    #expect(a.voidDependence == b.voidDependence)
    #expect(a.voidDependentCellCount == b.voidDependentCellCount)
    // Every cell written: in range where the whole sweep is.
    #expect(a.lowestAltitudeMSL.filter { !$0.isNaN }.count == b.lowestAltitudeMSL.filter { !$0.isNaN }.count)
  }

  static func rugged(size: Int, seed: UInt64) -> [Float] {
    RidgedFractalTerrain(seed: seed, relief: 1_800, wavelength: 50).heights(width: size, height: size)
  }

  @Test(arguments: [3_000, 20_000, 200_000])
  func projectedTerrainWithVoidsSectorAndLimits(slabStore: Int) throws {
    let size = 301
    var heights = Self.rugged(size: size, seed: 11)
    for row in 40..<60 { for column in 200..<230 { heights[row * size + column] = .nan } }
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: Double(size) * 90, cellWidth: 90, cellHeight: 90,
      width: size, height: size)
    let terrain = ElevationGrid(geometry: geometry, heights: heights)
    let site = RadarSite(
      name: "slab", position: MapPoint(x: 11_000, y: 16_000), antenna: .aboveGround(12),
      limits: CoverageLimits(
        minimumRange: 900, maximumRange: 18_000, sector: try AzimuthSector(start: 300, end: 200), minimumElevation: -1,
        maximumElevation: 30))
    let (whole, cut) = try Self.compare(site, over: terrain, slabStore: slabStore)
    #expect(whole.voidDependentCellCount > 0)
    Self.expectIdentical(whole, cut)
  }

  @Test(arguments: [2_000, 50_000])
  func geographicTerrainAtHighLatitudeAndAtTheEdge(slabStore: Int) throws {
    let columns = 260
    let rows = 200
    let heights = RidgedFractalTerrain(seed: 4, relief: 1_200, wavelength: 40).heights(width: columns, height: rows)
    let terrain = TestTerrain.geographic(
      longitude: 20, latitude: 62, columns: columns, rows: rows, cell: 1.0 / 240, heights: heights)
    // Off-centre, near the western edge: rows whose nearest column is the first.
    let site = RadarSite(
      name: "north", position: MapPoint(x: 19.5, y: 62.1), antenna: .aboveGround(30),
      limits: CoverageLimits(maximumRange: 60_000))
    let (whole, cut) = try Self.compare(site, over: terrain, slabStore: slabStore)
    Self.expectIdentical(whole, cut)
  }

  @Test func aSiteAtTheGridEdgeReadsBackEveryCell() throws {
    let terrain = TestTerrain.projected(size: 181, cell: 100) { x, y in 50 * sin(x / 700) * cos(y / 900) + 200 }
    let site = TestTerrain.site(at: MapPoint(x: -8_950, y: 3_000), height: 20, range: 25_000)
    let (whole, cut) = try Self.compare(site, over: terrain, slabStore: 4_000)
    Self.expectIdentical(whole, cut)
  }
}
