import CoverageKernel
import Foundation
import Testing

/// The memory and work estimate a caller checks before running the kernel.
@Suite struct ResourceEstimateTests {
  let kernel = LineOfSightKernel()

  func estimate(range: Double, cell: Double, maximumElevation: Double? = nil) throws -> CoverageResourceEstimate {
    let size = Int(2 * range / cell) + 5
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: Double(size) * cell, cellWidth: cell, cellHeight: cell,
      width: size, height: size)
    let site = RadarSite(
      name: "r", position: MapPoint(x: Double(size) * cell / 2, y: Double(size) * cell / 2),
      antenna: .aboveGround(10), limits: CoverageLimits(maximumRange: range, maximumElevation: maximumElevation))
    return try kernel.resourceEstimate(for: site, over: geometry)
  }

  @Test func theStoreGrowsWithTheSquareOfRangeOverCellSize() throws {
    let small = try estimate(range: 20_000, cell: 100)
    // Nested annuli: 2π(R/c) radials times 2R/c samples, summed over halvings (1/2 + 1/8 + ...) = (8π/3)(R/c)².
    let ratio = 20_000.0 / 100
    let expected = 8 * Double.pi / 3 * ratio * ratio * 4
    #expect(abs(Double(small.storeBytes) / expected - 1) < 0.1, "\(small.storeBytes) vs \(expected)")
    let large = try estimate(range: 40_000, cell: 100)
    #expect(abs(Double(large.storeBytes) / Double(small.storeBytes) / 4 - 1) < 0.05)
    #expect(small.fieldBytes == small.windowCells * 5)
    #expect(try estimate(range: 20_000, cell: 100, maximumElevation: 20).fieldBytes == small.windowCells * 9)
    #expect(small.peakBytes == small.terrainBytes + small.storeBytes + small.fieldBytes + small.tableBytes)
  }

  @Test func aHugeRunIsEstimatedWithoutAllocatingIt() throws {
    // A 10 m DEM at 450 km: tens of gigabytes, known at once.
    let huge = try estimate(range: 450_000, cell: 10)
    #expect(huge.peakBytes > 50_000_000_000)
    #expect(huge.windowCells > 8_000_000_000)
  }

  @Test func aSmallGridUnderALongRangeCostsTheGridNotTheRange() throws {
    // 100 x 100 cells of 30 m (3 km) under a 450 km radar: the sweep stops where the grid ends.
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: 3_000, cellWidth: 30, cellHeight: 30, width: 100, height: 100)
    func site(_ range: Double) -> RadarSite {
      RadarSite(
        name: "r", position: MapPoint(x: 1_500, y: 1_500), antenna: .aboveGround(10),
        limits: CoverageLimits(maximumRange: range))
    }
    let far = try kernel.resourceEstimate(for: site(450_000), over: geometry)
    let near = try kernel.resourceEstimate(for: site(2_300), over: geometry)
    #expect(far.storeBytes < 2 * near.storeBytes + 1_000_000, "\(far.storeBytes) vs \(near.storeBytes)")
    #expect(far.peakBytes < 20_000_000)
    // The cells are computed as with a range that just covers the grid.
    let terrain = ElevationGrid(
      geometry: geometry,
      heights: RidgedFractalTerrain(seed: 4, relief: 300, wavelength: 20).heights(width: 100, height: 100))
    let long = try kernel.coverage(of: site(450_000), over: terrain)
    let short = try kernel.coverage(of: site(2_200), over: terrain)
    #expect(long.lowestAltitudeMSL.filter { !$0.isNaN }.count == 100 * 100)
    let corner = 0  // about 2.1 km from the site: in both ranges
    #expect(abs(long.lowestAltitudeMSL[corner] - short.lowestAltitudeMSL[corner]) < 1)
  }
}
