import CGDAL

/// A raster held in GDAL's MEM driver, for feeding GDAL's processing and format drivers.
final class MemoryRaster {
  let handle: GDALDatasetH

  /// Creates a MEM dataset with `bands` of `type`, georeferenced as `georeference`.
  init(georeference: RasterGeoreference, bands: Int, type: GDALDataType) throws {
    GDALRuntime.ensureRegistered()
    guard let driver = GDALGetDriverByName("MEM"),
      let handle = GDALCreate(
        driver, "", Int32(georeference.width), Int32(georeference.height), Int32(bands), type, nil)
    else { throw GeoRasterError("cannot create an in-memory raster: \(GDALRuntime.lastError(or: "MEM driver"))") }
    self.handle = handle
    var transform = georeference.geoTransform
    GDALSetGeoTransform(handle, &transform)
    GDALSetProjection(handle, georeference.crsWKT)
  }

  /// Wraps a dataset GDAL returned (and closes it on release).
  init(adopting handle: GDALDatasetH) { self.handle = handle }

  deinit { GDALClose(handle) }

  /// Writes Float32 values into `band` (1-based), setting NaN as no-data.
  func write(_ values: [Float], band: Int) throws {
    let width = GDALGetRasterXSize(handle)
    let height = GDALGetRasterYSize(handle)
    let bandHandle = GDALGetRasterBand(handle, Int32(band))
    GDALSetRasterNoDataValue(bandHandle, .nan)
    var copy = values
    let status = copy.withUnsafeMutableBytes {
      GDALRasterIO(bandHandle, GF_Write, 0, 0, width, height, $0.baseAddress, width, height, GDT_Float32, 0, 0)
    }
    guard status == CE_None else { throw GeoRasterError("cannot fill in-memory raster") }
  }

  /// Writes bytes into `band` (1-based).
  func write(_ values: [UInt8], band: Int) throws {
    let width = GDALGetRasterXSize(handle)
    let height = GDALGetRasterYSize(handle)
    var copy = values
    let status = copy.withUnsafeMutableBytes {
      GDALRasterIO(
        GDALGetRasterBand(handle, Int32(band)), GF_Write, 0, 0, width, height, $0.baseAddress, width, height,
        GDT_Byte, 0, 0)
    }
    guard status == CE_None else { throw GeoRasterError("cannot fill in-memory raster") }
  }

  /// Reads `band` (1-based) as bytes.
  func readBytes(band: Int) throws -> [UInt8] { try read(band: band, as: GDT_Byte, zero: 0) }

  /// A copy resampled by GDAL to `width × height` cells with `method` ("bilinear", "nearest", ...).
  func resampled(width: Int, height: Int, method: String) throws -> MemoryRaster {
    let arguments = ["-of", "MEM", "-outsize", "\(width)", "\(height)", "-r", method]
    return try GDALRuntime.withStringList(arguments) { list in
      guard let options = GDALTranslateOptionsNew(list, nil) else { throw GeoRasterError("bad resampling options") }
      defer { GDALTranslateOptionsFree(options) }
      guard let output = GDALTranslate("", handle, options, nil) else {
        throw GeoRasterError("resampling failed: \(GDALRuntime.lastError(or: "GDALTranslate"))")
      }
      return MemoryRaster(adopting: output)
    }
  }

  /// Reads `band` (1-based) as Float32.
  func readFloats(band: Int) throws -> [Float] { try read(band: band, as: GDT_Float32, zero: 0) }

  /// Reads `band` (1-based) as values of `type`.
  private func read<Value>(band: Int, as type: GDALDataType, zero: Value) throws -> [Value] {
    let width = GDALGetRasterXSize(handle)
    let height = GDALGetRasterYSize(handle)
    var values = [Value](repeating: zero, count: Int(width) * Int(height))
    let status = values.withUnsafeMutableBytes {
      GDALRasterIO(
        GDALGetRasterBand(handle, Int32(band)), GF_Read, 0, 0, width, height, $0.baseAddress, width, height, type, 0, 0)
    }
    guard status == CE_None else { throw GeoRasterError("cannot read in-memory raster") }
    return values
  }

  /// Copies the dataset to `path` with the named driver and creation options.
  func copy(to path: String, driver name: String, options: [String] = []) throws {
    guard let driver = GDALGetDriverByName(name) else { throw GeoRasterError("GDAL has no \(name) driver") }
    CPLErrorReset()
    let copy = GDALRuntime.withStringList(options) { list in
      GDALCreateCopy(driver, path, handle, 0, list, nil, nil)
    }
    guard let copy else {
      throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "\(name) driver failed"))")
    }
    GDALClose(copy)
  }
}
