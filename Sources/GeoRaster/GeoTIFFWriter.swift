import CGDAL

/// Writes Float32 GeoTIFFs that QGIS reads well: tiled, DEFLATE with the floating-point predictor (compressed on
/// all cores), NaN no-data, band descriptions, units and category names (with a raster attribute table), and
/// dataset metadata; written under a temporary name and renamed when complete. Values are streamed from the
/// caller's arrays in strips, with ±∞ written as NaN. Category names and attribute tables are kept by GDAL in a
/// `.aux.xml` sidecar beside the file, published with it.
public enum GeoTIFFWriter {
  /// Rows per strip handed to GDAL.
  static let stripRows = 256

  /// The file layout.
  public enum Layout: Sendable {
    /// A tiled, compressed GeoTIFF.
    case tiled
    /// Plain strips, uncompressed (benchmark inputs).
    case uncompressed
    /// A Cloud-Optimised GeoTIFF through GDAL's COG driver: 256-cell tiles, DEFLATE, and overviews halving the
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
    for band in bands where band.values.count != georeference.width * georeference.height {
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
    let width = georeference.width
    let height = georeference.height
    let options =
      compressed
      ? ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]
      : ["BIGTIFF=IF_SAFER"]
    guard let driver = GDALGetDriverByName("GTiff") else { throw GeoRasterError("GDAL has no GTiff driver") }
    CPLErrorReset()
    let created = GDALRuntime.withStringList(options) { list in
      GDALCreate(driver, temporary, Int32(width), Int32(height), Int32(bands.count), GDT_Float32, list)
    }
    guard let dataset = created else {
      throw GeoRasterError("cannot create '\(path)': \(GDALRuntime.lastError(or: "GTiff driver failed"))")
    }
    var closed = false
    defer { if !closed { GDALClose(dataset) } }
    var transform = georeference.geoTransform
    GDALSetGeoTransform(dataset, &transform)
    GDALSetProjection(dataset, georeference.crsWKT)
    for item in metadata { GDALSetMetadataItem(dataset, item.key, item.value, nil) }
    var strip = [Float](repeating: 0, count: width * min(stripRows, height))
    for (index, band) in bands.enumerated() {
      let handle = GDALGetRasterBand(dataset, Int32(index + 1))!
      describe(handle, as: band)
      for top in stride(from: 0, to: height, by: stripRows) {
        let rows = min(stripRows, height - top)
        let start = top * width
        for offset in 0..<(rows * width) {
          let value = band.values[start + offset]
          strip[offset] = value.isInfinite ? .nan : value
        }
        let status = strip.withUnsafeMutableBytes {
          GDALRasterIO(
            handle, GF_Write, 0, Int32(top), Int32(width), Int32(rows), $0.baseAddress, Int32(width), Int32(rows),
            GDT_Float32, 0, 0)
        }
        guard status == CE_None else {
          throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "write failed"))")
        }
      }
    }
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
      try raster.write(band.values.map { $0.isInfinite ? .nan : $0 }, band: index + 1)
      describe(GDALGetRasterBand(raster.handle, Int32(index + 1))!, as: band)
    }
    try raster.copy(
      to: temporary, driver: "COG",
      options: [
        "BLOCKSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=YES", "LEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER",
        "OVERVIEWS=AUTO", "RESAMPLING=NEAREST",
      ])
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
