import AirPictureCommands
import CoverageKernel
import Foundation
import Testing

/// gdal_viewshed crops its output to the range: its cells meet the kernel's only through the georeferences.
@Suite struct ViewshedAlignmentTests {
  /// A 101 x 101 DEM of 30 m cells in UTM.
  static let dem = GridGeometry(
    coordinateSystem: .projected, originX: 500_000, originY: 8_600_000, cellWidth: 30, cellHeight: 30, width: 101,
    height: 101)
  /// The kernel's window of it, and gdal_viewshed's output cropped to a smaller, offset window.
  static let window = GridWindow(column: 10, row: 10, width: 81, height: 81)
  static let cropped = GridWindow(column: 20, row: 25, width: 61, height: 55)

  @Test func aKnownCellMapsToTheCroppedOutputsCellWithTheSameCentre() throws {
    let field = Self.dem.subgrid(Self.window)
    let gdal = Self.dem.subgrid(Self.cropped)
    let alignment = try #require(ViewshedAlignment(field: field, other: gdal))
    #expect(alignment.columnOffset == -10 && alignment.rowOffset == -15)
    // DEM cell (row 40, column 30) is the field's (30, 20) and the cropped output's (15, 10).
    let index = try #require(alignment.otherIndex(row: 30, column: 20))
    #expect(index == 15 * 61 + 10)
    #expect(gdal.x(ofColumn: Double(index % gdal.width)) == field.x(ofColumn: 20))
    #expect(gdal.y(ofRow: Double(index / gdal.width)) == field.y(ofRow: 30))
    // Indexing the output as if it were the whole DEM (the old bench) lands elsewhere.
    #expect((30 + Self.window.row) * Self.dem.width + 20 + Self.window.column != index)
    #expect(alignment.otherIndex(ofFieldIndex: 30 * field.width + 20) == index)
    // Field cells the cropped output does not cover have no partner.
    #expect(alignment.otherIndex(row: 0, column: 0) == nil)
    #expect(alignment.otherIndex(row: 30, column: 75) == nil)
    #expect(alignment.otherIndex(row: 80, column: 20) == nil)
  }

  @Test func gridsThatDoNotLineUpAreRefused() {
    let field = Self.dem.subgrid(Self.window)
    var shifted = Self.dem.subgrid(Self.cropped)
    shifted.originX += 15
    #expect(ViewshedAlignment(field: field, other: shifted) == nil)
    var coarser = Self.dem.subgrid(Self.cropped)
    coarser.cellWidth = 90
    coarser.cellHeight = 90
    #expect(ViewshedAlignment(field: field, other: coarser) == nil)
    var geographic = Self.dem.subgrid(Self.cropped)
    geographic.coordinateSystem = .geographic
    #expect(ViewshedAlignment(field: field, other: geographic) == nil)
  }

  /// A GDAL output that is the kernel's own field, cropped: aligned, every shared verdict agrees, and both tools
  /// misclassify the same sampled cells.
  @Test func aCroppedCopyOfTheFieldAgreesEverywhere() throws {
    let size = 201
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 600_000, originY: 8_600_000, cellWidth: 30, cellHeight: 30,
      width: size, height: size)
    let terrain = ElevationGrid(
      geometry: geometry, heights: RidgedFractalTerrain(seed: 7).heights(width: size, height: size))
    let site = RadarSite(
      name: "test", position: MapPoint(x: geometry.x(ofColumn: 100), y: geometry.y(ofRow: 100)),
      antenna: .aboveGround(10), limits: CoverageLimits(maximumRange: 2_700))
    let field = try LineOfSightKernel(threads: 1).coverage(of: site, over: terrain)
    let crop = GridWindow(column: 8, row: 8, width: 185, height: 185)
    var cropped: [Float] = []
    for row in crop.row..<crop.row + crop.height {
      for column in crop.column..<crop.column + crop.width {
        cropped.append(field.lowestAltitudeAGL(at: row * size + column))
      }
    }
    let comparison = try #require(
      ViewshedComparison(
        field: field, terrain: terrain, site: site, gdal: cropped, gdalGeometry: geometry.subgrid(crop),
        sampleSize: 300))
    let inRange = field.lowestAltitudeMSL.count { !$0.isNaN }
    #expect(comparison.sharedCells == inRange && inRange > 20_000)
    #expect(comparison.sampledCells >= 250)
    for altitude in ViewshedComparison.altitudes {
      #expect(comparison.agreementPercent[altitude] == 100)
      #expect(comparison.kernelMisclassifiedPercent[altitude] == comparison.gdalMisclassifiedPercent[altitude])
      #expect(comparison.kernelMisclassifiedPercent[altitude]! < 5)
    }
    // The same values read as if the output were the whole grid disagree on many cells.
    var misaligned = 0
    var visibleAt150 = 0
    for index in 0..<field.lowestAltitudeMSL.count where field.isInRange(index) && index < cropped.count {
      if field.isVisible(index, altitudeAGL: 150) { visibleAt150 += 1 }
      if field.isVisible(index, altitudeAGL: 150) != (cropped[index] <= 150) { misaligned += 1 }
    }
    #expect(visibleAt150 > 1_000 && misaligned > 1_000)
  }

  static let gdalViewshedInstalled = ["/usr/bin", "/usr/local/bin"].contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/gdal_viewshed")
  }

  /// `bench` on generated terrain larger than the range (so gdal_viewshed crops its output): the verdicts it prints
  /// agree where the same cells are compared (indexing the cropped output as the whole grid gave 78 % and 91 % at
  /// 150 and 300 m AGL on this input), and each tool's misclassification against the exact reference is printed.
  @Test(.enabled(if: gdalViewshedInstalled))
  func benchComparesTheSameCellsAsGDAL() throws {
    let result = try AirPictureProcess.run([
      "bench", "--size", "301", "--range-km", "12", "--repeats", "1", "--threads", "1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    let verdicts = try #require(lines.first { $0.hasPrefix("verdicts shared with gdal_viewshed: ") })
    let shares = verdicts.split(separator: ", ").compactMap { part -> Double? in
      let words = part.split(separator: " ")
      return words.count >= 2 ? Double(words[words.count - 2]) : nil
    }
    #expect(shares.count == 3, "\(verdicts)")
    #expect(shares.count == 3 && shares[0] >= 90 && shares[1] >= 99 && shares[2] >= 99, "\(verdicts)")
    #expect(lines.contains { $0.hasPrefix("misclassified against the exact reference (a sample of 10000 cells") })
    #expect(lines.contains { $0.hasPrefix("  airpicture     0 m AGL ") })
    #expect(lines.contains { $0.hasPrefix("  gdal_viewshed  0 m AGL ") })
  }
}
