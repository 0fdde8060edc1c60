import CGDAL

/// Vector layers read back through OGR, every layer of a file with its features' attributes by field name (as OGR
/// renders them in text, date-times also as moments), coordinates with altitudes, and style: for checking what
/// `FeatureWriter` wrote, and for layers an analyst drew.
public enum FeatureReader {
  /// One feature: attributes by field name, its points as (longitude, latitude) or the layer CRS's (x, y) (a
  /// polygon's rings one after the other), their altitudes when the geometry is 3D, its date-time fields, and its OGR
  /// style string.
  public struct Feature: Sendable {
    public var values: [String: String]
    public var coordinates: [(x: Double, y: Double)]
    public var altitudes: [Double]?
    public var dateTimes: [String: FeatureWriter.DateTime]
    public var style: String?
  }

  /// One layer (a KML folder): its name, geometry type as OGR names it ("3D Line String"), field names and OGR type
  /// names ("DateTime") in order, and its features in order.
  public struct Layer: Sendable {
    public var name: String
    public var geometryType: String
    public var fields: [String]
    public var fieldTypes: [String: String]
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
      let fieldDefinitions = (0..<OGR_FD_GetFieldCount(definition)).map { OGR_FD_GetFieldDefn(definition, $0) }
      let fields = fieldDefinitions.map { String(cString: OGR_Fld_GetNameRef($0)) }
      let types = fieldDefinitions.map { OGR_Fld_GetType($0) }
      var features: [Feature] = []
      OGR_L_ResetReading(layer)
      while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        var values: [String: String] = [:]
        var dateTimes: [String: FeatureWriter.DateTime] = [:]
        for (index, field) in fields.enumerated() where OGR_F_IsFieldSetAndNotNull(feature, Int32(index)) != 0 {
          values[field] = String(cString: OGR_F_GetFieldAsString(feature, Int32(index)))
          if types[index] == OFTDateTime, let moment = dateTime(of: feature, field: Int32(index)) {
            dateTimes[field] = moment
          }
        }
        var coordinates: [(x: Double, y: Double)] = []
        var altitudes: [Double] = []
        var threeDimensional = false
        if let geometry = OGR_F_GetGeometryRef(feature) {
          threeDimensional = OGR_G_Is3D(geometry) != 0
          collect(geometry, into: &coordinates, altitudes: &altitudes)
        }
        let style = OGR_F_GetStyleString(feature).map { String(cString: $0) }
        features.append(
          Feature(
            values: values, coordinates: coordinates, altitudes: threeDimensional ? altitudes : nil,
            dateTimes: dateTimes, style: style))
      }
      return Layer(
        name: String(cString: OGR_L_GetName(layer)),
        geometryType: String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(layer))), fields: fields,
        fieldTypes: Dictionary(
          zip(fields, types.map { String(cString: OGR_GetFieldTypeName($0)) }), uniquingKeysWith: { a, _ in a }),
        features: features)
    }
  }

  /// The points of `geometry` and of the parts it is made of, in order.
  private static func collect(
    _ geometry: OGRGeometryH, into coordinates: inout [(x: Double, y: Double)], altitudes: inout [Double]
  ) {
    let parts = OGR_G_GetGeometryCount(geometry)
    if parts > 0 {
      for part in 0..<parts {
        if let child = OGR_G_GetGeometryRef(geometry, part) {
          collect(child, into: &coordinates, altitudes: &altitudes)
        }
      }
      return
    }
    for point in 0..<OGR_G_GetPointCount(geometry) {
      coordinates.append((OGR_G_GetX(geometry, point), OGR_G_GetY(geometry, point)))
      altitudes.append(OGR_G_GetZ(geometry, point))
    }
  }

  /// A date-time field as a moment with its stated offset; nil when it states no time zone.
  private static func dateTime(of feature: OGRFeatureH, field: Int32) -> FeatureWriter.DateTime? {
    var year: Int32 = 0
    var month: Int32 = 0
    var day: Int32 = 0
    var hour: Int32 = 0
    var minute: Int32 = 0
    var second: Float = 0
    var zone: Int32 = 0
    guard OGR_F_GetFieldAsDateTimeEx(feature, field, &year, &month, &day, &hour, &minute, &second, &zone) != 0,
      zone >= 100 || (zone > 1 && zone < 100)
    else { return nil }
    let offsetMinutes = (Int(zone) - 100) * 15
    let local =
      Double(daysFromCivil(Int(year), Int(month), Int(day))) * 86_400 + Double(hour) * 3_600 + Double(minute) * 60
      + Double(second)
    return FeatureWriter.DateTime(
      secondsSinceEpoch: local - Double(offsetMinutes * 60), utcOffsetMinutes: offsetMinutes)
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
