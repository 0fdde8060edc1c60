import CGDAL

/// Areas of WGS 84 polygons on the WGS 84 ellipsoid: each polygon densified to 0.01° steps (so an edge along a
/// parallel stays on it within metres) and projected to a Lambert azimuthal equal-area projection centred on it,
/// which keeps areas exactly on the ellipsoid; the planar area there is the ellipsoidal one.
public enum PolygonArea {
  /// The area of `geometry` (WGS 84 longitude/latitude, any polygonal type) in km².
  static func squareKilometres(ofWGS84 geometry: OGRGeometryH) throws -> Double {
    if OGR_G_IsEmpty(geometry) != 0 { return 0 }
    var envelope = OGREnvelope()
    OGR_G_GetEnvelope(geometry, &envelope)
    let longitude = (envelope.MinX + envelope.MaxX) / 2
    let latitude = (envelope.MinY + envelope.MaxY) / 2
    let wgs84 = SpatialReference.wgs84()
    guard
      let equalArea = SpatialReference(
        wkt: "+proj=laea +lat_0=\(latitude) +lon_0=\(longitude) +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs")
    else { throw GeoRasterError("cannot define an equal-area projection") }
    // The copy refers to both references until it is destroyed: they must outlive it.
    return try withExtendedLifetime((wgs84, equalArea)) {
      guard let copy = OGR_G_Clone(geometry) else { throw GeoRasterError("cannot copy a polygon") }
      defer { OGR_G_DestroyGeometry(copy) }
      OGR_G_AssignSpatialReference(copy, wgs84.handle)
      OGR_G_Segmentize(copy, 0.01)
      guard OGR_G_TransformTo(copy, equalArea.handle) == OGRERR_NONE else {
        throw GeoRasterError("cannot project a polygon to measure its area")
      }
      return OGR_G_Area(copy) / 1e6
    }
  }

  /// The area in km² of every feature of every layer of the vector file `path` (in WGS 84), by layer name, with
  /// each feature's text fields: for checking written polygons against other figures.
  public static func features(in path: String) throws -> [(
    layer: String, values: [String: String], areaKm2: Double
  )] {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    var result: [(layer: String, values: [String: String], areaKm2: Double)] = []
    for number in 0..<GDALDatasetGetLayerCount(dataset) {
      guard let layer = GDALDatasetGetLayer(dataset, number) else { continue }
      let name = String(cString: OGR_L_GetName(layer))
      let definition = OGR_L_GetLayerDefn(layer)
      let fields = (0..<OGR_FD_GetFieldCount(definition)).map {
        String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0)))
      }
      OGR_L_ResetReading(layer)
      while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        var values: [String: String] = [:]
        for (index, field) in fields.enumerated() where OGR_F_IsFieldSetAndNotNull(feature, Int32(index)) != 0 {
          values[field] = String(cString: OGR_F_GetFieldAsString(feature, Int32(index)))
        }
        let geometry = OGR_F_GetGeometryRef(feature)
        values["geometry_type"] = geometry.map { String(cString: OGR_G_GetGeometryName($0)) } ?? ""
        let area = try geometry.map { try squareKilometres(ofWGS84: $0) } ?? 0
        result.append((name, values, area))
      }
    }
    return result
  }
}
