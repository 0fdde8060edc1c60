import CGDAL

/// What GDAL reports of a raster file, band by band: for checking what the writers wrote (units, category names,
/// attribute tables, tiling, overviews, the COG layout) and for reading a band's values back.
public struct RasterFileDescription: Sendable {
  /// One band as GDAL reports it.
  public struct Band: Sendable {
    public var description: String
    public var unit: String
    /// GDAL category names (value 0, 1, ...).
    public var categoryNames: [String]
    /// The raster attribute table's (value, name) rows, from its columns of usage min-max and name.
    public var attributeRows: [(value: Int, name: String)]
    public var blockWidth: Int
    public var blockHeight: Int
    /// Overview sizes, finest first.
    public var overviews: [(width: Int, height: Int)]
    /// The values, row-major, with no-data as NaN.
    public var values: [Float]
  }

  public var width: Int
  public var height: Int
  public var bands: [Band]
  /// The dataset's metadata items of the default domain.
  public var metadata: [String: String]
  /// The dataset's IMAGE_STRUCTURE items (`LAYOUT=COG` for a Cloud-Optimised GeoTIFF, `COMPRESSION`).
  public var imageStructure: [String: String]

  /// Opens `path` read-only and describes it.
  public static func read(_ path: String) throws -> RasterFileDescription {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open raster '\(path)': \(GDALRuntime.lastError(or: "not a raster GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    let width = Int(GDALGetRasterXSize(dataset))
    let height = Int(GDALGetRasterYSize(dataset))
    var bands: [Band] = []
    for number in stride(from: 1, through: Int(GDALGetRasterCount(dataset)), by: 1) {
      let handle = GDALGetRasterBand(dataset, Int32(number))!
      var blockWidth: Int32 = 0
      var blockHeight: Int32 = 0
      GDALGetBlockSize(handle, &blockWidth, &blockHeight)
      let overviews = (0..<GDALGetOverviewCount(handle)).compactMap { index -> (width: Int, height: Int)? in
        guard let overview = GDALGetOverview(handle, index) else { return nil }
        return (Int(GDALGetRasterBandXSize(overview)), Int(GDALGetRasterBandYSize(overview)))
      }
      var values = [Float](repeating: 0, count: width * height)
      let status = values.withUnsafeMutableBytes {
        GDALRasterIO(
          handle, GF_Read, 0, 0, Int32(width), Int32(height), $0.baseAddress, Int32(width), Int32(height),
          GDT_Float32, 0, 0)
      }
      guard status == CE_None else { throw GeoRasterError("cannot read band \(number) of '\(path)'") }
      var hasNoData: Int32 = 0
      let noData = GDALGetRasterNoDataValue(handle, &hasNoData)
      if hasNoData != 0, !noData.isNaN {
        values = values.map { Double($0) == noData ? .nan : $0 }
      }
      bands.append(
        Band(
          description: String(cString: GDALGetDescription(handle)),
          unit: GDALGetRasterUnitType(handle).map { String(cString: $0) } ?? "",
          categoryNames: strings(GDALGetRasterCategoryNames(handle)), attributeRows: attributeRows(handle),
          blockWidth: Int(blockWidth), blockHeight: Int(blockHeight), overviews: overviews, values: values))
    }
    return RasterFileDescription(
      width: width, height: height, bands: bands, metadata: items(GDALGetMetadata(dataset, nil)),
      imageStructure: items(GDALGetMetadata(dataset, "IMAGE_STRUCTURE")))
  }

  private static func attributeRows(_ band: GDALRasterBandH) -> [(value: Int, name: String)] {
    guard let table = GDALGetDefaultRAT(band) else { return [] }
    let value = GDALRATGetColOfUsage(table, GFU_MinMax)
    let name = GDALRATGetColOfUsage(table, GFU_Name)
    guard value >= 0, name >= 0 else { return [] }
    return (0..<GDALRATGetRowCount(table)).map { row in
      (Int(GDALRATGetValueAsInt(table, row, value)), String(cString: GDALRATGetValueAsString(table, row, name)))
    }
  }

  private static func strings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
    guard let list else { return [] }
    var result: [String] = []
    var index = 0
    while let item = list[index] {
      result.append(String(cString: item))
      index += 1
    }
    return result
  }

  private static func items(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
    var result: [String: String] = [:]
    for item in strings(list) {
      guard let equals = item.firstIndex(of: "=") else { continue }
      result[String(item[..<equals])] = String(item[item.index(after: equals)...])
    }
    return result
  }
}
