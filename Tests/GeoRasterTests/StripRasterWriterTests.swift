import Foundation
import GeoRaster
import Testing

/// Int16 GeoTIFFs written strip by strip: every cell where the caller put it, the strips in order, the layout and
/// no-data declared, and nothing left behind when a strip fails.
@Suite final class StripRasterWriterTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-strips-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// 600 × 530 cells: more than one strip of 256 rows, and tiles cut at the right and bottom edges.
  let georeference = RasterGeoreference(
    originX: -81.5, originY: 0, cellWidth: 1.0 / 1_200, cellHeight: 1.0 / 1_200, width: 600, height: 530,
    crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)

  static func value(column: Int, row: Int) -> Int16 { Int16((column * 7 + row * 13) % 30_000 - 1_000) }

  @Test func stripsLandWhereTheyBelongWithNoDataAndLayout() throws {
    let path = directory.appendingPathComponent("strips.tif").path
    var strips: [Range<Int>] = []
    try StripRasterWriter.writeInt16(
      georeference: georeference, noData: -32_768, description: "elevation (m)", metadata: [("AIRPICTURE_TEST", "1")],
      stripRows: 256, to: path
    ) { rows, values in
      strips.append(rows)
      #expect(values.count == rows.count * 600)
      #expect(values.allSatisfy { $0 == -32_768 }, "a strip starts as no-data")
      for (offset, row) in rows.enumerated() {
        for column in 0..<600 where !(row == 300 && column == 17) {
          values[offset * 600 + column] = Self.value(column: column, row: row)
        }
      }
    }
    #expect(strips == [0..<256, 256..<512, 512..<530])
    let raster = try RasterDataset(path: path)
    #expect(raster.georeference.width == 600 && raster.georeference.height == 530)
    #expect(raster.georeference.originX == -81.5 && raster.georeference.originY == 0)
    #expect(abs(raster.georeference.cellWidth - 1.0 / 1_200) < 1e-15 && raster.georeference.isGeographic)
    #expect(raster.noDataValue == -32_768 && raster.unitType == "m")
    let values = try raster.read(column: 0, row: 0, width: 600, height: 530)
    var wrong = 0
    for row in 0..<530 {
      for column in 0..<600 {
        let value = values[row * 600 + column]
        if row == 300 && column == 17 {
          #expect(value.isNaN, "a cell the caller left is no-data")
        } else if value != Float(Self.value(column: column, row: row)) {
          wrong += 1
        }
      }
    }
    #expect(wrong == 0)
    let description = try RasterFileDescription.read(path)
    #expect(description.bands.count == 1 && description.bands[0].description == "elevation (m)")
    #expect(description.bands[0].blockWidth == 256 && description.bands[0].blockHeight == 256)
    #expect(description.imageStructure["COMPRESSION"] == "DEFLATE")
    #expect(description.metadata["AIRPICTURE_TEST"] == "1")
  }

  struct Refusal: Error {}

  @Test func aFailingStripLeavesNoFile() throws {
    let folder = directory.appendingPathComponent("failing")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("partial.tif").path
    var calls = 0
    #expect(throws: Refusal.self) {
      try StripRasterWriter.writeInt16(
        georeference: georeference, noData: -32_768, description: "elevation (m)", stripRows: 256, to: path
      ) { rows, values in
        calls += 1
        if rows.lowerBound > 0 { throw Refusal() }
        for index in values.indices { values[index] = 1 }
      }
    }
    #expect(calls == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test func aFolderThatDoesNotExistIsRefusedInOneLine() {
    let path = directory.appendingPathComponent("absent/dem.tif").path
    do {
      try StripRasterWriter.writeInt16(
        georeference: georeference, noData: -32_768, description: "elevation (m)", to: path
      ) { _, _ in Issue.record("no strip is asked for when the file cannot be written") }
      Issue.record("writing into a missing folder succeeded")
    } catch let error as GeoRasterError {
      #expect(!error.message.contains("\n") && error.message.contains("absent"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
