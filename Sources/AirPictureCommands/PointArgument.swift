import ArgumentParser
import Foundation

/// A point typed as `LAT,LON` in decimal degrees (negative south and west).
struct PointArgument: Equatable, Sendable {
  let latitude: Double
  let longitude: Double

  /// Parses `LAT,LON`; the error names the field that is wrong.
  init(parsing text: String) throws(ValidationError) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count == 2 else { throw ValidationError("expected LAT,LON, got \(parts.count) fields") }
    guard let latitude = Double(parts[0]), (-90...90).contains(latitude) else {
      throw ValidationError("latitude '\(parts[0])' is not a number in -90...90")
    }
    guard let longitude = Double(parts[1]), (-180...180).contains(longitude) else {
      throw ValidationError("longitude '\(parts[1])' is not a number in -180...180")
    }
    self.latitude = latitude
    self.longitude = longitude
  }
}
