import CGDAL
import Foundation

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

  private init(adopting handle: OGRSpatialReferenceH) {
    OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    self.handle = handle
  }

  deinit { OSRDestroySpatialReference(handle) }

  /// WGS 84 longitude/latitude (from PROJ's database, or GDAL's built-in definition when the database is missing:
  /// call `requireProjDatabase()` first where a missing database must be refused).
  public static func wgs84() -> SpatialReference {
    if let reference = SpatialReference(wkt: "EPSG:4326") { return reference }
    GDALRuntime.ensureRegistered()
    guard let handle = OSRNewSpatialReference(nil), OSRSetWellKnownGeogCS(handle, "WGS84") == OGRERR_NONE else {
      fatalError("GDAL cannot define WGS 84: \(GDALRuntime.lastError(or: "OSR failed"))")
    }
    return SpatialReference(adopting: handle)
  }

  /// Whether PROJ's database answered (checked once per process).
  private static let projDatabaseProblem: String? = {
    GDALRuntime.ensureRegistered()
    guard let handle = OSRNewSpatialReference(nil) else { return "GDAL cannot create a spatial reference" }
    defer { OSRDestroySpatialReference(handle) }
    CPLErrorReset()
    guard OSRImportFromEPSG(handle, 4326) == OGRERR_NONE else {
      return GDALRuntime.lastError(or: "EPSG:4326 not found")
    }
    return nil
  }()

  /// Throws one line when PROJ's database (proj.db) cannot be found, so that no CRS can be trusted.
  public static func requireProjDatabase() throws {
    guard let problem = projDatabaseProblem else { return }
    let environment = ProcessInfo.processInfo.environment
    let setting =
      ["PROJ_DATA", "PROJ_LIB"].compactMap { name in environment[name].map { "\(name)=\($0)" } }.first
      ?? "PROJ_DATA unset"
    throw GeoRasterError(
      "PROJ's database (proj.db) is missing (\(setting); \(problem.split(separator: "\n").first ?? "")): "
        + "set PROJ_DATA to the folder that holds proj.db (Debian: /usr/share/proj, package proj-data)")
  }

  /// Whether coordinates are angular (longitude/latitude).
  public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

  /// Whether this is WGS 84 longitude/latitude (any axis order), the datum of every site.
  public var isWGS84Geographic: Bool {
    guard isGeographic else { return false }
    let wgs84 = SpatialReference.wgs84()
    return GDALRuntime.withStringList(["CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS"]) { options in
      OSRIsSameEx(handle, wgs84.handle, options.map { UnsafePointer(OpaquePointer($0)) }) != 0
    }
  }

  /// A short name of the CRS ("WGS 84 / UTM zone 18S").
  public var name: String { OSRGetName(handle).map { String(cString: $0) } ?? "unnamed CRS" }

  /// The linear unit of a projected CRS: its name and its length in metres.
  public var linearUnit: (name: String, metres: Double) {
    var name: UnsafeMutablePointer<CChar>? = nil
    let metres = OSRGetLinearUnits(handle, &name)
    return (name.map { String(cString: $0) } ?? "unknown", metres)
  }

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
    CPLErrorReset()
    guard let transformation = OCTNewCoordinateTransformation(handle, target.handle) else {
      throw GeoRasterError(
        "no coordinate transformation from \(name) to \(target.name): "
          + GDALRuntime.lastError(or: "PROJ knows none"))
    }
    defer { OCTDestroyCoordinateTransformation(transformation) }
    var xs = points.map(\.x)
    var ys = points.map(\.y)
    guard OCTTransform(transformation, Int32(points.count), &xs, &ys, nil) != 0,
      xs.allSatisfy(\.isFinite), ys.allSatisfy(\.isFinite)
    else {
      throw GeoRasterError("coordinate transformation from \(name) to \(target.name) failed")
    }
    return zip(xs, ys).map { ($0, $1) }
  }

  /// How much longer a short step of this projected CRS is than the ground it spans, at a WGS 84 longitude and
  /// latitude: planar length / geodesic length on the WGS 84 ellipsoid, for a step east and a step north (1 where
  /// CRS coordinates are ground metres; 1/cos(latitude) for Web Mercator; 1/0.3048 for a CRS in feet).
  public func planarToGroundRatio(longitude: Double, latitude: Double) throws -> (east: Double, north: Double) {
    let wgs84 = SpatialReference.wgs84()
    let centre = try wgs84.transform([(longitude, latitude)], to: self)[0]
    let step = 100.0
    let ends = try transform([(centre.x + step, centre.y), (centre.x, centre.y + step)], to: wgs84)
    return (
      step / Self.groundDistance(from: (longitude, latitude), to: ends[0]),
      step / Self.groundDistance(from: (longitude, latitude), to: ends[1])
    )
  }

  /// The length on the WGS 84 ellipsoid of a short step between two longitude/latitude points (local metric:
  /// meridional and prime-vertical radii of curvature), in metres.
  static func groundDistance(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) -> Double {
    let a = 6_378_137.0
    let flattening = 1 / 298.257_223_563
    let eccentricitySquared = flattening * (2 - flattening)
    let latitude = (start.y + end.y) / 2 * .pi / 180
    let w = 1 - eccentricitySquared * sin(latitude) * sin(latitude)
    let meridional = a * (1 - eccentricitySquared) / (w * w.squareRoot())
    let primeVertical = a / w.squareRoot()
    var longitudeStep = end.x - start.x
    longitudeStep -= 360 * (longitudeStep / 360).rounded()
    let north = (end.y - start.y) * .pi / 180 * meridional
    let east = longitudeStep * .pi / 180 * primeVertical * cos(latitude)
    return (north * north + east * east).squareRoot()
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
