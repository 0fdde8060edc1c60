import CGDAL

/// Writes Float32 GeoTIFFs that QGIS reads well: tiled, DEFLATE with the floating-point predictor, NaN no-data,
/// band descriptions and dataset metadata (`compressed: false` writes plain strips, for benchmarks); written under a temporary name and renamed when complete.
public enum GeoTIFFWriter {
  /// Writes `bands` on `georeference`'s grid to `path`, with `metadata` as dataset metadata items.
  public static func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)] = [],
    compressed: Bool = true, to path: String
  ) throws {
    precondition(!bands.isEmpty, "at least one band")
    for band in bands where band.values.count != georeference.width * georeference.height {
      throw GeoRasterError("band '\(band.description)' does not match the grid")
    }
    try AtomicOutput.write(to: path) { temporary in
      let memory = try MemoryRaster(georeference: georeference, bands: bands.count, type: GDT_Float32)
      for (index, band) in bands.enumerated() {
        try memory.write(band.values, band: index + 1)
        GDALSetDescription(GDALGetRasterBand(memory.handle, Int32(index + 1)), band.description)
      }
      for item in metadata { GDALSetMetadataItem(memory.handle, item.key, item.value, nil) }
      try memory.copy(
        to: temporary, driver: "GTiff",
        options: compressed
          ? ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "BIGTIFF=IF_SAFER"] : ["BIGTIFF=IF_SAFER"])
    }
  }
}
