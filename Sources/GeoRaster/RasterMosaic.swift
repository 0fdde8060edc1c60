import CGDAL

/// Mosaics of many rasters through GDAL: a VRT over the sources, optionally copied to a compressed GeoTIFF.
public enum RasterMosaic {
  /// Builds a mosaic of `sources` (any GDAL paths, `/vsicurl/` included) at `path`: a VRT when it ends in
  /// `.vrt`, else a tiled DEFLATE GeoTIFF cut to `bounds` (west, south, east, north). Sources that cannot be
  /// opened (ocean tiles, say) are skipped; throws when none can be.
  public static func build(
    sources: [String], bounds: (west: Double, south: Double, east: Double, north: Double), to path: String
  ) throws -> Int {
    GDALRuntime.ensureRegistered()
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "20")
    CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "10")
    CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    var opened: [GDALDatasetH] = []
    var lastError = "no tile could be opened"
    for source in sources {
      CPLErrorReset()
      if let handle = GDALOpenEx(source, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) {
        opened.append(handle)
      } else {
        lastError = GDALRuntime.lastError(or: lastError)
      }
    }
    defer { opened.forEach { GDALClose($0) } }
    guard !opened.isEmpty else {
      throw GeoRasterError("cannot reach any of \(sources.count) DEM tiles (offline?): \(lastError)")
    }
    let isVRT = path.lowercased().hasSuffix(".vrt")
    try AtomicOutput.write(to: path) { temporary in
      let vrtPath = isVRT ? temporary : "/vsimem/airpicture-mosaic.vrt"
      let vrt = try GDALRuntime.withStringList([]) { list -> GDALDatasetH in
        guard let options = GDALBuildVRTOptionsNew(list, nil) else { throw GeoRasterError("bad VRT options") }
        defer { GDALBuildVRTOptionsFree(options) }
        var handles: [GDALDatasetH?] = opened
        guard let result = GDALBuildVRT(vrtPath, Int32(handles.count), &handles, nil, options, nil) else {
          throw GeoRasterError("cannot build VRT: \(GDALRuntime.lastError(or: "GDALBuildVRT failed"))")
        }
        return result
      }
      defer {
        GDALClose(vrt)
        if !isVRT { VSIUnlink(vrtPath) }
      }
      guard !isVRT else { return }
      let arguments = [
        "-of", "GTiff", "-projwin", "\(bounds.west)", "\(bounds.north)", "\(bounds.east)", "\(bounds.south)",
        "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2", "-co", "BIGTIFF=IF_SAFER",
      ]
      try GDALRuntime.withStringList(arguments) { list in
        guard let options = GDALTranslateOptionsNew(list, nil) else { throw GeoRasterError("bad translate options") }
        defer { GDALTranslateOptionsFree(options) }
        guard let output = GDALTranslate(temporary, vrt, options, nil) else {
          throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "GDALTranslate failed"))")
        }
        GDALClose(output)
      }
    }
    return opened.count
  }
}
