import CGDAL

/// The points of a vector file GDAL reads (GeoPackage, GeoJSON, KML, shapefile, or a CSV with longitude and latitude
/// columns), in WGS 84 longitude/latitude.
public enum PointFeatures {
  /// Column names a CSV may give its longitudes and latitudes under (GDAL's CSV open options).
  static let csvOptions = [
    "X_POSSIBLE_NAMES=lon,long,longitude,x", "Y_POSSIBLE_NAMES=lat,latitude,y", "KEEP_GEOM_COLUMNS=NO",
  ]

  /// Every point (and every point of multipoints) in every layer of `path`, transformed from the layer's CRS to
  /// WGS 84 (taken as WGS 84 when the layer names none). Throws when the file cannot be read, a layer holds
  /// geometries other than points, or it holds no point at all.
  public static func read(_ path: String) throws -> [(longitude: Double, latitude: Double)] {
    GDALRuntime.ensureRegistered()
    if let reason = GDALRuntime.nonRegularFileReason(path) { throw GeoRasterError("'\(path)' \(reason)") }
    CPLErrorReset()
    let isCSV = path.lowercased().hasSuffix(".csv")
    let opened = GDALRuntime.withStringList(isCSV ? csvOptions : []) { options in
      GDALOpenEx(
        path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, UnsafePointer(OpaquePointer(options)), nil)
    }
    guard let dataset = opened else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    let wgs84 = SpatialReference.wgs84()
    var result: [(longitude: Double, latitude: Double)] = []
    for number in 0..<GDALDatasetGetLayerCount(dataset) {
      guard let layer = GDALDatasetGetLayer(dataset, number) else { continue }
      var points: [(x: Double, y: Double)] = []
      OGR_L_ResetReading(layer)
      while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        guard let geometry = OGR_F_GetGeometryRef(feature) else { continue }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
        if type == wkbPoint {
          points.append((OGR_G_GetX(geometry, 0), OGR_G_GetY(geometry, 0)))
        } else if type == wkbMultiPoint {
          for part in 0..<OGR_G_GetGeometryCount(geometry) {
            if let point = OGR_G_GetGeometryRef(geometry, part) {
              points.append((OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)))
            }
          }
        } else {
          let name = String(cString: OGR_L_GetName(layer))
          throw GeoRasterError(
            "'\(path)' layer '\(name)' holds \(String(cString: OGRGeometryTypeToName(type))) "
              + "geometries; give a point layer")
        }
      }
      if let source = OGR_L_GetSpatialRef(layer), !points.isEmpty {
        guard let reference = SpatialReference(wkt: SpatialReference.wkt(of: source)) else {
          throw GeoRasterError("'\(path)': the coordinate system of its points is not understood")
        }
        points = try reference.transform(points, to: wgs84)
      }
      result += points.map { (longitude: $0.x, latitude: $0.y) }
    }
    guard !result.isEmpty else { throw GeoRasterError("'\(path)' holds no points") }
    guard result.allSatisfy({ abs($0.longitude) <= 180 && abs($0.latitude) <= 90 }) else {
      throw GeoRasterError("'\(path)' holds points outside longitude -180...180 and latitude -90...90")
    }
    return result
  }
}
