import CGDAL
import Foundation

/// Points, lines and polygons with attributes, written through OGR to any vector format it writes (GeoPackage for
/// QGIS, KML through the LIBKML driver for Google Earth), in WGS 84, in two or three dimensions.
public enum FeatureWriter {
  /// A moment: seconds since 1970-01-01T00:00:00Z, and the UTC offset it is stated in, minutes (a multiple of 15).
  public struct DateTime: Sendable, Equatable {
    public var secondsSinceEpoch: Double
    public var utcOffsetMinutes: Int

    public init(secondsSinceEpoch: Double, utcOffsetMinutes: Int) {
      self.secondsSinceEpoch = secondsSinceEpoch
      self.utcOffsetMinutes = utcOffsetMinutes
    }
  }

  /// An attribute value; `null` leaves the field unset.
  public enum Value: Sendable {
    case text(String)
    case real(Double)
    case integer(Int)
    case dateTime(DateTime)
    case null
  }

  /// A field's OGR type.
  public enum FieldType: Sendable {
    case text, real, integer, dateTime
  }

  /// A field: its name and type.
  public struct Field: Sendable {
    public var name: String
    public var type: FieldType

    public init(_ name: String, _ type: FieldType) {
      self.name = name
      self.type = type
    }
  }

  /// A layer's geometry.
  public enum Geometry: Sendable {
    case point, line, polygon
  }

  /// One feature: its points as (longitude, latitude), with altitudes (one per point) when the layer is 3D; a
  /// polygon's points are its outer ring, closed. `style` is an OGR style string or "@name" of a shared style.
  public struct Feature: Sendable {
    public var coordinates: [(longitude: Double, latitude: Double)]
    public var altitudes: [Double]?
    public var values: [Value]
    public var style: String?

    public init(
      coordinates: [(longitude: Double, latitude: Double)], altitudes: [Double]? = nil, values: [Value],
      style: String? = nil
    ) {
      self.coordinates = coordinates
      self.altitudes = altitudes
      self.values = values
      self.style = style
    }
  }

  /// A layer: its name, geometry, fields and features, whether its altitudes are above mean sea level (then KML says
  /// `altitudeMode absolute`; without altitudes, KML drapes lines on the ground), and its QGIS style (QML), written to
  /// a GeoPackage's `layer_styles` table.
  public struct Layer: Sendable {
    public var name: String
    public var geometry: Geometry
    public var fields: [Field]
    public var features: [Feature]
    public var threeDimensional: Bool
    public var qml: String?

    public init(
      name: String, geometry: Geometry, threeDimensional: Bool, fields: [Field], features: [Feature],
      qml: String? = nil
    ) {
      self.name = name
      self.geometry = geometry
      self.threeDimensional = threeDimensional
      self.fields = fields
      self.features = features
      self.qml = qml
    }

    /// A two-dimensional point or line layer, its field types from the first feature.
    public init(name: String, lines: Bool, fields: [String], features: [Feature]) {
      let sample = features.first?.values ?? []
      self.init(
        name: name, geometry: lines ? .line : .point, threeDimensional: false,
        fields: fields.enumerated().map { index, field in
          switch index < sample.count ? sample[index] : .null {
          case .real: Field(field, .real)
          case .integer: Field(field, .integer)
          case .dateTime: Field(field, .dateTime)
          default: Field(field, .text)
          }
        }, features: features)
    }
  }

  /// The LIBKML driver's field for a 3D geometry's altitude mode (GDAL's LIBKML_ALTITUDEMODE_FIELD default).
  public static let kmlAltitudeModeField = "altitudeMode"
  /// The LIBKML driver's field that drapes a 2D line or polygon on the terrain (LIBKML_TESSELLATE_FIELD default).
  public static let kmlTessellateField = "tessellate"

  /// Writes `layers` to `path` with the OGR driver `driver` ("GPKG", "LIBKML", "KML"), with `styles` (name: OGR
  /// style string) as the file's shared styles where the format has them (KML). A GeoPackage stores date-times in UTC,
  /// as its standard requires, and gets a `layer_styles` table of the layers' QML; other formats keep the stated offset.
  public static func write(
    _ layers: [Layer], driver name: String, to path: String, styles: [(name: String, style: String)] = []
  ) throws {
    GDALRuntime.ensureRegistered()
    let wgs84 = SpatialReference.wgs84()
    let geoPackage = name == "GPKG"
    let libKML = name == "LIBKML"
    // LIBKML's typed SchemaData takes time quadratic in the features (minutes for a few thousand, GDAL 3.6); plain
    // ExtendedData/Data is linear, and Google Earth shows it the same way.
    if libKML { CPLSetThreadLocalConfigOption("LIBKML_USE_SIMPLEFIELD", "NO") }
    defer { if libKML { CPLSetThreadLocalConfigOption("LIBKML_USE_SIMPLEFIELD", nil) } }
    // Same inputs, same bytes: GeoPackage's `last_change` is otherwise the time of writing.
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", ClassPolygonWriter.reproducibleDate)
    defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
    try AtomicOutput.write(to: path) { temporary in
      guard let driver = GDALGetDriverByName(name),
        let dataset = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil)
      else { throw GeoRasterError("cannot create '\(path)': \(GDALRuntime.lastError(or: "\(name) driver"))") }
      defer { GDALClose(dataset) }
      if !styles.isEmpty {
        let table = OGR_STBL_Create()!
        defer { OGR_STBL_Destroy(table) }
        for style in styles { _ = OGR_STBL_AddStyle(table, style.name, style.style) }
        GDALDatasetSetStyleTable(dataset, table)
      }
      for layer in layers {
        try write(layer, to: dataset, path: path, wgs84: wgs84, utc: geoPackage, kml: libKML)
      }
      if geoPackage, layers.contains(where: { $0.qml != nil }) {
        try writeLayerStyles(layers, to: dataset, path: path)
      }
    }
  }

  private static func ogrType(_ geometry: Geometry, threeDimensional: Bool) -> OGRwkbGeometryType {
    switch (geometry, threeDimensional) {
    case (.point, false): wkbPoint
    case (.point, true): wkbPoint25D
    case (.line, false): wkbLineString
    case (.line, true): wkbLineString25D
    case (.polygon, false): wkbPolygon
    case (.polygon, true): wkbPolygon25D
    }
  }

  private static func write(
    _ layer: Layer, to dataset: GDALDatasetH, path: String, wgs84: SpatialReference, utc: Bool, kml: Bool
  ) throws {
    // In KML each layer is a Folder (Google Earth's folders), not a nested Document.
    let options = kml ? ["FOLDER=YES"] : []
    guard
      let handle = GDALRuntime.withStringList(
        options,
        {
          GDALDatasetCreateLayer(
            dataset, layer.name, wgs84.handle, ogrType(layer.geometry, threeDimensional: layer.threeDimensional), $0)
        })
    else { throw GeoRasterError("cannot create layer '\(layer.name)' in '\(path)'") }
    // KML's altitude mode and draping are fields LIBKML turns into elements; other formats do not get them.
    let kmlField: (name: String, value: Value)? =
      kml
      ? (layer.threeDimensional ? (kmlAltitudeModeField, .text("absolute")) : (kmlTessellateField, .integer(1)))
      : nil
    let fields = layer.fields + (kmlField.map { [Field($0.name, $0.value.isText ? .text : .integer)] } ?? [])
    for field in fields {
      let type: OGRFieldType
      switch field.type {
      case .real: type = OFTReal
      case .integer: type = OFTInteger64
      case .dateTime: type = OFTDateTime
      case .text: type = OFTString
      }
      let definition = OGR_Fld_Create(field.name, type)
      OGR_L_CreateField(handle, definition, 1)
      OGR_Fld_Destroy(definition)
    }
    // Fields are set by name: a driver may add fields of its own before ours (KML's Name and Description).
    let positions = try fields.map { field in
      let position = OGR_L_FindFieldIndex(handle, field.name, 1)
      guard position >= 0 else {
        throw GeoRasterError("cannot create field '\(field.name)' of layer '\(layer.name)' in '\(path)'")
      }
      return position
    }
    guard OGR_L_StartTransaction(handle) == OGRERR_NONE else {
      throw GeoRasterError("cannot write layer '\(layer.name)' of '\(path)'")
    }
    for feature in layer.features {
      let ogr = OGR_F_Create(OGR_L_GetLayerDefn(handle))!
      defer { OGR_F_Destroy(ogr) }
      for (value, position) in zip(feature.values + (kmlField.map { [$0.value] } ?? []), positions) {
        set(value, field: position, of: ogr, utc: utc)
      }
      if let style = feature.style { OGR_F_SetStyleString(ogr, style) }
      OGR_F_SetGeometryDirectly(ogr, geometry(of: feature, in: layer))
      guard OGR_L_CreateFeature(handle, ogr) == OGRERR_NONE else {
        throw GeoRasterError("cannot write a feature to layer '\(layer.name)' of '\(path)'")
      }
    }
    guard OGR_L_CommitTransaction(handle) == OGRERR_NONE else {
      throw GeoRasterError("cannot write layer '\(layer.name)' of '\(path)'")
    }
  }

  private static func set(_ value: Value, field position: Int32, of feature: OGRFeatureH, utc: Bool) {
    switch value {
    case .text(let text): OGR_F_SetFieldString(feature, position, text)
    case .real(let number): OGR_F_SetFieldDouble(feature, position, number)
    case .integer(let number): OGR_F_SetFieldInteger64(feature, position, Int64(number))
    case .null: OGR_F_SetFieldNull(feature, position)
    case .dateTime(let moment):
      let offset = utc ? 0 : moment.utcOffsetMinutes
      let parts = civil(moment.secondsSinceEpoch + Double(offset * 60))
      // OGR's time zone flag: 100 is UTC, each step of 1 a quarter of an hour east of it.
      OGR_F_SetFieldDateTimeEx(
        feature, position, Int32(parts.year), Int32(parts.month), Int32(parts.day), Int32(parts.hour),
        Int32(parts.minute), Float(parts.second), Int32(100 + offset / 15))
    }
  }

  /// The proleptic Gregorian calendar date and time of `seconds` since 1970-01-01T00:00:00 (H. Hinnant's
  /// civil_from_days).
  static func civil(_ seconds: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double) {
    let days = Int((seconds / 86_400).rounded(.down))
    let within = seconds - Double(days) * 86_400
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let hour = Int(within / 3_600)
    let minute = Int((within - Double(hour) * 3_600) / 60)
    return (
      yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day, hour, minute,
      within - Double(hour) * 3_600 - Double(minute) * 60
    )
  }

  private static func geometry(of feature: Feature, in layer: Layer) -> OGRGeometryH {
    let type = ogrType(layer.geometry == .polygon ? .line : layer.geometry, threeDimensional: layer.threeDimensional)
    let points = layer.geometry == .polygon ? OGR_G_CreateGeometry(wkbLinearRing)! : OGR_G_CreateGeometry(type)!
    if layer.threeDimensional { OGR_G_Set3D(points, 1) }
    for (index, point) in feature.coordinates.enumerated() {
      if layer.threeDimensional {
        OGR_G_SetPoint(points, Int32(index), point.longitude, point.latitude, feature.altitudes?[index] ?? 0)
      } else {
        OGR_G_SetPoint_2D(points, Int32(index), point.longitude, point.latitude)
      }
    }
    guard layer.geometry == .polygon else { return points }
    let polygon = OGR_G_CreateGeometry(ogrType(.polygon, threeDimensional: layer.threeDimensional))!
    OGR_G_AddGeometryDirectly(polygon, points)
    return polygon
  }

  /// QGIS's `layer_styles` table (the one QGIS itself creates in a GeoPackage): one default style per layer.
  private static func writeLayerStyles(_ layers: [Layer], to dataset: GDALDatasetH, path: String) throws {
    let options = ["FID=id"]
    guard
      let handle = GDALRuntime.withStringList(
        options, { GDALDatasetCreateLayer(dataset, "layer_styles", nil, wkbNone, $0) })
    else { throw GeoRasterError("cannot create the layer_styles table in '\(path)'") }
    let fields: [(String, OGRFieldType)] = [
      ("f_table_catalog", OFTString), ("f_table_schema", OFTString), ("f_table_name", OFTString),
      ("f_geometry_column", OFTString), ("styleName", OFTString), ("styleQML", OFTString), ("styleSLD", OFTString),
      ("useAsDefault", OFTInteger), ("description", OFTString), ("owner", OFTString), ("ui", OFTString),
      ("update_time", OFTDateTime),
    ]
    for (name, type) in fields {
      let definition = OGR_Fld_Create(name, type)
      if name == "useAsDefault" { OGR_Fld_SetSubType(definition, OFSTBoolean) }
      OGR_L_CreateField(handle, definition, 1)
      OGR_Fld_Destroy(definition)
    }
    for layer in layers {
      guard let qml = layer.qml, let created = GDALDatasetGetLayerByName(dataset, layer.name) else { continue }
      let ogr = OGR_F_Create(OGR_L_GetLayerDefn(handle))!
      defer { OGR_F_Destroy(ogr) }
      let column = String(cString: OGR_L_GetGeometryColumn(created))
      let text = [
        ("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", layer.name),
        ("f_geometry_column", column), ("styleName", layer.name), ("styleQML", qml), ("styleSLD", ""),
        ("description", "written by airpicture"), ("owner", ""), ("ui", ""),
      ]
      for (name, value) in text { OGR_F_SetFieldString(ogr, OGR_F_GetFieldIndex(ogr, name), value) }
      OGR_F_SetFieldInteger(ogr, OGR_F_GetFieldIndex(ogr, "useAsDefault"), 1)
      guard OGR_L_CreateFeature(handle, ogr) == OGRERR_NONE else {
        throw GeoRasterError("cannot write the style of layer '\(layer.name)' to '\(path)'")
      }
    }
  }
}

extension FeatureWriter.Value {
  fileprivate var isText: Bool {
    if case .text = self { return true }
    return false
  }
}
