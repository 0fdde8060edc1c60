import CGDAL

/// A coordinate reference system through GDAL's OSR, with longitude-first axis order.
public final class SpatialReference {
  let handle: OGRSpatialReferenceH

  /// Parses WKT (or anything `OSRSetFromUserInput` takes, such as "EPSG:32718"); nil when GDAL cannot.
  public init?(wkt: String) {
    GDALRuntime.ensureRegistered()
    guard let handle = OSRNewSpatialReference(nil) else { return nil }
    guard OSRSetFromUserInput(handle, wkt) == OGRERR_NONE else {
      OSRDestroySpatialReference(handle)
      return nil
    }
    OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    self.handle = handle
  }

  deinit { OSRDestroySpatialReference(handle) }

  /// WGS 84 longitude/latitude.
  public static func wgs84() -> SpatialReference { SpatialReference(wkt: "EPSG:4326")! }

  /// Whether coordinates are angular (longitude/latitude).
  public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

  /// The CRS as WKT.
  public var wkt: String {
    var text: UnsafeMutablePointer<CChar>? = nil
    OSRExportToWkt(handle, &text)
    defer { VSIFree(text) }
    return text.map { String(cString: $0) } ?? ""
  }

  /// Transforms points from this CRS into `target`; throws when GDAL has no transformation.
  public func transform(_ points: [(x: Double, y: Double)], to target: SpatialReference) throws -> [(
    x: Double, y: Double
  )] {
    guard let transformation = OCTNewCoordinateTransformation(handle, target.handle) else {
      throw GeoRasterError("no coordinate transformation between these reference systems")
    }
    defer { OCTDestroyCoordinateTransformation(transformation) }
    var xs = points.map(\.x)
    var ys = points.map(\.y)
    guard OCTTransform(transformation, Int32(points.count), &xs, &ys, nil) != 0 else {
      throw GeoRasterError("coordinate transformation failed")
    }
    return zip(xs, ys).map { ($0, $1) }
  }
}

extension SpatialReference {
  /// The WKT of an OSR handle owned by someone else.
  static func wkt(of handle: OGRSpatialReferenceH) -> String {
    var text: UnsafeMutablePointer<CChar>? = nil
    OSRExportToWkt(handle, &text)
    defer { VSIFree(text) }
    return text.map { String(cString: $0) } ?? ""
  }
}
