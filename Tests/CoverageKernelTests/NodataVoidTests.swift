import CoverageKernel
import Foundation
import TestSupport
import Testing

/// Voids (no-data) in the terrain: refused under the site, unknown in the path, and never a silent answer.
@Suite struct NodataVoidTests {
  static let size = 241
  static let cell = 100.0
  /// Rugged terrain 24 km across, radar at the centre; its range reaches the grid's edge.
  static let terrain: ElevationGrid = {
    let heights = RidgedFractalTerrain(seed: 5, relief: 1_500, wavelength: 60).heights(width: size, height: size)
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: Double(size) * cell, cellWidth: cell, cellHeight: cell,
      width: size, height: size)
    return ElevationGrid(geometry: geometry, heights: heights)
  }()
  static let site = RadarSite(
    name: "Cerro", position: MapPoint(x: 12_050, y: 12_050), antenna: .aboveGround(15),
    limits: CoverageLimits(maximumRange: 11_500))

  /// The terrain with cells in rows 60..<80 and columns 140..<165 (about 4 km north-east of the radar) set to
  /// `value`.
  static func patched(_ value: Float) -> ElevationGrid {
    var grid = terrain
    for row in 60..<80 {
      for column in 140..<165 { grid.heights[row * size + column] = value }
    }
    return grid
  }

  static func same(_ a: Float, _ b: Float) -> Bool { a == b || (a.isNaN && b.isNaN) }

  @Test func aSiteOnAVoidIsRefusedUnlessItsAltitudeIsGiven() throws {
    var grid = Self.terrain
    let centre = Int(grid.geometry.row(ofY: 12_050).rounded()) * Self.size + Int(grid.geometry.column(ofX: 12_050))
    grid.heights[centre] = .nan
    #expect(throws: CoverageKernelError.siteOnVoid(radar: "Cerro")) {
      try LineOfSightKernel(threads: 1).coverage(of: Self.site, over: grid)
    }
    #expect(
      CoverageKernelError.siteOnVoid(radar: "Cerro").description
        == "radar 'Cerro' stands on a DEM void (no-data): give its ground elevation")
    var given = Self.site
    given.antenna = .aboveSeaLevel(2_000)
    let field = try LineOfSightKernel(threads: 1).coverage(of: given, over: grid)
    #expect(field.lowestAltitudeMSL[centre].isNaN)
    #expect(field.lowestAltitudeMSL.contains { $0.isFinite })
  }

  @Test func cellsNotFlaggedDoNotDependOnWhatFillsTheVoid() throws {
    let kernel = LineOfSightKernel(threads: 2)
    let void = try kernel.coverage(of: Self.site, over: Self.patched(.nan))
    let high = try kernel.coverage(of: Self.site, over: Self.patched(6_000))
    let low = try kernel.coverage(of: Self.site, over: Self.patched(-6_000))
    let mask = try #require(void.voidDependence)
    var inRange = 0
    var flagged = 0
    var differing = 0
    for index in mask.indices where void.isInRange(index) {
      inRange += 1
      let value = void.lowestAltitudeMSL[index]
      if mask[index] != 0 {
        flagged += 1
        // Skipping the void is the optimistic reading: the value is a lower bound.
        #expect(value <= high.lowestAltitudeMSL[index])
      } else {
        #expect(Self.same(value, high.lowestAltitudeMSL[index]) && Self.same(value, low.lowestAltitudeMSL[index]))
      }
      if !Self.same(high.lowestAltitudeMSL[index], low.lowestAltitudeMSL[index]) {
        differing += 1
        #expect(mask[index] != 0)
      }
    }
    print("void patch: \(flagged) of \(inRange) cells in range flagged, \(differing) differ between fills")
    #expect(void.voidDependentCellCount == flagged)
    #expect(differing > 500, "the patch must shadow something")
    // The shadow of a 2.5 x 2 km patch, not the whole field.
    #expect(flagged >= differing && flagged < inRange / 4, "\(flagged) flagged of \(inRange)")
    #expect(mask.enumerated().isNonEmptyAndAll { $0.element == 0 || void.isInRange($0.offset) })
    #expect(high.voidDependence == nil && high.voidDependentCellCount == 0)
    // Told of the voids up front, the kernel sweeps once and gives the same field; a wrong hint changes nothing.
    var hinted = Self.patched(.nan)
    hinted.voidsExpected = true
    let once = try kernel.coverage(of: Self.site, over: hinted)
    #expect(once.lowestAltitudeMSL.elementsEqual(void.lowestAltitudeMSL, by: Self.same))
    #expect(once.voidDependence == mask && once.voidDependentCellCount == flagged)
    var wrong = Self.patched(6_000)
    wrong.voidsExpected = true
    let unhinted = try kernel.coverage(of: Self.site, over: wrong)
    #expect(unhinted.lowestAltitudeMSL.elementsEqual(high.lowestAltitudeMSL, by: Self.same))
    #expect(unhinted.voidDependence == nil && unhinted.voidDependentCellCount == 0)
  }

  @Test func voidsAreTrackedAlongGreatCircles() throws {
    let size = 181
    var void = TestTerrain.geographic(
      longitude: -77.5, latitude: -9.5, columns: size, rows: size, cell: 1.0 / 1_200,
      heights: RidgedFractalTerrain(seed: 9, relief: 2_000, wavelength: 50).heights(width: size, height: size))
    var filled = void
    for row in 120..<135 {
      for column in 30..<50 {
        void.heights[row * size + column] = .nan
        filled.heights[row * size + column] = 7_000
      }
    }
    let site = TestTerrain.site(at: MapPoint(x: -77.5, y: -9.5), range: 7_000)
    let kernel = LineOfSightKernel(threads: 2)
    let withVoid = try kernel.coverage(of: site, over: void)
    let withFill = try kernel.coverage(of: site, over: filled)
    let mask = try #require(withVoid.voidDependence)
    var differing = 0
    for index in mask.indices where withVoid.isInRange(index) {
      let same = Self.same(withVoid.lowestAltitudeMSL[index], withFill.lowestAltitudeMSL[index])
      if !same { differing += 1 }
      #expect(same || mask[index] != 0)
    }
    #expect(differing > 100 && withVoid.voidDependentCellCount >= differing)
  }

  @Test func infiniteHeightsAreVoids() throws {
    let kernel = LineOfSightKernel(threads: 2)
    let void = try kernel.coverage(of: Self.site, over: Self.patched(.nan))
    for value in [Float.infinity, -.infinity] {
      let field = try kernel.coverage(of: Self.site, over: Self.patched(value))
      #expect(field.lowestAltitudeMSL.elementsEqual(void.lowestAltitudeMSL, by: Self.same), "\(value)")
      #expect(field.lowestAltitudeAGLPlane().elementsEqual(void.lowestAltitudeAGLPlane(), by: Self.same), "\(value)")
      #expect(field.voidDependence == void.voidDependence)
      #expect(field.voidDependentCellCount == void.voidDependentCellCount)
    }
  }

  @Test func aWindowWithoutTerrainInRangeIsRefused() {
    let kernel = LineOfSightKernel(threads: 2)
    var site = Self.site
    site.antenna = .aboveSeaLevel(100)
    var empty = Self.terrain
    empty.heights = [Float](repeating: .nan, count: empty.heights.count)
    #expect(throws: CoverageKernelError.noTerrainInRange(radar: "Cerro")) {
      try kernel.coverage(of: site, over: empty)
    }
    // Data only in the corners, out of range.
    empty.heights[0] = 10
    empty.heights[empty.heights.count - 1] = 10
    #expect(throws: CoverageKernelError.noTerrainInRange(radar: "Cerro")) {
      try kernel.coverage(of: site, over: empty)
    }
    #expect(
      CoverageKernelError.noTerrainInRange(radar: "Cerro").description
        == "no terrain in range of radar 'Cerro': the DEM is all no-data there")
  }
}
