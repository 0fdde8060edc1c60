import CoverageKernel
import Foundation

/// A radar site as typed on the command line: `LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]]` in degrees and metres.
/// `GROUND_M` (metres above mean sea level) replaces the DEM's ground under the antenna, for a site on a DEM void.
struct SiteSpecification: Equatable {
  var latitude: Double
  var longitude: Double
  var antennaHeight: Double
  var name: String
  var groundElevation: Double?

  /// The antenna's height as the kernel takes it: above the DEM, or above sea level when the ground is given.
  var antenna: AntennaHeight {
    groundElevation.map { .aboveSeaLevel($0 + antennaHeight) } ?? .aboveGround(antennaHeight)
  }

  /// Parses one `--site` value; `ordinal` names unnamed sites ("site 1").
  init(parsing text: String, ordinal: Int) throws {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard (3...5).contains(parts.count) else {
      throw CommandError("malformed site '\(text)': expected LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]]")
    }
    guard let latitude = Double(parts[0]), (-90...90).contains(latitude) else {
      throw CommandError("malformed site '\(text)': latitude '\(parts[0])' is not a number in -90...90")
    }
    guard let longitude = Double(parts[1]), (-180...180).contains(longitude) else {
      throw CommandError("malformed site '\(text)': longitude '\(parts[1])' is not a number in -180...180")
    }
    guard let height = Double(parts[2]), height >= 0, height.isFinite else {
      throw CommandError(
        "malformed site '\(text)': antenna height '\(parts[2])' is not a non-negative number of metres")
    }
    self.latitude = latitude
    self.longitude = longitude
    self.antennaHeight = height
    self.name = parts.count >= 4 && !parts[3].isEmpty ? parts[3] : "site \(ordinal)"
    if parts.count == 5 {
      guard let ground = Double(parts[4]), (-500...9_000).contains(ground) else {
        throw CommandError(
          "malformed site '\(text)': ground elevation '\(parts[4])' is not a number of metres in -500...9000")
      }
      groundElevation = ground
    }
  }
}
