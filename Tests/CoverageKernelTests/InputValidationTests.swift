import CoverageKernel
import Foundation
import Testing

/// Inputs a user can reach are refused with one-line errors, never a crash or a silently wrong field.
@Suite struct InputValidationTests {
  let kernel = LineOfSightKernel(threads: 1)

  func flat(columns: Int, rows: Int, cell: Double = 100) -> ElevationGrid {
    ElevationGrid(
      geometry: GridGeometry(
        coordinateSystem: .projected, originX: 0, originY: Double(rows) * cell, cellWidth: cell, cellHeight: cell,
        width: columns, height: rows), heights: [Float](repeating: 10, count: columns * rows))
  }

  func site(
    at position: MapPoint = MapPoint(x: 50, y: 50), antenna: AntennaHeight = .aboveGround(10),
    _ limits: CoverageLimits = CoverageLimits(maximumRange: 5_000)
  ) -> RadarSite {
    RadarSite(name: "r", position: position, antenna: antenna, limits: limits)
  }

  @Test func degenerateGridsAreRefused() {
    for (columns, rows) in [(1, 1), (1, 50), (50, 1)] {
      #expect(throws: CoverageKernelError.gridTooSmall(width: columns, height: rows)) {
        try kernel.coverage(of: site(), over: flat(columns: columns, rows: rows))
      }
    }
    for cell in [0.0, -1, .nan, .infinity] {
      #expect(throws: CoverageKernelError.self) {
        try kernel.coverage(of: site(), over: flat(columns: 4, rows: 4, cell: cell))
      }
    }
  }

  @Test func absurdlySmallCellsAreRefusedNotOverflowed() throws {
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: -70, originY: -12, cellWidth: 1e-300, cellHeight: 1e-300, width: 50,
      height: 50)
    let centre = MapPoint(x: -70 + 25e-300, y: -12 - 25e-300)
    let window = try #require(geometry.window(around: centre, radius: 450_000, earthRadius: EarthModel.meanRadius))
    #expect(window.width == 50 && window.height == 50)
    let grid = ElevationGrid(geometry: geometry, heights: [Float](repeating: 0, count: 2_500))
    let radar = site(at: centre, CoverageLimits(maximumRange: 450_000))
    #expect(throws: CoverageKernelError.self) { try kernel.coverage(of: radar, over: grid) }
    #expect(throws: CoverageKernelError.self) { try kernel.resourceEstimate(for: radar, over: geometry) }
  }

  @Test func rangesNearAPoleAreRefusedOnGeographicGrids() throws {
    let grid = TestTerrain.geographic(longitude: 0, latitude: 85, columns: 200, rows: 2_000, cell: 0.005)
    for latitude in [90.0, 89.99, 88.7, -90] {
      let radar = site(at: MapPoint(x: 0, y: latitude), CoverageLimits(maximumRange: 50_000))
      #expect(throws: CoverageKernelError.self) { try kernel.validate(radar, over: grid.geometry) }
    }
    let error = CoverageKernelError.rangeNearPole(radar: "r", latitude: 90)
    #expect(error.description.contains("EPSG:3413") && error.description.contains("gdalwarp"))
    // 80° with 450 km reaches 84°: allowed.
    try kernel.validate(site(at: MapPoint(x: 0, y: 80), CoverageLimits(maximumRange: 450_000)), over: grid.geometry)
    let near = site(at: MapPoint(x: 0, y: 85), CoverageLimits(maximumRange: 5_000))
    let field = try kernel.coverage(of: near, over: grid)
    #expect(field.lowestAltitudeMSL.contains { $0.isFinite })
  }

  @Test func antennaHeightsOutsideTheStatedBoundsAreRefused() {
    let grid = flat(columns: 100, rows: 100)
    for height in [1e6, 100_001, -1, .nan, .infinity] {
      #expect(throws: CoverageKernelError.self) {
        try kernel.coverage(of: site(antenna: .aboveGround(height)), over: grid)
      }
    }
    for altitude in [200_000.0, -1_000, .nan] {
      #expect(throws: CoverageKernelError.self) {
        try kernel.coverage(of: site(antenna: .aboveSeaLevel(altitude)), over: grid)
      }
    }
  }

  @Test func aVeryHighAntennaSeesTheGroundRightBelowIt() throws {
    // 50 km up over 10 m cells: the ground beneath is far steeper below the horizontal than any default bound.
    let grid = flat(columns: 201, rows: 201, cell: 10)
    let radar = site(
      at: MapPoint(x: 1_005, y: 1_005), antenna: .aboveGround(50_000), CoverageLimits(maximumRange: 1_000))
    let field = try kernel.coverage(of: radar, over: grid)
    let seen = field.lowestAltitudeAGLPlane().filter { !$0.isNaN }
    #expect(seen.count > 30_000)
    #expect(seen.max()! <= 0.5, "highest \(seen.max()!) m")
  }

  @Test func rangesAndElevationLimitsMustBeConsistent() {
    let grid = flat(columns: 100, rows: 100)
    let bad = [
      CoverageLimits(maximumRange: .nan), CoverageLimits(maximumRange: 0), CoverageLimits(maximumRange: 1_600_000),
      CoverageLimits(minimumRange: 5_000, maximumRange: 5_000), CoverageLimits(minimumRange: -1, maximumRange: 5_000),
      CoverageLimits(maximumRange: 5_000, minimumElevation: 10, maximumElevation: 5),
      CoverageLimits(maximumRange: 5_000, maximumElevation: .nan),
    ]
    for limits in bad {
      #expect(throws: CoverageKernelError.self, "\(limits)") { try kernel.coverage(of: site(limits), over: grid) }
    }
  }

  @Test func aZeroWidthSectorIsRefused() throws {
    #expect(throws: CoverageKernelError.invalidSector(start: 90, end: 90)) { try AzimuthSector(start: 90, end: 90) }
    #expect(throws: CoverageKernelError.self) { try AzimuthSector(start: .nan, end: 90) }
    for (start, end) in [(450.0, 90.0), (0, 720), (-90, 270 + 360)] {
      #expect(throws: CoverageKernelError.self, "\(start),\(end)") { try AzimuthSector(start: start, end: end) }
    }
    #expect(try AzimuthSector(start: 450, end: 100).contains(radians: 95 * .pi / 180))
    let full = try AzimuthSector(start: 0, end: 360)
    #expect(full.contains(radians: 1) && full.contains(radians: 4))
    // A sector mutated to zero width after creation is still refused by the kernel.
    var sector = try AzimuthSector(start: 10, end: 20)
    sector.end = 10
    #expect(throws: CoverageKernelError.invalidSector(start: 10, end: 10)) {
      try kernel.coverage(
        of: site(CoverageLimits(maximumRange: 5_000, sector: sector)), over: flat(columns: 100, rows: 100))
    }
  }
}
