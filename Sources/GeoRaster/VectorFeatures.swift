import CGDAL

/// Polygons of a vector file GDAL reads (GeoJSON, GeoPackage, shapefile …), burnt onto a raster grid.
public enum VectorFeatures {
  /// One mask per feature (1 inside, 0 outside; cells whose centre falls inside), named by `nameField`.
  public static func polygonMasks(path: String, nameField: String, georeference: RasterGeoreference) throws
    -> [(name: String, mask: [UInt8])]
  {
    try features(path: path, nameField: nameField, georeference: georeference).map { name, geometry in
      defer { OGR_G_DestroyGeometry(geometry) }
      return (name, try burn([geometry], georeference: georeference))
    }
  }

  /// One mask of every feature's outline (the boundaries of polygons, the lines of line features).
  public static func outlineMask(path: String, georeference: RasterGeoreference) throws -> [UInt8] {
    let geometries = try features(path: path, nameField: nil, georeference: georeference).map { _, geometry in
      defer { OGR_G_DestroyGeometry(geometry) }
      return OGR_G_Boundary(geometry) ?? OGR_G_Clone(geometry)!
    }
    defer { geometries.forEach { OGR_G_DestroyGeometry($0) } }
    return try burn(geometries, georeference: georeference, allTouched: true)
  }

  /// The features' geometries transformed into the grid's CRS, with their names (caller destroys geometries).
  private static func features(path: String, nameField: String?, georeference: RasterGeoreference) throws
    -> [(String, OGRGeometryH)]
  {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    guard let layer = GDALDatasetGetLayer(dataset, 0) else { throw GeoRasterError("'\(path)' has no layer") }
    guard let target = SpatialReference(wkt: georeference.crsWKT) else {
      throw GeoRasterError("the grid's coordinate system is not understood")
    }
    let source = OGR_L_GetSpatialRef(layer)
    if let source { OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER) }
    var result: [(String, OGRGeometryH)] = []
    OGR_L_ResetReading(layer)
    while let feature = OGR_L_GetNextFeature(layer) {
      defer { OGR_F_Destroy(feature) }
      guard let geometry = OGR_F_GetGeometryRef(feature), let copy = OGR_G_Clone(geometry) else { continue }
      if source != nil, OGR_G_TransformTo(copy, target.handle) != OGRERR_NONE {
        OGR_G_DestroyGeometry(copy)
        throw GeoRasterError("cannot transform '\(path)' into the grid's coordinate system")
      }
      var name = ""
      if let nameField {
        let index = OGR_F_GetFieldIndex(feature, nameField)
        guard index >= 0 else {
          OGR_G_DestroyGeometry(copy)
          throw GeoRasterError("'\(path)' has no field '\(nameField)'")
        }
        name = String(cString: OGR_F_GetFieldAsString(feature, index))
      }
      result.append((name, copy))
    }
    return result
  }

  private static func burn(_ geometries: [OGRGeometryH], georeference: RasterGeoreference, allTouched: Bool = false)
    throws -> [UInt8]
  {
    let raster = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Byte)
    var bands: [Int32] = [1]
    var burnValues = [Double](repeating: 1, count: geometries.count)
    var handles: [OGRGeometryH?] = geometries
    let options = allTouched ? ["ALL_TOUCHED=TRUE"] : []
    let status = GDALRuntime.withStringList(options) { list in
      GDALRasterizeGeometries(
        raster.handle, 1, &bands, Int32(handles.count), &handles, nil, nil, &burnValues, list, nil, nil)
    }
    guard status == CE_None else {
      throw GeoRasterError("cannot rasterize: \(GDALRuntime.lastError(or: "GDALRasterizeGeometries failed"))")
    }
    return try raster.readBytes(band: 1)
  }
}

extension VectorFeatures {
  /// The extent of the first layer of `path` in the grid's CRS (corners transformed), or nil when empty.
  public static func extent(path: String, georeference: RasterGeoreference) throws -> (
    minX: Double, minY: Double, maxX: Double, maxY: Double
  )? {
    GDALRuntime.ensureRegistered()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    guard let layer = GDALDatasetGetLayer(dataset, 0) else { return nil }
    var envelope = OGREnvelope()
    guard OGR_L_GetExtent(layer, &envelope, 1) == OGRERR_NONE else { return nil }
    var corners = [
      (envelope.MinX, envelope.MinY), (envelope.MinX, envelope.MaxY), (envelope.MaxX, envelope.MinY),
      (envelope.MaxX, envelope.MaxY),
    ].map { (x: $0.0, y: $0.1) }
    if let source = OGR_L_GetSpatialRef(layer), let target = SpatialReference(wkt: georeference.crsWKT),
      let wkt = Optional(SpatialReference.wkt(of: source)), let sourceReference = SpatialReference(wkt: wkt)
    {
      corners = try sourceReference.transform(corners, to: target)
    }
    return (
      corners.map(\.x).min()!, corners.map(\.y).min()!, corners.map(\.x).max()!, corners.map(\.y).max()!
    )
  }
}
