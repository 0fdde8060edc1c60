import CGDAL

/// Classified grids drawn as filled polygons through OGR: each grid polygonized by GDAL (`GDALPolygonize`, every
/// cell kept, nothing simplified, so a class's polygons cover exactly its cells), and each class written as one
/// feature whose geometry is a single MultiPolygon in WGS 84 (a `MultiGeometry` in KML). Fields by name: `Name`,
/// `Description`, `area_km2` (on the WGS 84 ellipsoid, see `PolygonArea`) and the caller's numbers.
public final class ClassPolygonWriter {
  /// One class of a grid to draw as a feature.
  public struct ClassFeature: Sendable {
    /// The cell value of the class in its grid.
    public var value: UInt8
    public var name: String
    public var description: String
    /// OGR style string, e.g. `PEN(c:#00A000,w:1px);BRUSH(fc:#00A00080)`.
    public var style: String
    /// Numeric fields, by name (`altitude_agl_m`).
    public var numbers: [(name: String, value: Double)]

    /// Creates a class feature.
    public init(
      value: UInt8, name: String, description: String, style: String, numbers: [(name: String, value: Double)]
    ) {
      self.value = value
      self.name = name
      self.description = description
      self.style = style
      self.numbers = numbers
    }
  }

  /// One classified grid (row-major; 0 is drawn as nothing) and its classes to draw.
  public struct Picture: Sendable {
    public var classes: [UInt8]
    public var features: [ClassFeature]

    /// Creates a picture.
    public init(classes: [UInt8], features: [ClassFeature]) {
      self.classes = classes
      self.features = features
    }
  }

  /// A layer (a KML folder, a GeoPackage table) of pictures on one grid.
  public struct Layer: Sendable {
    public var name: String
    public var georeference: RasterGeoreference
    public var pictures: [Picture]

    /// Creates a layer.
    public init(name: String, georeference: RasterGeoreference, pictures: [Picture]) {
      self.name = name
      self.georeference = georeference
      self.pictures = pictures
    }
  }

  /// The `last_change` date GeoPackages carry (a fixed date, so that a run's files depend only on its inputs).
  public static let reproducibleDate = "2000-01-01T00:00:00.000Z"

  /// Writes the layers `body` adds to every one of `destinations`, each with its OGR driver ("GPKG", "KML",
  /// "LIBKML"); each grid is polygonized once for all of them. A class with no cell is left out (it has no
  /// geometry to draw).
  public static func write(
    to destinations: [(driver: String, path: String)], _ body: (ClassPolygonWriter) throws -> Void
  ) throws {
    GDALRuntime.ensureRegistered()
    // Same inputs, same bytes: GeoPackage's `last_change` is otherwise the time of writing.
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", reproducibleDate)
    defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
    try open(destinations[...], datasets: []) { datasets in
      let writer = ClassPolygonWriter(datasets: datasets)
      try body(writer)
    }
  }

  /// Opens each destination under its temporary name, nested so that all are published once `body` succeeds.
  private static func open(
    _ destinations: ArraySlice<(driver: String, path: String)>, datasets: [GDALDatasetH],
    _ body: ([GDALDatasetH]) throws -> Void
  ) throws {
    guard let destination = destinations.first else {
      try body(datasets)
      return
    }
    try AtomicOutput.write(to: destination.path) { temporary in
      guard let driver = GDALGetDriverByName(destination.driver),
        let dataset = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil)
      else {
        throw GeoRasterError(
          "cannot create '\(destination.path)': \(GDALRuntime.lastError(or: "\(destination.driver) driver"))")
      }
      var closed = false
      defer { if !closed { GDALClose(dataset) } }
      try open(destinations.dropFirst(), datasets: datasets + [dataset], body)
      closed = true
      CPLErrorReset()
      GDALClose(dataset)
      guard CPLGetLastErrorType() != CE_Failure else {
        throw GeoRasterError("cannot write '\(destination.path)': \(GDALRuntime.lastError(or: "close failed"))")
      }
    }
  }

  private let datasets: [GDALDatasetH]
  private let wgs84 = SpatialReference.wgs84()

  private init(datasets: [GDALDatasetH]) { self.datasets = datasets }

  /// Polygonizes `layer`'s pictures and writes the layer to every destination.
  public func add(_ layer: Layer) throws {
    let numberNames = Self.unique(layer.pictures.flatMap { $0.features.flatMap { $0.numbers.map(\.name) } })
    var handles: [OGRLayerH] = []
    for dataset in datasets {
      guard let handle = GDALDatasetCreateLayer(dataset, layer.name, wgs84.handle, wkbMultiPolygon, nil) else {
        throw GeoRasterError("cannot create the layer '\(layer.name)': \(GDALRuntime.lastError(or: "OGR"))")
      }
      for field in ["Name", "Description"] { try Self.createField(field, OFTString, in: handle) }
      for field in ["area_km2"] + numberNames { try Self.createField(field, OFTReal, in: handle) }
      handles.append(handle)
    }
    for picture in layer.pictures {
      let parts = try Self.polygons(of: picture.classes, georeference: layer.georeference, into: wgs84)
      defer { for geometry in parts.values { OGR_G_DestroyGeometry(geometry) } }
      for feature in picture.features {
        guard let geometry = parts[feature.value] else { continue }
        let area = try PolygonArea.squareKilometres(ofWGS84: geometry)
        for handle in handles { try Self.add(feature, geometry: geometry, areaKm2: area, to: handle) }
      }
    }
  }

  private static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  private static func createField(_ name: String, _ type: OGRFieldType, in layer: OGRLayerH) throws {
    let definition = OGR_Fld_Create(name, type)
    defer { OGR_Fld_Destroy(definition) }
    guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
      throw GeoRasterError("cannot create the field '\(name)'")
    }
  }

  /// Adds one class (a copy of `geometry`), its fields looked up by name.
  private static func add(_ feature: ClassFeature, geometry: OGRGeometryH, areaKm2 area: Double, to layer: OGRLayerH)
    throws
  {
    let handle = OGR_F_Create(OGR_L_GetLayerDefn(layer))!
    defer { OGR_F_Destroy(handle) }
    func index(_ name: String) -> Int32 { OGR_F_GetFieldIndex(handle, name) }
    OGR_F_SetFieldString(handle, index("Name"), feature.name)
    OGR_F_SetFieldString(handle, index("Description"), feature.description)
    OGR_F_SetFieldDouble(handle, index("area_km2"), area)
    for number in feature.numbers { OGR_F_SetFieldDouble(handle, index(number.name), number.value) }
    OGR_F_SetStyleString(handle, feature.style)
    OGR_F_SetGeometry(handle, geometry)
    guard OGR_L_CreateFeature(layer, handle) == OGRERR_NONE else {
      throw GeoRasterError("cannot write the feature '\(feature.name)': \(GDALRuntime.lastError(or: "OGR"))")
    }
  }

  /// The grid's classes as one MultiPolygon each in `target`, by class value (caller owns them).
  private static func polygons(
    of classes: [UInt8], georeference: RasterGeoreference, into target: SpatialReference
  ) throws -> [UInt8: OGRGeometryH] {
    let raster = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Byte)
    try raster.write(classes, band: 1)
    guard let source = SpatialReference(wkt: georeference.crsWKT),
      let memory = GDALGetDriverByName("Memory"),
      let vectors = GDALCreate(memory, "", 0, 0, 0, GDT_Unknown, nil)
    else { throw GeoRasterError("cannot prepare polygons") }
    defer { GDALClose(vectors) }
    guard let layer = GDALDatasetCreateLayer(vectors, "classes", source.handle, wkbPolygon, nil) else {
      throw GeoRasterError("cannot prepare polygons")
    }
    try createField("value", OFTInteger, in: layer)
    let band = GDALGetRasterBand(raster.handle, 1)
    guard GDALPolygonize(band, band, layer, 0, nil, nil, nil) == CE_None else {
      throw GeoRasterError("cannot polygonize: \(GDALRuntime.lastError(or: "GDALPolygonize"))")
    }
    var result: [UInt8: OGRGeometryH] = [:]
    OGR_L_ResetReading(layer)
    while let feature = OGR_L_GetNextFeature(layer) {
      defer { OGR_F_Destroy(feature) }
      let value = UInt8(clamping: OGR_F_GetFieldAsInteger(feature, 0))
      guard value != 0, let geometry = OGR_F_StealGeometry(feature) else { continue }
      guard OGR_G_TransformTo(geometry, target.handle) == OGRERR_NONE else {
        OGR_G_DestroyGeometry(geometry)
        for part in result.values { OGR_G_DestroyGeometry(part) }
        throw GeoRasterError("cannot transform the polygons to WGS 84")
      }
      let collection = result[value] ?? OGR_G_CreateGeometry(wkbMultiPolygon)!
      OGR_G_AddGeometryDirectly(collection, geometry)
      result[value] = collection
    }
    return result
  }
}
