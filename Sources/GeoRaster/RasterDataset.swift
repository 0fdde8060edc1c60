import CGDAL

/// A raster opened read-only through GDAL: any format it reads (GeoTIFF, SRTM `.hgt`, VRT, COG, `/vsicurl/`).
public final class RasterDataset {
  private let handle: GDALDatasetH
  /// The path it was opened from.
  public let path: String
  /// Its georeference (north-up rasters only).
  public let georeference: RasterGeoreference

  /// Opens band 1 of `path`; throws with a one-line reason when GDAL cannot read it or it is not north-up.
  public init(path: String) throws {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let handle = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open raster '\(path)': \(GDALRuntime.lastError(or: "not a raster GDAL reads"))")
    }
    self.handle = handle
    self.path = path
    guard GDALGetRasterCount(handle) >= 1 else {
      GDALClose(handle)
      throw GeoRasterError("raster '\(path)' has no bands")
    }
    var transform = [Double](repeating: 0, count: 6)
    guard GDALGetGeoTransform(handle, &transform) == CE_None else {
      GDALClose(handle)
      throw GeoRasterError("raster '\(path)' has no georeferencing (no geotransform)")
    }
    guard transform[2] == 0, transform[4] == 0, transform[1] > 0, transform[5] < 0 else {
      GDALClose(handle)
      throw GeoRasterError("raster '\(path)' is rotated or not north-up; warp it first (gdalwarp)")
    }
    let wkt = GDALGetProjectionRef(handle).map { String(cString: $0) } ?? ""
    guard !wkt.isEmpty else {
      GDALClose(handle)
      throw GeoRasterError("raster '\(path)' has no coordinate reference system")
    }
    let reference = SpatialReference(wkt: wkt)
    georeference = RasterGeoreference(
      originX: transform[0], originY: transform[3], cellWidth: transform[1], cellHeight: -transform[5],
      width: Int(GDALGetRasterXSize(handle)), height: Int(GDALGetRasterYSize(handle)), crsWKT: wkt,
      isGeographic: reference?.isGeographic ?? false)
  }

  deinit { GDALClose(handle) }

  /// Band 1's no-data value, if it declares one.
  public var noDataValue: Double? {
    var has: Int32 = 0
    let value = GDALGetRasterNoDataValue(GDALGetRasterBand(handle, 1), &has)
    return has != 0 ? value : nil
  }

  /// Reads a window of band 1 as Float32, row-major, with no-data cells set to NaN.
  public func read(column: Int, row: Int, width: Int, height: Int) throws -> [Float] {
    guard column >= 0, row >= 0, width > 0, height > 0, column + width <= georeference.width,
      row + height <= georeference.height
    else { throw GeoRasterError("window outside raster '\(path)'") }
    var values = [Float](repeating: 0, count: width * height)
    CPLErrorReset()
    let status = values.withUnsafeMutableBytes { buffer in
      GDALRasterIO(
        GDALGetRasterBand(handle, 1), GF_Read, Int32(column), Int32(row), Int32(width), Int32(height),
        buffer.baseAddress, Int32(width), Int32(height), GDT_Float32, 0, 0)
    }
    guard status == CE_None else {
      throw GeoRasterError("cannot read '\(path)': \(GDALRuntime.lastError(or: "read failed"))")
    }
    if let noData = noDataValue.map(Float.init) {
      for index in values.indices where values[index] == noData { values[index] = .nan }
    }
    return values
  }
}
