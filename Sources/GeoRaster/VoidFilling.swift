import CGDAL

/// Fills DEM voids (NaN) by GDAL's `GDALFillNodata`: inverse-distance interpolation from the valid cells around each
/// void, searching up to a given distance. Filled heights are an estimate, not terrain: say so wherever they are used.
public enum VoidFilling {
  /// Replaces the NaN cells of `values` (row-major, `width` × `height` on `georeference`'s grid) that have valid
  /// cells within `maximumDistance` cells, and returns how many were filled; farther voids stay NaN.
  public static func fill(
    _ values: inout [Float], georeference: RasterGeoreference, maximumDistance: Double
  ) throws -> Int {
    let before = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
    guard before > 0 else { return 0 }
    let raster = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Float32)
    try raster.write(values, band: 1)
    CPLErrorReset()
    let band = GDALGetRasterBand(raster.handle, 1)
    let status = GDALFillNodata(band, nil, maximumDistance, 0, 0, nil, nil, nil)
    guard status == CE_None else {
      throw GeoRasterError("cannot fill the DEM's voids: \(GDALRuntime.lastError(or: "GDALFillNodata failed"))")
    }
    values = try raster.readFloats(band: 1)
    let after = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
    return before - after
  }
}
