import ArgumentParser
import Foundation
import GeoRaster
import OutputFiles

/// `airpicture terrain fetch`: a DEM of Copernicus tiles over HTTP through GDAL's `/vsicurl/`.
struct TerrainFetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Mosaic Copernicus DEM tiles (GLO-90 or GLO-30) over a box into a VRT or GeoTIFF (needs internet).",
    discussion: """
      Coordinates are decimal degrees, negative south and west, typed as they are (--bbox -75,-13,-74,-12).

      Examples:
        airpicture terrain fetch --bbox -75,-13,-74,-12 --out cusco.tif
        airpicture terrain fetch --bbox -82,-19,-68,0 --source glo90 --out peru.vrt
      """)

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Box: west, south, east, north edges in degrees.", valueName: BoundingBox.valueName),
    transform: BoundingBox.init(parsing:))
  var bbox: BoundingBox

  @Option(help: "glo90 (3\", about 90 m) or glo30 (1\", about 30 m).")
  var source: CopernicusTiles.Source = .glo90

  @Option(
    help: ArgumentHelp("Output: .vrt keeps tiles remote, .tif downloads the box into a GeoTIFF.", valueName: "path"))
  var out: String = "dem.tif"

  @Option(
    help: ArgumentHelp(
      "Give up, writing nothing, when the download has taken this many seconds in all.", valueName: "seconds"))
  var timeoutS: Double = 300

  @Option(help: ArgumentHelp("Tiles downloaded at once (1-32).", valueName: "n"))
  var connections: Int = 8

  @Option(
    help: ArgumentHelp(
      "Base URL of a mirror serving NAME/NAME.tif as the AWS buckets do (default: the AWS open-data bucket).",
      valueName: "url"))
  var mirror: String?

  /// Most tiles one fetch mosaics.
  static let maximumTiles = 400

  func validate() throws {
    guard timeoutS.isFinite, timeoutS > 0 else {
      throw ValidationError("--timeout-s must be positive, got \(timeoutS)")
    }
    guard (1...32).contains(connections) else {
      throw ValidationError("--connections must be 1 to 32, got \(connections)")
    }
    if let mirror, !(mirror.hasPrefix("http://") || mirror.hasPrefix("https://")) {
      throw ValidationError("--mirror must be an http:// or https:// URL, got '\(mirror)'")
    }
    let tiles = bbox.tileCorners.count
    guard tiles <= Self.maximumTiles else {
      throw ValidationError("--bbox spans \(tiles) tiles; keep it under \(Self.maximumTiles)")
    }
  }

  func run() throws {
    // The temporary folder is where tiles are gathered; clear what killed fetches left there.
    StaleTemporaries.clean(in: [NSTemporaryDirectory()])
    let corners = bbox.tileCorners
    let tiles = CopernicusTiles(source: source, mirror: mirror)
    let reporter = ProgressReporter()
    do {
      try AtomicOutput.checkDirectory(of: out)
      reporter.begin("fetching \(corners.count) Copernicus \(source.rawValue.uppercased()) tiles")
      let count: Int
      do {
        count = try RasterMosaic.build(
          sources: corners.map { tiles.path(latitude: $0.latitude, longitude: $0.longitude) },
          bounds: (bbox.west, bbox.south, bbox.east, bbox.north), to: out,
          limits: TileFetchLimits(timeoutSeconds: timeoutS, connections: connections),
          progress: { reporter.update($0) })
      } catch {
        reporter.finish()
        throw error
      }
      reporter.finish()
      let absent = corners.count - count
      let absentNote = absent == 0 ? "" : " (\(absent) absent from the server: open sea, no Copernicus tile)"
      print(
        "wrote \(out) from \(count) of \(corners.count) Copernicus \(source.rawValue.uppercased()) tiles\(absentNote)")
      print(
        "Copernicus DEM: produced using Copernicus WorldDEM-30/90, (c) DLR e.V. 2010-2014 and (c) Airbus 2014-2018, provided under COPERNICUS by the European Union and ESA"
      )
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    } catch let timeout as TileFetchTimeout {
      throw CommandError(Self.describe(timeout))
    }
  }

  /// One line: how many tiles arrived, which did not and from where, and what to change.
  static func describe(_ timeout: TileFetchTimeout) -> String {
    let names = timeout.unfinished.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    let server = timeout.unfinished.first.flatMap { serverName(of: $0) }.map { " from \($0)" } ?? ""
    let listed = names.prefix(2).joined(separator: ", ") + (names.count > 2 ? " and \(names.count - 2) more" : "")
    return
      "terrain fetch gave up after \(String(format: "%g", timeout.seconds)) s (--timeout-s): \(timeout.arrived) of "
      + "\(timeout.total) tiles arrived; \(names.count) did not finish in time\(server) (\(listed)); nothing written. "
      + "Raise --timeout-s or shrink --bbox"
  }

  /// `scheme://host[:port]` of a `/vsicurl/` path.
  private static func serverName(of path: String) -> String? {
    let url = path.hasPrefix("/vsicurl/") ? String(path.dropFirst("/vsicurl/".count)) : path
    guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
    else { return nil }
    return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
  }
}
