import ArgumentParser
import CoverageKernel
import Foundation

/// A radar site as typed on the command line: `LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]]` in degrees and metres.
/// `GROUND_M` (metres above mean sea level) replaces the DEM's ground under the antenna, for a site on a DEM void.
public struct SiteSpecification: Equatable, Sendable {
  /// The value's format, as help and errors show it.
  public static let format = "LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]]"
  /// The value's name in help (`--site <lat,lon,agl_m[,name[,ground_m]]>`).
  public static let valueName = "lat,lon,agl_m[,name[,ground_m]]"

  public let latitude: Double
  public let longitude: Double
  public let antennaHeight: Double
  /// The name typed, or nil: unnamed sites are numbered in `--site` order (see `name(ordinal:)`).
  public let givenName: String?
  public let groundElevation: Double?

  /// The antenna's height as the kernel takes it: above the DEM, or above sea level when the ground is given.
  public var antenna: AntennaHeight {
    groundElevation.map { .aboveSeaLevel($0 + antennaHeight) } ?? .aboveGround(antennaHeight)
  }

  /// The site's name: the one typed, or "site N" for the `ordinal`-th `--site` (from 1).
  public func name(ordinal: Int) -> String { givenName ?? "site \(ordinal)" }

  /// A hint when the first two fields read as a longitude and a latitude: the latitude comes first.
  private static func swapHint(_ parts: [String]) -> String {
    guard let first = Double(parts[0]), let second = Double(parts[1]), (-180...180).contains(first),
      (-90...90).contains(second)
    else { return "" }
    return " (latitude and longitude swapped? the latitude comes first: \(parts[1]),\(parts[0]),...)"
  }

  /// Parses one `--site` value; the error names the field that is wrong (ArgumentParser adds the option and value).
  public init(parsing text: String) throws(ValidationError) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard (3...5).contains(parts.count) else {
      throw ValidationError("expected \(Self.format), got \(parts.count) field\(parts.count == 1 ? "" : "s")")
    }
    guard let latitude = Double(parts[0]), (-90...90).contains(latitude) else {
      throw ValidationError("latitude '\(parts[0])' is not a number in -90...90" + Self.swapHint(parts))
    }
    guard let longitude = Double(parts[1]), (-180...180).contains(longitude) else {
      throw ValidationError("longitude '\(parts[1])' is not a number in -180...180")
    }
    guard let height = Double(parts[2]), height >= 0, height.isFinite else {
      throw ValidationError("antenna height '\(parts[2])' is not a non-negative number of metres")
    }
    self.latitude = latitude
    self.longitude = longitude
    self.antennaHeight = height
    givenName = parts.count >= 4 && !parts[3].isEmpty ? parts[3] : nil
    if parts.count == 5 {
      guard let ground = Double(parts[4]), (-500...9_000).contains(ground) else {
        throw ValidationError("ground elevation '\(parts[4])' is not a number of metres in -500...9000")
      }
      groundElevation = ground
    } else {
      groundElevation = nil
    }
  }
}
