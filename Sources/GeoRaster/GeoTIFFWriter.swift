import CGDAL

/// Writes Float32 GeoTIFFs that QGIS reads well: tiled, DEFLATE with the floating-point predictor (compressed on
/// all cores), NaN no-data, band descriptions and dataset metadata; written under a temporary name and renamed
/// when complete. Values are streamed from the caller's arrays in strips, with ±∞ written as NaN.
public enum GeoTIFFWriter {
  /// Rows per strip handed to GDAL.
  static let stripRows = 256

  /// Writes `bands` on `georeference`'s grid to `path`, with `metadata` as dataset metadata items
  /// (`compressed: false` writes plain strips, for benchmark inputs).
  public static func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)] = [],
    compressed: Bool = true, to path: String
  ) throws {
    precondition(!bands.isEmpty, "at least one band")
    let width = georeference.width
    let height = georeference.height
    for band in bands where band.values.count != width * height {
      throw GeoRasterError("band '\(band.description)' does not match the grid")
    }
    GDALRuntime.ensureRegistered()
    let options =
      compressed
      ? ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]
      : ["BIGTIFF=IF_SAFER"]
    try AtomicOutput.write(to: path) { temporary in
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
        let handle = GDALGetRasterBand(dataset, Int32(index + 1))
        GDALSetDescription(handle, band.description)
        GDALSetRasterNoDataValue(handle, .nan)
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
  }
}
