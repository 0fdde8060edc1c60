import CGDAL

/// Vector layers read back through OGR, every layer of a file with its features' attributes by field name (as OGR
/// renders them in text) and coordinates: for checking what `FeatureWriter` wrote, and for layers an analyst drew.
public enum FeatureReader {
  /// One feature: attributes by field name, and its points as (longitude, latitude) or the layer CRS's (x, y).
  public struct Feature: Sendable {
    public var values: [String: String]
    public var coordinates: [(x: Double, y: Double)]
  }

  /// One layer: its name, its field names in order, and its features in order.
  public struct Layer: Sendable {
    public var name: String
    public var fields: [String]
    public var features: [Feature]
  }

  /// Every layer of the vector file at `path`.
  public static func read(_ path: String) throws -> [Layer] {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open vector file '\(path)': \(GDALRuntime.lastError(or: "not a vector GDAL reads"))")
    }
    defer { GDALClose(dataset) }
    return (0..<GDALDatasetGetLayerCount(dataset)).compactMap { number in
      guard let layer = GDALDatasetGetLayer(dataset, number) else { return nil }
      let definition = OGR_L_GetLayerDefn(layer)
      let fields = (0..<OGR_FD_GetFieldCount(definition)).map {
        String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0)))
      }
      var features: [Feature] = []
      OGR_L_ResetReading(layer)
      while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        var values: [String: String] = [:]
        for (index, field) in fields.enumerated() where OGR_F_IsFieldSetAndNotNull(feature, Int32(index)) != 0 {
          values[field] = String(cString: OGR_F_GetFieldAsString(feature, Int32(index)))
        }
        var coordinates: [(x: Double, y: Double)] = []
        if let geometry = OGR_F_GetGeometryRef(feature) {
          for point in 0..<OGR_G_GetPointCount(geometry) {
            coordinates.append((OGR_G_GetX(geometry, point), OGR_G_GetY(geometry, point)))
          }
        }
        features.append(Feature(values: values, coordinates: coordinates))
      }
      return Layer(name: String(cString: OGR_L_GetName(layer)), fields: fields, features: features)
    }
  }
}
