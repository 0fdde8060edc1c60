import CGDAL

/// Writes Float32 GeoTIFFs that QGIS reads well: tiled, ZSTD with the floating-point predictor (compressed on all
/// cores; see `tiledOptions`), NaN no-data, band descriptions, units and category names (with a raster attribute
/// table), and dataset metadata; written under a temporary name and renamed when complete. Values are streamed from
/// the bands in strips (`RasterBand.fill`), with ±∞ written as NaN. Category names and attribute tables are kept by
/// GDAL in a `.aux.xml` sidecar beside the file, published with it.
public enum GeoTIFFWriter {
  /// Rows per strip handed to GDAL (rounded to whole rows of blocks).
  static let stripRows = 256

  /// Creation options of `.tiled` files: 256-cell tiles, each band in its own tiles, ZSTD level 1 with the
  /// floating-point predictor, compressed on all cores. Measured on a 3340 x 3340 three-band coverage file (134 MB
  /// of Float32), one thread: ZSTD costs 0.52 s of encoding against 1.07 s for DEFLATE level 1 with the same
  /// predictor, for a file 2 % larger (41.2 MB against 40.3 MB, pixel-interleaved); without a predictor ZSTD saves
  /// little (0.38 s) for a file 40 % larger (57.6 MB). Band-interleaved tiles cost the same and make the file 8 %
  /// smaller (37.9 MB), and a reader of one band reads only its tiles. Horizontal differencing (PREDICTOR=2) would
  /// save about 0.2 s more, but on Float32 it is integer differencing of the bit patterns, which readers outside
  /// libtiff may undo as float differences. GDAL reads ZSTD since 2.3 (QGIS 3.x); values are bit-identical to the
  /// DEFLATE ones.
  static let tiledOptions = [
    "TILED=YES", "INTERLEAVE=BAND", "COMPRESS=ZSTD", "PREDICTOR=3", "ZSTD_LEVEL=1", "NUM_THREADS=ALL_CPUS",
    "BIGTIFF=IF_SAFER",
  ]

  /// Creation options of `.cloudOptimised` files (GDAL's COG driver): the same encoding as `tiledOptions`
  /// (`PREDICTOR=YES` is the floating-point predictor for Float32), with overviews by nearest neighbour.
  static let cloudOptimisedOptions = [
    "BLOCKSIZE=256", "COMPRESS=ZSTD", "PREDICTOR=YES", "LEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER",
    "OVERVIEWS=AUTO", "RESAMPLING=NEAREST",
  ]

  /// The file layout.
  public enum Layout: Sendable {
    /// A tiled, compressed GeoTIFF.
    case tiled
    /// Plain strips, uncompressed (benchmark inputs).
    case uncompressed
    /// A Cloud-Optimised GeoTIFF through GDAL's COG driver: 256-cell tiles, ZSTD, and overviews halving the
    /// grid until it fits one tile (none for a grid of at most 256 × 256 cells), resampled by nearest neighbour
    /// so every overview value is a value of the grid (a lowest altitude, a radar's index), never a blend.
    case cloudOptimised
  }

  /// Writes `bands` on `georeference`'s grid to `path`, with `metadata` as dataset metadata items
  /// (`compressed: false` writes plain strips, for benchmark inputs).
  public static func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)] = [],
    compressed: Bool = true, to path: String
  ) throws {
    try write(
      bands, georeference: georeference, metadata: metadata, layout: compressed ? .tiled : .uncompressed, to: path)
  }

  /// Writes `bands` on `georeference`'s grid to `path` in `layout`, with `metadata` as dataset metadata items.
  public static func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)] = [],
    layout: Layout, to path: String
  ) throws {
    precondition(!bands.isEmpty, "at least one band")
    for band in bands where band.count != georeference.width * georeference.height {
      throw GeoRasterError("band '\(band.description)' does not match the grid")
    }
    GDALRuntime.ensureRegistered()
    try AtomicOutput.write(to: path) { temporary in
      switch layout {
      case .tiled, .uncompressed:
        try writeGeoTIFF(
          bands, georeference: georeference, metadata: metadata, compressed: layout == .tiled, temporary: temporary,
          path: path)
      case .cloudOptimised:
        try writeCloudOptimised(
          bands, georeference: georeference, metadata: metadata, temporary: temporary, path: path)
      }
    }
  }

  private static func writeGeoTIFF(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)],
    compressed: Bool, temporary: String, path: String
  ) throws {
    let options = compressed ? tiledOptions : ["BIGTIFF=IF_SAFER"]
    let dataset = try GTiffCreation.create(
      at: temporary, publishedAs: path, georeference: georeference, bands: bands.count, type: GDT_Float32,
      options: options, metadata: metadata)
    var closed = false
    defer { if !closed { GDALClose(dataset) } }
    for (index, band) in bands.enumerated() {
      describe(GDALGetRasterBand(dataset, Int32(index + 1))!, as: band)
    }
    try writeStrips(bands, to: dataset, path: path)
    closed = true
    GDALClose(dataset)
    guard CPLGetLastErrorType() != CE_Failure else {
      throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed"))")
    }
  }

  /// The bands in GDAL's MEM driver, copied by the COG driver (which writes overviews and tiles in the order a
  /// reader over HTTP wants them).
  private static func writeCloudOptimised(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)],
    temporary: String, path: String
  ) throws {
    let raster = try MemoryRaster(georeference: georeference, bands: bands.count, type: GDT_Float32)
    for item in metadata { GDALSetMetadataItem(raster.handle, item.key, item.value, nil) }
    for (index, band) in bands.enumerated() {
      describe(GDALGetRasterBand(raster.handle, Int32(index + 1))!, as: band)
    }
    try writeStrips(bands, to: raster.handle, path: path)
    try raster.copy(to: temporary, driver: "COG", options: cloudOptimisedOptions)
  }

  /// Writes the bands' cells into `dataset` strip by strip (about `stripRows` rows, whole rows of GDAL's blocks,
  /// converted to Float32 by `RasterBand.fill` into one reused buffer). Each strip of every band is handed to GDAL
  /// before its tiles are flushed from GDAL's block cache, so they are compressed (on GDAL's threads) while the next
  /// strip is converted, and the cache never holds more than one row of tiles: no fresh memory for the whole file.
  private static func writeStrips(_ bands: [RasterBand], to dataset: GDALDatasetH, path: String) throws {
    let width = Int(GDALGetRasterXSize(dataset))
    let height = Int(GDALGetRasterYSize(dataset))
    let handles = bands.indices.map { GDALGetRasterBand(dataset, Int32($0 + 1))! }
    // Whole blocks per strip, so that no block is flushed half written (and written again).
    var blockWidth: Int32 = 0
    var blockHeight: Int32 = 0
    GDALGetBlockSize(handles[0], &blockWidth, &blockHeight)
    let block = max(Int(blockHeight), 1)
    let stripRows = max(stripRows / block, 1) * block
    var strip = [Float](repeating: 0, count: width * min(stripRows, height))
    for top in stride(from: 0, to: height, by: stripRows) {
      let rows = min(stripRows, height - top)
      for (band, handle) in zip(bands, handles) {
        let status = strip.withUnsafeMutableBufferPointer { buffer in
          band.fill(from: top * width, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(rows * width)]))
          return GDALRasterIO(
            handle, GF_Write, 0, Int32(top), Int32(width), Int32(rows), buffer.baseAddress, Int32(width), Int32(rows),
            GDT_Float32, 0, 0)
        }
        guard status == CE_None else {
          throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed"))")
        }
      }
      for handle in handles where GDALFlushRasterCache(handle) != CE_None {
        throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed"))")
      }
    }
  }

  /// Sets a band's description, NaN no-data, unit, and category names with their attribute table.
  private static func describe(_ handle: GDALRasterBandH, as band: RasterBand) {
    GDALSetDescription(handle, band.description)
    GDALSetRasterNoDataValue(handle, .nan)
    if !band.unit.isEmpty { GDALSetRasterUnitType(handle, band.unit) }
    guard !band.categoryNames.isEmpty else { return }
    GDALRuntime.withStringList(band.categoryNames) { list in _ = GDALSetRasterCategoryNames(handle, list) }
    let table = GDALCreateRasterAttributeTable()!
    defer { GDALDestroyRasterAttributeTable(table) }
    GDALRATCreateColumn(table, "Value", GFT_Integer, GFU_MinMax)
    GDALRATCreateColumn(table, "Name", GFT_String, GFU_Name)
    GDALRATSetRowCount(table, Int32(band.categoryNames.count))
    for (value, name) in band.categoryNames.enumerated() {
      GDALRATSetValueAsInt(table, Int32(value), 0, Int32(value))
      GDALRATSetValueAsString(table, Int32(value), 1, name)
    }
    GDALSetDefaultRAT(handle, table)
  }
}
