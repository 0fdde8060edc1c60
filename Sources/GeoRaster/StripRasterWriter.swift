import CGDAL

/// Writes a one-band Int16 GeoTIFF strip by strip, so a grid far larger than memory can be written: the caller
/// fills one band of rows at a time, each is handed to GDAL and flushed before the next, and only one strip and
/// the compressor's buffers are ever held. The file is tiled (256 × 256), DEFLATE-compressed with the horizontal
/// predictor on all cores, BigTIFF when it may need it, and written under a temporary name renamed into place when
/// complete: a failure, in GDAL or in the caller's `fill`, leaves no file.
public enum StripRasterWriter {
  /// Tile side; strips are whole rows of tiles, so every tile is complete when its strip is flushed.
  public static let tileSize = 256

  /// Writes `georeference`'s grid to `path` as Int16 with `noData` declared, band 1 described by `description`
  /// and `unit`, and `metadata` as dataset metadata items. `fill` is called for each strip in order, north to
  /// south, with the rows it covers and a buffer of `rows.count × width` values (row-major) to fill; `stripRows`
  /// (a positive multiple of `tileSize`) bounds the rows of a strip.
  public static func writeInt16(
    georeference: RasterGeoreference, noData: Int16, description: String, unit: String = "m",
    metadata: [(key: String, value: String)] = [], stripRows: Int = 4 * tileSize, to path: String,
    fill: (_ rows: Range<Int>, _ strip: UnsafeMutableBufferPointer<Int16>) throws -> Void
  ) throws {
    precondition(stripRows > 0 && stripRows % tileSize == 0, "strips are whole rows of tiles")
    let width = georeference.width
    let height = georeference.height
    guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
      throw GeoRasterError("cannot write '\(path)': \(width) x \(height) cells is not a raster size GDAL takes")
    }
    GDALRuntime.ensureRegistered()
    try AtomicOutput.write(to: path) { temporary in
      let options = [
        "TILED=YES", "BLOCKXSIZE=\(tileSize)", "BLOCKYSIZE=\(tileSize)", "COMPRESS=DEFLATE", "PREDICTOR=2",
        "ZLEVEL=6", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER",
      ]
      let dataset = try GTiffCreation.create(
        at: temporary, publishedAs: path, georeference: georeference, bands: 1, type: GDT_Int16, options: options,
        metadata: metadata)
      var closed = false
      defer { if !closed { GDALClose(dataset) } }
      let band = GDALGetRasterBand(dataset, 1)!
      GDALSetDescription(band, description)
      GDALSetRasterNoDataValue(band, Double(noData))
      if !unit.isEmpty { GDALSetRasterUnitType(band, unit) }
      let strip = UnsafeMutableBufferPointer<Int16>.allocate(capacity: width * min(stripRows, height))
      defer { strip.deallocate() }
      for top in stride(from: 0, to: height, by: stripRows) {
        let rows = top..<min(top + stripRows, height)
        let values = UnsafeMutableBufferPointer(rebasing: strip[0..<(rows.count * width)])
        values.initialize(repeating: noData)
        try fill(rows, values)
        CPLErrorReset()
        let status = GDALRasterIO(
          band, GF_Write, 0, Int32(top), Int32(width), Int32(rows.count), values.baseAddress, Int32(width),
          Int32(rows.count), GDT_Int16, 0, 0)
        // Whole rows of tiles are complete: write them out and drop them from GDAL's block cache.
        guard status == CE_None, GDALFlushRasterCache(band) == CE_None else {
          throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed (disk full?)"))")
        }
      }
      closed = true
      CPLErrorReset()
      GDALClose(dataset)
      guard CPLGetLastErrorType() != CE_Failure else {
        throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed (disk full?)"))")
      }
    }
  }
}
