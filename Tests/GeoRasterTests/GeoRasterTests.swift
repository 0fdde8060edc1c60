import CoverageKernel
import Foundation
import GeoRaster
import Testing

@Suite final class GeoRasterTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-georaster-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  static let hgt: String? = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = repository.deletingLastPathComponent().appendingPathComponent(
      "shared/terrain/srtm3_hgt_samples/S08W078.hgt"
    ).path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  func georeference(width: Int, height: Int) -> RasterGeoreference {
    RasterGeoreference(
      originX: -78, originY: -7, cellWidth: 0.01, cellHeight: 0.01, width: width, height: height,
      crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
  }

  @Test func geoTIFFRoundTripKeepsValuesNaNBandsAndGeoreference() throws {
    let path = directory.appendingPathComponent("roundtrip.tif").path
    let values: [Float] = (0..<(30 * 20)).map { $0 % 7 == 0 ? .nan : Float($0) * 0.5 }
    try GeoTIFFWriter.write(
      [
        RasterBand(description: "first", values: values), RasterBand(description: "second", values: values.map { -$0 }),
      ],
      georeference: georeference(width: 30, height: 20), metadata: [("AIRPICTURE_TEST", "yes")], to: path)
    let raster = try RasterDataset(path: path)
    #expect(raster.georeference.width == 30 && raster.georeference.height == 20)
    #expect(raster.georeference.isGeographic)
    #expect(abs(raster.georeference.originX + 78) < 1e-12 && abs(raster.georeference.cellHeight - 0.01) < 1e-12)
    let read = try raster.read(column: 0, row: 0, width: 30, height: 20)
    #expect(read.elementsEqual(values) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    let window = try raster.read(column: 5, row: 3, width: 4, height: 2)
    let expected = (3..<5).flatMap { row in values[(row * 30 + 5)..<(row * 30 + 9)] }
    #expect(window.elementsEqual(expected) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    #expect(window.contains { $0.isNaN } && window.contains { !$0.isNaN })
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.contains("partial")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func aFailedWriteLeavesNoFile() throws {
    let path = directory.appendingPathComponent("never.tif").path
    #expect(throws: GeoRasterError.self) {
      try AtomicOutput.write(to: path) { temporary in
        try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
        throw GeoRasterError("simulated failure")
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func missingDirectoryAndUnreadableRasterAreRefusedWithOneLine() {
    #expect(throws: GeoRasterError.self) { try AtomicOutput.checkDirectory(of: "/nonexistent-dir/x.tif") }
    do {
      _ = try RasterDataset(path: directory.appendingPathComponent("missing.tif").path)
      Issue.record("opened a missing raster")
    } catch let error as GeoRasterError {
      #expect(!error.message.contains("\n"))
      #expect(error.message.contains("missing.tif"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func projectedCoordinatesRoundTripThroughGDAL() throws {
    let utm = SpatialReference(wkt: "EPSG:32718")!
    #expect(!utm.isGeographic)
    let forward = try SpatialReference.wgs84().transform([(-75.0, -12.0)], to: utm)[0]
    #expect(abs(forward.x - 500_000) < 1e-3)  // central meridian of zone 18
    let back = try utm.transform([forward], to: SpatialReference.wgs84())[0]
    #expect(abs(back.x + 75) < 1e-9 && abs(back.y + 12) < 1e-9)
  }

  @Test(.enabled(if: hgt != nil))
  func rawSRTMTileIsGeoreferencedOnWholeDegrees() throws {
    let raster = try RasterDataset(path: Self.hgt!)
    let reference = raster.georeference
    #expect(reference.width == 1201 && reference.height == 1201)
    // Pixel centres fall on whole degrees: the origin is half a 3" cell west and north of (-78, -7).
    #expect(abs(reference.originX - (-78 - 1.0 / 2_400)) < 1e-9)
    #expect(abs(reference.originY - (-7 + 1.0 / 2_400)) < 1e-9)
    let heights = try raster.read(column: 0, row: 0, width: 1201, height: 1201)
    let valid = heights.filter { !$0.isNaN }
    #expect(valid.min()! >= 321 && valid.max()! <= 4_668)  // SOURCES.md: min 321, max 4668
  }

  @Test func quickLookPNGComesWithAWorldFile() throws {
    let width = 60
    let elevation: [Float] = (0..<(width * width)).map { Float(($0 % width) * 20) }
    let classes: [UInt8] = (0..<(width * width)).map { UInt8(($0 / width) % 3) }
    let path = directory.appendingPathComponent("look.png").path
    let look = try QuickLookRenderer.background(
      elevation: elevation, classes: classes,
      palette: [
        ColourClass(value: 1, red: 255, green: 0, blue: 0, label: "one"),
        ColourClass(value: 2, red: 0, green: 0, blue: 255, label: "two"),
      ], georeference: georeference(width: width, height: width))
    try PNGWriter.write(
      red: look.red, green: look.green, blue: look.blue, georeference: look.georeference, to: path)
    let png = try RasterDataset(path: path)
    // Coarse grids are drawn at a whole multiple of their resolution, georeferenced to the same extent.
    #expect(png.georeference.width >= QuickLookRenderer.minimumWidth && png.georeference.width % width == 0)
    #expect(abs(png.georeference.cellWidth * Double(png.georeference.width) - 0.01 * Double(width)) < 1e-9)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("look.wld").path))
  }
}
