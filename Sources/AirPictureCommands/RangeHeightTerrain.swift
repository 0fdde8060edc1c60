import CoverageKernel
import CoveragePipeline
import Foundation

/// The terrain under one line from a radar site, read from a DEM for `profile` and `vcd`: the site placed, the
/// antenna's altitude, and only the cells around the line read.
struct RangeHeightTerrain {
  let source: TerrainSource
  let demPath: String
  /// The site in the DEM's coordinates.
  let start: MapPoint
  let siteName: String
  let site: SiteSpecification
  let earth: EarthModel
  /// Sampling step along the line, metres.
  let step: Double

  /// Opens `dem` and places `site` on it; throws one line when the DEM cannot be read or the site lies outside it.
  init(dem: String, site: SiteSpecification, k: Double, step: Double?) throws {
    source = try TerrainSource(path: dem)
    demPath = dem
    self.site = site
    siteName = site.name(ordinal: 1)
    earth = EarthModel(refractionFactor: k)
    start = try source.position(latitude: site.latitude, longitude: site.longitude)
    guard source.geometry.contains(start) else {
      throw CommandError(
        "site '\(siteName)' (\(Self.format(site.latitude)), \(Self.format(site.longitude))) lies outside the DEM "
          + "'\(dem)'")
    }
    let cell = source.geometry.cellSizeInMetres(nearY: start.y, earthRadius: earth.radius)
    self.step = step ?? min(cell.width, cell.height)
  }

  /// Where the line from the site along `azimuth` (radians) reaches after `distance` metres, in the DEM's
  /// coordinates.
  func point(azimuth: Double, distance: Double) -> MapPoint {
    switch source.geometry.coordinateSystem {
    case .geographic:
      let point = Geodesy.destination(
        latitude: start.y, longitude: start.x, azimuth: azimuth, distance: distance, radius: earth.radius)
      return MapPoint(x: point.longitude, y: point.latitude)
    case .projected:
      return MapPoint(x: start.x + distance * sin(azimuth), y: start.y + distance * cos(azimuth))
    }
  }

  /// The azimuth (radians) and length (metres) of the line from the site to `end` (DEM coordinates).
  func line(to end: MapPoint) -> (azimuth: Double, length: Double) {
    switch source.geometry.coordinateSystem {
    case .geographic:
      return (
        Geodesy.azimuth(fromLatitude: start.y, longitude: start.x, toLatitude: end.y, longitude: end.x),
        Geodesy.distance(
          fromLatitude: start.y, longitude: start.x, toLatitude: end.y, longitude: end.x, radius: earth.radius)
      )
    case .projected:
      let angle = atan2(end.x - start.x, end.y - start.y)
      return (angle < 0 ? angle + 2 * .pi : angle, hypot(end.x - start.x, end.y - start.y))
    }
  }

  /// The profile along `azimuth` for `length` metres with the beam's elevation limits (degrees). Throws one line
  /// when the line leaves the DEM or the site stands on a void.
  func profile(azimuth: Double, length: Double, minimumElevation: Double?, maximumElevation: Double?) throws
    -> TerrainProfile
  {
    let geometry = source.geometry
    let points = (0...128).map { point(azimuth: azimuth, distance: length * Double($0) / 128) }
    if let outside = points.firstIndex(where: { !geometry.contains($0) }) {
      throw CommandError(
        "the line from '\(siteName)' leaves the DEM '\(demPath)' at about "
          + String(format: "%.0f km", length * Double(outside) / 128 / 1_000)
          + ": shorten it or use a DEM that holds it")
    }
    let columns = points.map { geometry.column(ofX: $0.x) }
    let rows = points.map { geometry.row(ofY: $0.y) }
    let left = max(Int(columns.min()!.rounded(.down)) - 2, 0)
    let right = min(Int(columns.max()!.rounded(.up)) + 2, geometry.width - 1)
    let top = max(Int(rows.min()!.rounded(.down)) - 2, 0)
    let bottom = min(Int(rows.max()!.rounded(.up)) + 2, geometry.height - 1)
    let window = GridWindow(column: left, row: top, width: right - left + 1, height: bottom - top + 1)
    if let note = try MemoryBudget.check(
      window.cellCount * MemoryLayout<Float>.size * 2, for: "the terrain under the line on '\(demPath)'",
      remedy: "shorten the line, or use a coarser DEM (gdalwarp -tr)")
    {
      FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8))
    }
    let terrain = try source.read(window)
    let radar = RadarSite(
      name: siteName, position: start, antenna: site.antenna, limits: CoverageLimits(maximumRange: length))
    let antenna: Double
    do {
      antenna = try radar.antennaAltitude(over: terrain)
    } catch {
      throw CommandError(
        "site '\(siteName)': \(error); give its ground elevation in metres as a fifth field, "
          + "--site LAT,LON,HEIGHT_AGL,NAME,GROUND_M")
    }
    return TerrainProfile(
      terrain: terrain, from: start, antennaAltitude: antenna, azimuth: azimuth, length: length, step: step,
      earth: earth, minimumElevation: minimumElevation, maximumElevation: maximumElevation)
  }

  /// Latitude and longitude of a DEM position (NaN when the DEM's CRS cannot say).
  func coordinate(of point: MapPoint) -> (latitude: Double, longitude: Double) {
    guard let place = try? source.coordinate(of: point) else { return (.nan, .nan) }
    return (place.latitude, place.longitude)
  }

  static func format(_ degrees: Double) -> String { String(format: "%g", degrees) }
}
