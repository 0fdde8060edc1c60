import Foundation
import GeoRaster
import TestSupport
import Testing

/// What band 1 of a DEM reads as: physical values in metres, with every kind of void as NaN.
@Suite final class DEMReadingTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-demread-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// A small geographic Float32 GeoTIFF written by GDAL (NaN no-data), its values made by `value(column, row)`.
  func writeDEM(
    _ name: String, bands: Int = 1, width: Int = 8, height: Int = 6, originX: Double = -70,
    value: (Int, Int, Int) -> Float
  ) throws -> String {
    let file = path(name)
    try GeoTIFFWriter.write(
      (0..<bands).map { band in
        RasterBand(
          description: "band \(band + 1)",
          values: (0..<(width * height)).map { value(band, $0 % width, $0 / width) })
      },
      georeference: RasterGeoreference(
        originX: originX, originY: -12, cellWidth: 0.01, cellHeight: 0.01, width: width, height: height,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: file)
    return file
  }

  @Test func scaleAndOffsetAreAppliedOnRead() throws {
    let source = try writeDEM("dm.tif") { _, column, row in Float(10 * (column + 10 * row)) }
    try RasterDataset.translate(
      source, to: path("scaled.tif"),
      arguments: ["-ot", "Int16", "-a_nodata", "none", "-a_scale", "0.1", "-a_offset", "100"])
    let raster = try RasterDataset(path: path("scaled.tif"))
    #expect(raster.scale == 0.1 && raster.offset == 100)
    let values = try raster.read(column: 0, row: 0, width: 8, height: 6)
    for (index, value) in values.enumerated() {
      #expect(abs(value - (Float(index % 8 + 10 * (index / 8)) + 100)) < 1e-3)
    }
  }

  @Test(arguments: [("ft", 0.3048), ("US survey foot", 1_200.0 / 3_937.0), ("metre", 1.0), ("", 1.0)])
  func heightUnitsConvertToMetres(unit: String, metres: Double) throws {
    let file = try writeDEM("unit.tif") { _, column, _ in Float(1_000 + column) }
    if !unit.isEmpty { try RasterDataset.setUnitType(unit, path: file) }
    let raster = try RasterDataset(path: file)
    #expect(raster.unitType == unit)
    let factor = try #require(raster.metresPerUnit)
    #expect(abs(factor - metres) < 1e-12)
    let heights = try raster.readValues(
      column: 0, row: 0, width: 8, height: 6, metresPerUnit: factor, lowest: -12_000
    ).values
    #expect(abs(Double(heights[3]) - 1_003 * metres) < 1e-3)
  }

  @Test func anUnknownHeightUnitHasNoFactor() throws {
    let file = try writeDEM("furlong.tif") { _, _, _ in 1 }
    try RasterDataset.setUnitType("furlong", path: file)
    #expect(try RasterDataset(path: file).metresPerUnit == nil)
  }

  /// Band 2 is the mask: 0 where cells are masked; the masked cells hold 0 m, which must not read as terrain.
  /// (GDAL takes an alpha band as a mask when it is Byte or UInt16, so the alpha case is a Byte raster.)
  @Test(arguments: [
    ["-ot", "Byte", "-b", "1", "-b", "2", "-colorinterp_2", "alpha"], ["-ot", "Float32", "-b", "1", "-mask", "2"],
  ])
  func maskedCellsReadAsVoids(arguments: [String]) throws {
    let source = try writeDEM("masked-source.tif", bands: 2) { band, column, _ in
      band == 0 ? (column < 3 ? 0 : 200) : (column < 3 ? 0 : 255)
    }
    try RasterDataset.translate(
      source, to: path("masked.tif"), arguments: ["-a_nodata", "none"] + arguments)
    let raster = try RasterDataset(path: path("masked.tif"))
    #expect(raster.hasMaskBand)
    let values = try raster.read(column: 0, row: 0, width: 8, height: 6)
    for (index, value) in values.enumerated() {
      #expect(index % 8 < 3 ? value.isNaN : value == 200)
    }
  }

  @Test func nonFiniteAndImplausibleHeightsAreVoidsAndCounted() throws {
    let source = try writeDEM("raw.tif") { _, column, row in
      row == 0 && column < 2 ? -32_768 : row == 1 && column == 0 ? 3e38 : row == 1 && column == 1 ? -3e38 : 250
    }
    // gdal_translate -scale pushes the ±3e38 cells beyond Float32: ±inf in the file.
    try RasterDataset.translate(
      source, to: path("inf.tif"), arguments: ["-a_nodata", "none", "-scale", "0", "1", "0", "2"])
    let raster = try RasterDataset(path: path("inf.tif"))
    #expect(raster.noDataValue == nil)
    let read = try raster.readValues(column: 0, row: 0, width: 8, height: 6, metresPerUnit: 1, lowest: -12_000)
    #expect(read.values[0].isNaN && read.values[1].isNaN, "-32768 (-65536 scaled) is a void")
    #expect(read.values[8].isNaN && read.values[9].isNaN, "±inf are voids")
    #expect(read.belowLowest == 2)
    #expect(read.values.filter { !$0.isNaN }.isNonEmptyAndAll { $0 == 500 })
    #expect(try raster.read(column: 0, row: 1, width: 2, height: 1).isNonEmptyAndAll(\.isNaN))
  }

  @Test func declaredNoDataIsAVoidAndNotCountedAsImplausible() throws {
    let source = try writeDEM("srtm-source.tif") { _, column, _ in column == 4 ? -32_768 : 1_200 }
    try RasterDataset.translate(source, to: path("srtm.tif"), arguments: ["-ot", "Int16", "-a_nodata", "-32768"])
    let read = try RasterDataset(path: path("srtm.tif")).readValues(
      column: 0, row: 0, width: 8, height: 6, metresPerUnit: 1, lowest: -12_000)
    #expect(read.belowLowest == 0)
    #expect(read.values.enumerated().isNonEmptyAndAll { $0.offset % 8 == 4 ? $0.element.isNaN : $0.element == 1_200 })
  }

  @Test func aFIFOOrDirectoryIsRefusedWithoutBlocking() throws {
    let fifo = path("dem.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    for (candidate, words) in [(fifo, "FIFO"), (directory.path, "directory")] {
      do {
        _ = try RasterDataset(path: candidate)
        Issue.record("opened \(candidate)")
      } catch let error as GeoRasterError {
        #expect(error.message.contains(words) && !error.message.contains("\n"), "\(error.message)")
      }
    }
  }

  @Test func aWrappedGlobalRasterRepeatsItself360DegreesEast() throws {
    let file = path("global.tif")
    try GeoTIFFWriter.write(
      [RasterBand(description: "z", values: (0..<(360 * 4)).map { Float($0 % 360) })],
      georeference: RasterGeoreference(
        originX: -180, originY: 2, cellWidth: 1, cellHeight: 1, width: 360, height: 4,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: file)
    let wrapped = try RasterDataset(path: file).wrappedEastward()
    #expect(wrapped.georeference.width == 720 && wrapped.georeference.originX == -180)
    // Columns 358...361: 178.5E, 179.5E, then 179.5W and 178.5W again (180.5 and 181.5 east).
    #expect(try wrapped.read(column: 358, row: 1, width: 4, height: 1) == [358, 359, 0, 1])
  }

  @Test func planarDistancesAreComparedWithGroundDistances() throws {
    let mercator = try #require(SpatialReference(wkt: "EPSG:3857"))
    let ratio = try mercator.planarToGroundRatio(longitude: -69.2, latitude: -12.6)
    let expected = 1 / cos(12.6 * Double.pi / 180)
    // East: 1/cos(latitude) on the ellipsoid; north a little more (Web Mercator is spherical, the ground is not).
    #expect(abs(ratio.east - expected) < 0.003 && ratio.north > ratio.east && ratio.north - expected < 0.01)
    let utm = try #require(SpatialReference(wkt: "EPSG:32719"))
    let utmRatio = try utm.planarToGroundRatio(longitude: -69, latitude: -12.6)
    #expect(abs(utmRatio.east - 0.9996) < 1e-4 && abs(utmRatio.north - 0.9996) < 1e-4)
    let feet = try #require(SpatialReference(wkt: "+proj=utm +zone=19 +south +datum=WGS84 +units=us-ft +no_defs"))
    #expect(abs(feet.linearUnit.metres - 1_200.0 / 3_937.0) < 1e-12)
    #expect(feet.linearUnit.name.lowercased().contains("foot"))
  }

  @Test func onlyWGS84LongitudeLatitudeCountsAsTheSitesDatum() throws {
    #expect(SpatialReference.wgs84().isWGS84Geographic)
    #expect(try #require(SpatialReference(wkt: "EPSG:4248")).isWGS84Geographic == false)
    #expect(try #require(SpatialReference(wkt: "EPSG:32718")).isWGS84Geographic == false)
  }
}
