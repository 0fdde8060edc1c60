import CoverageKernel
import Foundation
import GeoRaster
import RadarModels

/// A DEM opened through GDAL, handing out just the windows that radars' ranges need, as heights in metres on a
/// grid whose distances the kernel can trust. Everything wrong with a DEM is refused here in one line, or converted:
/// - refused: fewer than 2 x 2 cells; cells that are not finite, below 1e-7° (1 mm projected) or absurdly large;
///   latitudes beyond the poles; a projected CRS whose unit is not the metre, or whose planar distances differ from
///   ground distances by more than `groundDistortionTolerance` at a site (Web Mercator away from the equator);
///   a height unit it does not know; a missing PROJ database; anything not a regular file (a FIFO would block).
/// - converted: GDAL's scale and offset, and heights in feet (or dm, cm, mm, km), to metres; sites from WGS 84 into
///   the DEM's CRS whenever it is not WGS 84 (datum shifts included); site longitudes into the DEM's range (0-360°
///   DEMs); a global geographic DEM wraps across the antimeridian (a second copy 360° east, through a GDAL VRT).
/// - voids (NaN): no-data, masked (alpha or mask band), non-finite cells, and cells below
///   `lowestPlausibleHeight` (SRTM's -32768 without a declared no-data), these with a warning in `warnings`.
public struct TerrainSource {
  /// The opened raster (for a global DEM, the wrapped one: 360° plus its own width of longitude).
  public let dataset: RasterDataset
  /// Its grid.
  public let geometry: GridGeometry
  /// The CRS sites are transformed into; nil when the DEM is in WGS 84 longitude/latitude.
  private let crs: SpatialReference?
  /// Metres per unit of the DEM's heights.
  private let metresPerUnit: Double
  /// Whether the DEM spans the globe's longitudes and is presented wrapped.
  public let wrapsAroundTheGlobe: Bool
  private let openingWarnings: [String]
  private let voidLog = VoidLog()
  /// When set, voids read in a window are filled by GDAL (`GDALFillNodata`, inverse-distance interpolation) from
  /// valid terrain up to this many cells away; the filled heights are an estimate (see `filledVoidCells`).
  public var voidFillDistance: Double?
  /// Void cells filled so far by `voidFillDistance`.
  public var filledVoidCells: Int { voidLog.filled }

  /// Heights below this (metres) are not terrain (the deepest ocean trench is about -11,000 m): read as voids.
  public static let lowestPlausibleHeight: Float = -12_000
  /// The largest relative difference between planar and ground distances accepted at a site on a projected DEM.
  public static let groundDistortionTolerance = 0.01
  /// The smallest cell accepted: 1e-7° on geographic DEMs, 1 mm on projected ones.
  public static let smallestCell = (degrees: 1e-7, metres: 1e-3)

  /// Opens the DEM at `path`; throws one line when it is missing, unreadable, or unfit (see the type's summary).
  public init(path: String) throws {
    let opened = try RasterDataset(path: path)
    let reference = opened.georeference
    guard reference.width >= 2, reference.height >= 2 else {
      throw PipelineError(
        "DEM '\(path)' is \(reference.width) x \(reference.height) cells: a DEM must be at least 2 x 2 cells")
    }
    guard let crs = SpatialReference(wkt: reference.crsWKT) else {
      throw PipelineError("DEM '\(path)': GDAL cannot parse its coordinate reference system")
    }
    try Self.checkCells(reference, path: path)
    if !reference.isGeographic { try Self.checkLinearUnit(crs, reference: reference, path: path) }
    guard let metresPerUnit = opened.metresPerUnit else {
      throw PipelineError(
        "DEM '\(path)' has heights in '\(opened.unitType)', a unit AirPicture does not know: convert them to metres "
          + "(gdal_translate -scale) and declare it (gdal_edit.py -units m)")
    }
    self.metresPerUnit = metresPerUnit
    self.crs = crs.isWGS84Geographic ? nil : crs
    let span = Double(reference.width) * reference.cellWidth
    wrapsAroundTheGlobe = reference.isGeographic && span >= 360 - reference.cellWidth / 2
    dataset = wrapsAroundTheGlobe ? try opened.wrappedEastward() : opened
    geometry = GridGeometry(dataset.georeference)
    var warnings: [String] = []
    if let minimum = opened.approximateMinimum, minimum * metresPerUnit < Double(Self.lowestPlausibleHeight) {
      warnings.append(
        Self.implausibleHeightsWarning(path: path, detail: "heights down to \(minimum * metresPerUnit) m"))
    }
    openingWarnings = warnings
  }

  /// What is wrong with the DEM but was handled (voids made of implausible heights), one line each.
  public var warnings: [String] {
    let count = voidLog.count
    guard openingWarnings.isEmpty, count > 0 else { return openingWarnings }
    return [Self.implausibleHeightsWarning(path: dataset.path, detail: "\(count) cells read so far")]
  }

  /// A WGS 84 longitude/latitude in the DEM's coordinate system: transformed (datum included) unless the DEM is in
  /// WGS 84, its longitude brought into the DEM's range; on a projected DEM, refused when planar distances there
  /// are not ground distances.
  public func position(latitude: Double, longitude: Double) throws -> MapPoint {
    guard let crs else { return MapPoint(x: geographicX(longitude), y: latitude) }
    let point = try SpatialReference.wgs84().transform([(longitude, latitude)], to: crs)[0]
    if crs.isGeographic { return MapPoint(x: geographicX(point.x), y: point.y) }
    let ratio = try crs.planarToGroundRatio(longitude: longitude, latitude: latitude)
    let distortion = max(abs(ratio.east - 1), abs(ratio.north - 1))
    guard distortion <= Self.groundDistortionTolerance else {
      throw PipelineError(
        "DEM '\(dataset.path)' (\(crs.name)): planar distances differ from ground distances by "
          + String(format: "%.2f", distortion * 100) + " % at (\(latitude), \(longitude)), more than "
          + "\(Self.groundDistortionTolerance * 100) %: reproject it to a conformal CRS in metres for the area, e.g. "
          + "gdalwarp -t_srs \(Self.utmCode(longitude: longitude, latitude: latitude)) '\(dataset.path)' dem-utm.tif")
    }
    return MapPoint(x: point.x, y: point.y)
  }

  /// A position in the DEM's coordinate system as WGS 84 longitude/latitude (longitude within -180...180).
  public func coordinate(of point: MapPoint) throws -> GeoCoordinate {
    var x = point.x
    if dataset.georeference.isGeographic { x = Self.normalised(x, from: -180) }
    guard let crs else { return GeoCoordinate(latitude: point.y, longitude: x) }
    let result = try crs.transform([(x, point.y)], to: SpatialReference.wgs84())[0]
    return GeoCoordinate(latitude: result.y, longitude: Self.normalised(result.x, from: -180))
  }

  /// Reads the terrain in `window`, in metres, voids as NaN.
  public func read(_ window: GridWindow) throws -> ElevationGrid {
    var read = try dataset.readValues(
      column: window.column, row: window.row, width: window.width, height: window.height,
      metresPerUnit: metresPerUnit, lowest: Self.lowestPlausibleHeight)
    if read.belowLowest > 0 { voidLog.add(read.belowLowest) }
    if let distance = voidFillDistance, read.voids > 0 {
      let filled = try VoidFilling.fill(&read.values, georeference: georeference(of: window), maximumDistance: distance)
      voidLog.addFilled(filled)
      read.voids -= filled
    }
    // The kernel tracks voids in the same sweep when told to expect them (else it sweeps again when it meets one).
    return ElevationGrid(geometry: geometry.subgrid(window), heights: read.values, voidsExpected: read.voids > 0)
  }

  /// The georeference of `window` (for writing outputs on the DEM's grid).
  public func georeference(of window: GridWindow) -> RasterGeoreference {
    RasterGeoreference(geometry.subgrid(window), crsWKT: dataset.georeference.crsWKT)
  }

  /// A longitude of the DEM's datum as the grid's x: within the DEM's columns where a turn of 360° puts it there
  /// (0-360° DEMs), and in the middle turn of a wrapped global DEM so that windows on both sides of it exist.
  private func geographicX(_ longitude: Double) -> Double {
    let west = geometry.originX
    if wrapsAroundTheGlobe { return Self.normalised(longitude, from: west + 180) }
    let east = west + Double(geometry.width) * geometry.cellWidth
    for turn in [0.0, 360, -360] where (west...east).contains(longitude + turn) { return longitude + turn }
    return longitude
  }

  /// `angle` brought into [start, start + 360).
  private static func normalised(_ angle: Double, from start: Double) -> Double {
    let turns = ((angle - start) / 360).rounded(.down)
    return angle - 360 * turns
  }

  private static func implausibleHeightsWarning(path: String, detail: String) -> String {
    "DEM '\(path)' has heights below \(Int(lowestPlausibleHeight)) m (\(detail); SRTM-style -32768 voids "
      + "without a declared no-data?): they are read as voids (declare them: gdal_edit.py -a_nodata -32768)"
  }

  /// The EPSG code of the WGS 84 UTM zone of a point (a reprojection the kernel measures in ground metres).
  private static func utmCode(longitude: Double, latitude: Double) -> String {
    let zone = min(60, max(1, Int(((normalised(longitude, from: -180) + 180) / 6).rounded(.down)) + 1))
    return "EPSG:\(latitude < 0 ? 32_700 + zone : 32_600 + zone)"
  }

  /// Refuses cells that are not finite, too small for the kernel's arithmetic, or larger than the Earth.
  private static func checkCells(_ reference: RasterGeoreference, path: String) throws {
    let cells = [reference.cellWidth, reference.cellHeight]
    let (smallest, largest, unit) =
      reference.isGeographic
      ? (smallestCell.degrees, 10.0, "°") : (smallestCell.metres, 100_000.0, " CRS units")
    guard cells.allSatisfy({ $0.isFinite && $0 >= smallest && $0 <= largest }) else {
      throw PipelineError(
        "DEM '\(path)' has \(reference.cellWidth) x \(reference.cellHeight)\(unit) cells: cells must lie between "
          + "\(smallest) and \(largest)\(unit)")
    }
    guard reference.isGeographic else { return }
    let south = reference.originY - Double(reference.height) * reference.cellHeight
    let halfCell = reference.cellHeight / 2
    guard reference.originY <= 90 + halfCell, south >= -90 - halfCell,
      Double(reference.width) * reference.cellWidth <= 360 + 2 * reference.cellWidth
    else {
      throw PipelineError(
        "DEM '\(path)' spans latitudes \(south) to \(reference.originY) and "
          + "\(Double(reference.width) * reference.cellWidth)° of longitude: a geographic DEM must lie within "
          + "-90...90° and 360°")
    }
  }

  /// Refuses a projected CRS whose unit is not the metre (feet would shrink every distance and area).
  private static func checkLinearUnit(_ crs: SpatialReference, reference: RasterGeoreference, path: String) throws {
    let unit = crs.linearUnit
    guard abs(unit.metres - 1) > 1e-9 else { return }
    let centre = MapPoint(
      x: reference.originX + Double(reference.width) * reference.cellWidth / 2,
      y: reference.originY - Double(reference.height) * reference.cellHeight / 2)
    let target =
      (try? crs.transform([(centre.x, centre.y)], to: SpatialReference.wgs84())[0]).map {
        utmCode(longitude: $0.x, latitude: $0.y)
      } ?? "EPSG:327ZZ"
    throw PipelineError(
      "DEM '\(path)' (\(crs.name)) has coordinates in \(unit.name) (\(unit.metres) m), and AirPicture measures "
        + "projected DEMs in metres: reproject it, e.g. gdalwarp -t_srs \(target) '\(path)' dem-metres.tif")
  }
}

/// A count of implausible heights met while reading, shared by the copies of a `TerrainSource`.
private final class VoidLog: @unchecked Sendable {
  private let lock = NSLock()
  private var total = 0
  private var filledTotal = 0

  var count: Int { lock.withLock { total } }
  var filled: Int { lock.withLock { filledTotal } }

  func add(_ count: Int) { lock.withLock { total += count } }
  func addFilled(_ count: Int) { lock.withLock { filledTotal += count } }
}
