import ArgumentParser
import Foundation

/// Names and addresses of Copernicus DEM tiles (GLO-30 at 1", GLO-90 at 3"), one per 1° × 1° cell, named by the
/// cell's south-west corner and served as Cloud Optimized GeoTIFFs in the public AWS open-data buckets (or a mirror
/// laid out the same way).
public struct CopernicusTiles: Sendable {
  /// Which product; `terrain fetch --source` lists the choices in its help and its errors.
  public enum Source: String, CaseIterable, Sendable, ExpressibleByArgument {
    case glo30
    case glo90

    var resolutionCode: String { self == .glo30 ? "10" : "30" }
    var bucket: String { self == .glo30 ? "copernicus-dem-30m" : "copernicus-dem-90m" }
  }

  public let source: Source
  /// The base URL the tiles are under, without a trailing slash: `https://BUCKET.s3.amazonaws.com` by default.
  public let baseURL: String

  /// Tiles of `source`, from the AWS bucket or from `mirror`, a base URL serving `NAME/NAME.tif`.
  public init(source: Source, mirror: String? = nil) {
    self.source = source
    var base = mirror ?? "https://\(source.bucket).s3.amazonaws.com"
    while base.hasSuffix("/") { base.removeLast() }
    baseURL = base
  }

  /// The tile name for the cell whose south-west corner is (`latitude`, `longitude`) in whole degrees,
  /// e.g. `Copernicus_DSM_COG_30_S13_00_W072_00_DEM`.
  public func name(latitude: Int, longitude: Int) -> String {
    let north = latitude >= 0 ? "N" : "S"
    let east = longitude >= 0 ? "E" : "W"
    return String(
      format: "Copernicus_DSM_COG_%@_%@%02d_00_%@%03d_00_DEM", source.resolutionCode, north, abs(latitude), east,
      abs(longitude))
  }

  /// GDAL's `/vsicurl/` path of a tile.
  public func path(latitude: Int, longitude: Int) -> String {
    let tile = name(latitude: latitude, longitude: longitude)
    return "/vsicurl/\(baseURL)/\(tile)/\(tile).tif"
  }

  /// The south-west corners of every tile touching the box west, south, east, north (degrees).
  public static func corners(west: Double, south: Double, east: Double, north: Double) -> [(
    latitude: Int, longitude: Int
  )] {
    let lastLatitude = Int((north).rounded(.up)) - 1
    let lastLongitude = Int((east).rounded(.up)) - 1
    var corners: [(Int, Int)] = []
    for latitude in Int(south.rounded(.down))...max(Int(south.rounded(.down)), lastLatitude) {
      for longitude in Int(west.rounded(.down))...max(Int(west.rounded(.down)), lastLongitude) {
        corners.append((latitude, longitude))
      }
    }
    return corners
  }
}
