import CGDAL

/// Points and lines with attributes, written through OGR to any vector format it writes (GeoPackage for QGIS, KML for
/// Google Earth), in WGS 84.
public enum FeatureWriter {
  /// An attribute value.
  public enum Value: Sendable {
    case text(String)
    case real(Double)
    case integer(Int)
  }

  /// One feature: a point (one coordinate) or a line (several), as (longitude, latitude).
  public struct Feature: Sendable {
    public var coordinates: [(longitude: Double, latitude: Double)]
    public var values: [Value]

    public init(coordinates: [(longitude: Double, latitude: Double)], values: [Value]) {
      self.coordinates = coordinates
      self.values = values
    }
  }

  /// A layer: its name, whether it holds lines, its field names (types from the first feature) and features.
  public struct Layer: Sendable {
    public var name: String
    public var lines: Bool
    public var fields: [String]
    public var features: [Feature]

    public init(name: String, lines: Bool, fields: [String], features: [Feature]) {
      self.name = name
      self.lines = lines
      self.fields = fields
      self.features = features
    }
  }

  /// Writes `layers` to `path` with the OGR driver `driver` ("GPKG", "KML").
  public static func write(_ layers: [Layer], driver name: String, to path: String) throws {
    GDALRuntime.ensureRegistered()
    let wgs84 = SpatialReference.wgs84()
    try AtomicOutput.write(to: path) { temporary in
      guard let driver = GDALGetDriverByName(name),
        let dataset = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil)
      else { throw GeoRasterError("cannot create '\(path)': \(GDALRuntime.lastError(or: "\(name) driver"))") }
      defer { GDALClose(dataset) }
      for layer in layers {
        guard
          let handle = GDALDatasetCreateLayer(
            dataset, layer.name, wgs84.handle, layer.lines ? wkbLineString : wkbPoint, nil)
        else { throw GeoRasterError("cannot create layer '\(layer.name)' in '\(path)'") }
        let sample = layer.features.first?.values
        for (index, field) in layer.fields.enumerated() {
          let type: OGRFieldType
          switch sample?[index] {
          case .real: type = OFTReal
          case .integer: type = OFTInteger64
          default: type = OFTString
          }
          let definition = OGR_Fld_Create(field, type)
          OGR_L_CreateField(handle, definition, 1)
          OGR_Fld_Destroy(definition)
        }
        // Fields are set by name: a driver may add fields of its own before ours (KML's Name and Description).
        let positions = try layer.fields.map { field in
          let position = OGR_L_FindFieldIndex(handle, field, 1)
          guard position >= 0 else {
            throw GeoRasterError("cannot create field '\(field)' of layer '\(layer.name)' in '\(path)'")
          }
          return position
        }
        guard OGR_L_StartTransaction(handle) == OGRERR_NONE else {
          throw GeoRasterError("cannot write layer '\(layer.name)' of '\(path)'")
        }
        for feature in layer.features {
          let ogr = OGR_F_Create(OGR_L_GetLayerDefn(handle))!
          defer { OGR_F_Destroy(ogr) }
          for (value, position) in zip(feature.values, positions) {
            switch value {
            case .text(let text): OGR_F_SetFieldString(ogr, position, text)
            case .real(let number): OGR_F_SetFieldDouble(ogr, position, number)
            case .integer(let number): OGR_F_SetFieldInteger64(ogr, position, Int64(number))
            }
          }
          let geometry = OGR_G_CreateGeometry(layer.lines ? wkbLineString : wkbPoint)!
          for (index, point) in feature.coordinates.enumerated() {
            OGR_G_SetPoint_2D(geometry, Int32(index), point.longitude, point.latitude)
          }
          OGR_F_SetGeometryDirectly(ogr, geometry)
          guard OGR_L_CreateFeature(handle, ogr) == OGRERR_NONE else {
            throw GeoRasterError("cannot write a feature to layer '\(layer.name)' of '\(path)'")
          }
        }
        guard OGR_L_CommitTransaction(handle) == OGRERR_NONE else {
          throw GeoRasterError("cannot write layer '\(layer.name)' of '\(path)'")
        }
      }
    }
  }
}
