import Foundation
import GeoRaster
import Testing

/// Bands converted strip by strip as they are written: Float values (±∞ as NaN), indices (negative as NaN) and
/// flags (1 or NaN), over several strips and every layout, in the default encoding.
@Suite final class RasterBandWritingTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-bands-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  // More rows than one strip, and not a whole number of tiles.
  let (width, height) = (300, 601)

  var georeference: RasterGeoreference {
    RasterGeoreference(
      originX: 280_000, originY: 9_340_000, cellWidth: 30, cellHeight: 30, width: width, height: height,
      crsWKT: SpatialReference(wkt: "EPSG:32718")!.wkt, isGeographic: false)
  }

  var bands: (values: [Float], indices: [Int16], flags: [UInt8]) {
    let cells = width * height
    let values = (0..<cells).map { cell -> Float in
      switch cell % 11 {
      case 0: .nan
      case 1: .infinity
      case 2: -.infinity
      default: Float(cell) * 0.37 - 900
      }
    }
    let indices = (0..<cells).map { Int16($0 % 5) - 1 }
    let flags = (0..<cells).map { UInt8(($0 / 7) % 3) }
    return (values, indices, flags)
  }

  func same(_ read: [Float], _ expected: [Float]) -> Bool {
    read.count == expected.count
      && zip(read, expected).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
  }

  @Test(arguments: [GeoTIFFWriter.Layout.tiled, .cloudOptimised, .uncompressed])
  func compactBandsAreWrittenAsTheirFloatValues(layout: GeoTIFFWriter.Layout) throws {
    let (values, indices, flags) = bands
    let written = [
      RasterBand(description: "altitude (m)", values: values, unit: "m"),
      RasterBand(description: "radar", indices: indices, categoryNames: ["a", "b", "c", "d"]),
      RasterBand(description: "void", flags: flags),
    ]
    #expect(written.map(\.count) == [width * height, width * height, width * height])
    let path = directory.appendingPathComponent("bands-\(layout).tif").path
    try GeoTIFFWriter.write(written, georeference: georeference, layout: layout, to: path)
    let file = try RasterFileDescription.read(path)
    #expect(file.width == width && file.height == height && file.bands.count == 3)
    let expected = [
      values.map { $0.isInfinite ? Float.nan : $0 }, indices.map { $0 < 0 ? Float.nan : Float($0) },
      flags.map { $0 == 0 ? Float.nan : 1 },
    ]
    for (band, values) in zip(file.bands, expected) { #expect(same(band.values, values), "\(band.description)") }
    #expect(same(written[1].values, expected[1]) && same(written[2].values, expected[2]))
    #expect(file.bands[1].categoryNames == ["a", "b", "c", "d"] && file.bands[0].unit == "m")
    if layout != .uncompressed {
      #expect(file.imageStructure["COMPRESSION"] == "ZSTD")
      #expect(file.imageStructure["PREDICTOR"] == "3")
    }
  }
}
