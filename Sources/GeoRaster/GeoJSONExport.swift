import CGDAL

/// Any vector file GDAL reads, as one GeoJSON FeatureCollection text in WGS 84 longitude/latitude (geometries
/// reprojected when the layer declares another CRS; attributes dropped): for drawing borders in a web map.
public enum GeoJSONExport {
  /// The geometries of every layer of `path`.
  public static func featureCollection(of path: String) throws -> String {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    let wgs84 = OSRNewSpatialReference(nil)
    defer { OSRDestroySpatialReference(wgs84) }
    OSRImportFromEPSG(wgs84, 4326)
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER)
    var features: [String] = []
    for number in 0..<GDALDatasetGetLayerCount(dataset) {
      guard let layer = GDALDatasetGetLayer(dataset, number) else { continue }
      var transformation: OGRCoordinateTransformationH?
      if let source = OGR_L_GetSpatialRef(layer), OSRIsSame(source, wgs84) == 0 {
        transformation = OCTNewCoordinateTransformation(source, wgs84)
        guard transformation != nil else {
          throw GeoRasterError("vector file '\(path)': cannot reproject its layer to WGS 84")
        }
      }
      defer { if let transformation { OCTDestroyCoordinateTransformation(transformation) } }
      OGR_L_ResetReading(layer)
      while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        guard let geometry = OGR_F_GetGeometryRef(feature) else { continue }
        if let transformation, OGR_G_Transform(geometry, transformation) != OGRERR_NONE {
          throw GeoRasterError("vector file '\(path)': a geometry does not reproject to WGS 84")
        }
        guard let json = OGR_G_ExportToJson(geometry) else { continue }
        defer { VSIFree(json) }
        features.append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":\(String(cString: json))}")
      }
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
  }
}
