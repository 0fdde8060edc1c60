import CGDAL

/// Google Earth KML through GDAL/OGR's KML driver: radar sites as placemarks, and coverage masks as outlined
/// polygons (polygonized by GDAL, islands under four cells dropped, simplified to about a cell, transformed to WGS 84).
/// GDAL 3.6's KML driver draws outlines only (it drops a style's BRUSH); LIBKML would fill them but aborts on a
/// SYMBOL style without an id, so filled polygons go to `ClassPolygonWriter` instead.
public enum KMLWriter {
  /// A point to mark.
  public struct Placemark: Sendable {
    public var name: String
    public var description: String
    public var longitude: Double
    public var latitude: Double
    /// OGR style string, e.g. `SYMBOL(c:#FF0000)`.
    public var style: String

    /// Creates a placemark.
    public init(name: String, description: String, longitude: Double, latitude: Double, style: String) {
      self.name = name
      self.description = description
      self.longitude = longitude
      self.latitude = latitude
      self.style = style
    }
  }

  /// A mask (1 = inside) on a grid, drawn as outlined polygons in a folder of its own.
  public struct Outline: Sendable {
    public var name: String
    public var description: String
    public var mask: [UInt8]
    public var georeference: RasterGeoreference
    /// OGR style string, e.g. `PEN(c:#00A000,w:2px);BRUSH(fc:#00A00050)`.
    public var style: String

    /// Creates an outline layer.
    public init(name: String, description: String, mask: [UInt8], georeference: RasterGeoreference, style: String) {
      self.name = name
      self.description = description
      self.mask = mask
      self.georeference = georeference
      self.style = style
    }
  }

  /// Writes `placemarks` (folder `placemarkFolder`) and `outlines` (a folder each) to `path`.
  public static func write(placemarks: [Placemark], placemarkFolder: String, outlines: [Outline], to path: String)
    throws
  {
    GDALRuntime.ensureRegistered()
    let wgs84 = SpatialReference.wgs84()
    try AtomicOutput.write(to: path) { temporary in
      guard let driver = GDALGetDriverByName("KML"),
        let dataset = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil)
      else { throw GeoRasterError("cannot create KML '\(path)': \(GDALRuntime.lastError(or: "KML driver"))") }
      defer { GDALClose(dataset) }
      let sites = try layer(in: dataset, name: placemarkFolder, type: wkbPoint, srs: wgs84)
      for placemark in placemarks {
        let point = OGR_G_CreateGeometry(wkbPoint)!
        OGR_G_SetPoint_2D(point, 0, placemark.longitude, placemark.latitude)
        try add(point, to: sites, name: placemark.name, description: placemark.description, style: placemark.style)
      }
      for outline in outlines {
        let folder = try layer(in: dataset, name: outline.name, type: wkbPolygon, srs: wgs84)
        for polygon in try polygons(of: outline, into: wgs84) {
          try add(polygon, to: folder, name: outline.name, description: outline.description, style: outline.style)
        }
      }
    }
  }

  private static func layer(in dataset: GDALDatasetH, name: String, type: OGRwkbGeometryType, srs: SpatialReference)
    throws -> OGRLayerH
  {
    guard let layer = GDALDatasetCreateLayer(dataset, name, srs.handle, type, nil) else {
      throw GeoRasterError("cannot create KML folder '\(name)'")
    }
    for field in ["Name", "Description"] {
      let definition = OGR_Fld_Create(field, OFTString)
      OGR_L_CreateField(layer, definition, 1)
      OGR_Fld_Destroy(definition)
    }
    return layer
  }

  /// Adds `geometry` (taking ownership) as a feature.
  private static func add(
    _ geometry: OGRGeometryH, to layer: OGRLayerH, name: String, description: String, style: String
  )
    throws
  {
    let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer))!
    defer { OGR_F_Destroy(feature) }
    OGR_F_SetFieldString(feature, OGR_F_GetFieldIndex(feature, "Name"), name)
    OGR_F_SetFieldString(feature, OGR_F_GetFieldIndex(feature, "Description"), description)
    OGR_F_SetStyleString(feature, style)
    OGR_F_SetGeometryDirectly(feature, geometry)
    guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
      throw GeoRasterError("cannot write KML feature '\(name)'")
    }
  }

  /// The mask's inside as polygons in `target` (caller owns them).
  private static func polygons(of outline: Outline, into target: SpatialReference) throws -> [OGRGeometryH] {
    let raster = try MemoryRaster(georeference: outline.georeference, bands: 1, type: GDT_Byte)
    try raster.write(outline.mask, band: 1)
    guard let source = SpatialReference(wkt: outline.georeference.crsWKT),
      let memory = GDALGetDriverByName("Memory"),
      let vectors = GDALCreate(memory, "", 0, 0, 0, GDT_Unknown, nil)
    else { throw GeoRasterError("cannot prepare polygons for '\(outline.name)'") }
    defer { GDALClose(vectors) }
    guard let layer = GDALDatasetCreateLayer(vectors, "mask", source.handle, wkbPolygon, nil) else {
      throw GeoRasterError("cannot prepare polygons for '\(outline.name)'")
    }
    let field = OGR_Fld_Create("value", OFTInteger)
    OGR_L_CreateField(layer, field, 1)
    OGR_Fld_Destroy(field)
    let band = GDALGetRasterBand(raster.handle, 1)
    guard GDALPolygonize(band, band, layer, 0, nil, nil, nil) == CE_None else {
      throw GeoRasterError("cannot polygonize '\(outline.name)': \(GDALRuntime.lastError(or: "GDALPolygonize"))")
    }
    let tolerance = outline.georeference.cellWidth
    let smallest = 4 * outline.georeference.cellWidth * outline.georeference.cellHeight
    var result: [OGRGeometryH] = []
    OGR_L_ResetReading(layer)
    while let feature = OGR_L_GetNextFeature(layer) {
      defer { OGR_F_Destroy(feature) }
      // Islands under four cells are noise at map scale; they would bloat the file.
      guard let geometry = OGR_F_GetGeometryRef(feature), OGR_G_Area(geometry) >= smallest,
        let simple = OGR_G_SimplifyPreserveTopology(geometry, tolerance)
      else { continue }
      guard OGR_G_TransformTo(simple, target.handle) == OGRERR_NONE else {
        OGR_G_DestroyGeometry(simple)
        throw GeoRasterError("cannot transform '\(outline.name)' to WGS 84")
      }
      result.append(simple)
    }
    return result
  }
}
