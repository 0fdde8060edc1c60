import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
import TestSupport
import Testing

/// DEMs that are wrong in ways an analyst meets (units, scale, datum, masks, voids, degenerate grids, longitudes):
/// each refused in one line or converted where the DEM is opened.
@Suite final class DEMInputTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-dem-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// A geographic WGS 84 Float32 DEM written by GDAL: `height(column, row)` in metres on cells of `cell` degrees.
  func writeDEM(
    _ name: String, width: Int = 120, height: Int = 120, originX: Double = -69.5, originY: Double = -12.3,
    cell: Double = 0.005, crsWKT: String = SpatialReference.wgs84().wkt,
    heights value: (Int, Int) -> Float = { column, row in Float(200 + 3 * column + 2 * row) }
  ) throws -> String {
    let file = path(name)
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation", values: (0..<(width * height)).map { value($0 % width, $0 / width) })],
      georeference: RasterGeoreference(
        originX: originX, originY: originY, cellWidth: cell, cellHeight: cell, width: width, height: height,
        crsWKT: crsWKT, isGeographic: true), to: file)
    return file
  }

  /// `dem` reprojected by GDAL to `crs` on `cell`-unit cells.
  func warp(_ dem: String, to crs: String, cell: Double, name: String) throws -> String {
    let output = path(name)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gdalwarp", "-q", "-t_srs", crs, "-tr", "\(cell)", "\(cell)", dem, output]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return output
  }

  /// Runs `airpicture coverage` on `dem` with one site; `environment` adds variables; killed after 60 s.
  func coverage(
    _ dem: String, site: String = "-12.6,-69.2,10", range: String = "20", out: String = "out.tif",
    environment: [String: String] = [:]
  ) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(
      ["coverage", "--dem", dem, "--site=\(site)", "--range-km", range, "--out", path(out)], environment: environment,
      limit: 60)
  }

  /// Expects a refusal: non-zero exit, one line on stderr containing every one of `words`, and no output file.
  func expectRefusal(_ result: AirPictureProcess.Result, _ words: [String], out: String = "out.tif") {
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    for word in words { #expect(result.stderr.contains(word), "\(result.stderr)") }
    #expect(!FileManager.default.fileExists(atPath: path(out)))
  }

  @Test(arguments: [
    ("+proj=utm +zone=19 +south +datum=WGS84 +units=us-ft +no_defs", "US survey foot"),
    ("+proj=utm +zone=19 +south +datum=WGS84 +units=ft +no_defs", "foot"),
  ])
  func aProjectedDEMInFeetIsRefusedWithAFix(crs: String, unit: String) throws {
    let feet = try warp(try writeDEM("dem.tif"), to: crs, cell: 1_800, name: "feet.tif")
    expectRefusal(try coverage(feet), [unit, "gdalwarp -t_srs EPSG:32719"])
  }

  @Test func webMercatorAwayFromTheEquatorIsRefusedWithItsDistortion() throws {
    let mercator = try warp(try writeDEM("dem.tif"), to: "EPSG:3857", cell: 600, name: "mercator.tif")
    // 1/cos(12.6°) east, a little more north on the ellipsoid: about 3 %.
    expectRefusal(try coverage(mercator), ["Pseudo-Mercator", "3.1", "%", "gdalwarp"])
    let utm = try warp(try writeDEM("dem.tif"), to: "EPSG:32719", cell: 550, name: "utm.tif")
    let accepted = try coverage(utm)
    #expect(accepted.status == 0, "\(accepted.stderr)")
  }

  @Test func heightsInDecimetresWithAnOffsetGiveTheSameCoverageAsMetres() throws {
    let metres = try writeDEM("metres.tif") { column, row in Float(200 + 37 * ((column * 7 + row * 3) % 11)) }
    let stored = try writeDEM("stored.tif") { column, row in Float(37 * ((column * 7 + row * 3) % 11)) * 10 }
    try RasterDataset.translate(
      stored, to: path("dm.tif"),
      arguments: ["-ot", "Int16", "-a_nodata", "none", "-a_scale", "0.1", "-a_offset", "200"])
    let terrain = try TerrainSource(path: path("dm.tif"))
    let window = GridWindow(column: 0, row: 0, width: 120, height: 120)
    #expect(try terrain.read(window).heights == (try TerrainSource(path: metres).read(window).heights))
    #expect(try coverage(metres, out: "a.tif").status == 0)
    #expect(try coverage(path("dm.tif"), out: "b.tif").status == 0)
    let a = try RasterDataset(path: path("a.tif"))
    let b = try RasterDataset(path: path("b.tif"))
    let size = (a.georeference.width, a.georeference.height)
    #expect(size == (b.georeference.width, b.georeference.height))
    let first = try a.read(column: 0, row: 0, width: size.0, height: size.1)
    let second = try b.read(column: 0, row: 0, width: size.0, height: size.1)
    #expect(first.elementsEqual(second) { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }

  @Test func heightsInFeetAreReadAsMetres() throws {
    let feet = try writeDEM("feet.tif") { column, _ in Float(1_000 * column) }
    try RasterDataset.setUnitType("ft", path: feet)
    let heights = try TerrainSource(path: feet).read(GridWindow(column: 0, row: 0, width: 4, height: 1)).heights
    #expect(heights.enumerated().isNonEmptyAndAll { abs($0.element - Float($0.offset) * 304.8) < 1e-3 })
    try RasterDataset.setUnitType("cubit", path: feet)
    expectRefusal(try coverage(feet), ["cubit", "metres"])
  }

  @Test func aSiteIsTransformedIntoADEMOnAnotherDatum() throws {
    let psad56 = try #require(SpatialReference(wkt: "EPSG:4248")).wkt
    let terrain = try TerrainSource(path: try writeDEM("psad56.tif", crsWKT: psad56))
    let position = try terrain.position(latitude: -12.6, longitude: -69.2)
    // PSAD56 lies some 400-500 m from WGS 84 in Peru: the site must move by that much, not stay put.
    let shift = Geodesy.distance(
      fromLatitude: -12.6, longitude: -69.2, toLatitude: position.y, longitude: position.x,
      radius: EarthModel.meanRadius)
    #expect(shift > 300 && shift < 700, "shift \(shift) m")
    let back = try terrain.coordinate(of: position)
    #expect(abs(back.longitude + 69.2) < 1e-6 && abs(back.latitude + 12.6) < 1e-6)
  }

  @Test func withoutPROJsDatabaseTheDEMIsRefusedInOneLine() throws {
    let empty = path("no-proj")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let result = try coverage(try writeDEM("dem.tif"), environment: ["PROJ_DATA": empty, "PROJ_LIB": empty])
    expectRefusal(result, ["PROJ", "proj.db"])
  }

  @Test func maskedCellsAreVoidsNotSeaLevel() throws {
    let source = try writeDEM("source.tif") { column, _ in column < 60 ? 0 : 180 }
    let alpha = try writeDEM("alpha.tif") { column, _ in column < 60 ? 0 : 255 }
    // A two-band raster (height, alpha) built by GDAL from the two files.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gdalbuildvrt", "-q", "-separate", path("stack.vrt"), source, alpha]
    try process.run()
    process.waitUntilExit()
    try RasterDataset.translate(
      path("stack.vrt"), to: path("masked.tif"),
      arguments: ["-ot", "Byte", "-a_nodata", "none", "-colorinterp_2", "alpha"])
    let heights = try TerrainSource(path: path("masked.tif")).read(GridWindow(column: 0, row: 0, width: 120, height: 1))
      .heights
    #expect(heights.enumerated().isNonEmptyAndAll { $0.offset < 60 ? $0.element.isNaN : $0.element == 180 })
  }

  @Test func srtmVoidsWithoutDeclaredNoDataAreVoidsWithAWarning() throws {
    let source = try writeDEM("source.tif") { column, row in (50..<54).contains(column) && row < 4 ? -32_768 : 300 }
    try RasterDataset.translate(source, to: path("srtm.tif"), arguments: ["-ot", "Int16", "-a_nodata", "none"])
    let terrain = try TerrainSource(path: path("srtm.tif"))
    #expect(terrain.warnings.count == 1 && terrain.warnings[0].contains("-12000"))
    let heights = try terrain.read(GridWindow(column: 48, row: 0, width: 8, height: 1)).heights
    #expect(
      heights.enumerated().isNonEmptyAndAll { (2..<6).contains($0.offset) ? $0.element.isNaN : $0.element == 300 })
    let result = try coverage(path("srtm.tif"), site: "-12.55,-69.2,10", range: "5")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("warning") && result.stderr.contains("-32768"), "\(result.stderr)")
  }

  @Test func infiniteHeightsAreVoids() throws {
    let source = try writeDEM("source.tif") { column, row in row == 0 && column < 2 ? (column == 0 ? 3e38 : -3e38) : 1 }
    try RasterDataset.translate(
      source, to: path("inf.tif"), arguments: ["-a_nodata", "none", "-scale", "0", "1", "0", "2"])
    let heights = try TerrainSource(path: path("inf.tif")).read(GridWindow(column: 0, row: 0, width: 3, height: 1))
      .heights
    #expect(heights[0].isNaN && heights[1].isNaN && heights[2] == 2)
  }

  @Test(arguments: [(1, 1), (1, 40), (40, 1)])
  func aDEMSmallerThanTwoByTwoIsRefused(width: Int, height: Int) throws {
    let dem = try writeDEM("small.tif", width: width, height: height, originX: -69.3, originY: -12.5, cell: 0.2)
    expectRefusal(try coverage(dem), ["at least 2 x 2 cells"])
  }

  @Test func absurdCellSizesAreRefused() throws {
    let dem = try writeDEM("tiny.tif", width: 8, height: 8, originX: -69.2, originY: -12.6, cell: 1e-300)
    expectRefusal(try coverage(dem, site: "-12.6,-69.2,10"), ["cells must lie between"])
  }

  @Test func aFIFOOrADirectoryIsRefusedInsteadOfBlocking() throws {
    let fifo = path("dem.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    expectRefusal(try coverage(fifo), ["FIFO"])
    expectRefusal(try coverage(directory.path), ["directory"])
  }

  @Test func aSiteWestOfGreenwichFitsADEMInZeroTo360Longitudes() throws {
    let dem = try writeDEM("east.tif", originX: 290.5)  // 290.5-291.1 E = 69.5-68.9 W
    let terrain = try TerrainSource(path: dem)
    let position = try terrain.position(latitude: -12.6, longitude: -69.2)
    #expect(abs(position.x - 290.8) < 1e-9 && terrain.geometry.contains(position))
    #expect(abs(try terrain.coordinate(of: position).longitude + 69.2) < 1e-9)
    let result = try coverage(dem)
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func coverageOnAGlobalDEMWrapsAcrossTheAntimeridian() throws {
    // One-degree cells all round the equator; each column's height is its own number, so columns can be told apart.
    let dem = try writeDEM("global.tif", width: 360, height: 20, originX: -180, originY: 10, cell: 1) { column, _ in
      Float(column)
    }
    let terrain = try TerrainSource(path: dem)
    #expect(terrain.wrapsAroundTheGlobe)
    let site = try terrain.position(latitude: 0.5, longitude: 179.5)
    let window = try #require(
      terrain.geometry.window(around: site, radius: 300_000, earthRadius: EarthModel.meanRadius))
    let grid = try terrain.read(window)
    // The window reaches east past 180°: the cell at 179.5 W (column 0, height 0) is there, beside 179.5 E (359).
    let column = Int(grid.geometry.column(ofX: site.x + 1).rounded())
    #expect(grid[grid.geometry.height / 2, column] == 0)
    #expect(grid[grid.geometry.height / 2, column - 1] == 359)
    let result = try coverage(dem, site: "0.5,179.5,10", range: "300")
    #expect(result.status == 0, "\(result.stderr)")
    let output = try RasterDataset(path: path("out.tif"))
    let east = output.georeference.originX + Double(output.georeference.width) * output.georeference.cellWidth
    #expect(east > 181, "coverage reaches past the antimeridian (east edge \(east))")
  }
}
