import RadarModels

/// A place where a radar could stand: found on the DEM (a summit or ridge point) or given by name.
public struct CandidateSite: Sendable, Equatable {
  /// A label for tables and maps ("summit 3", or the name given).
  public var name: String
  /// Where it stands.
  public var coordinate: GeoCoordinate
  /// The DEM's height at the site, metres MSL; nil for a site given explicitly (read from the DEM when placed).
  public var groundHeight: Double?
  /// How much higher the site is than every other cell within the search radius, metres; nil when given
  /// explicitly.
  public var prominence: Double?

  /// A site found on the DEM.
  public init(name: String, coordinate: GeoCoordinate, groundHeight: Double?, prominence: Double?) {
    self.name = name
    self.coordinate = coordinate
    self.groundHeight = groundHeight
    self.prominence = prominence
  }

  /// A site given explicitly by name and position (degrees).
  public static func explicit(name: String, latitude: Double, longitude: Double) -> CandidateSite {
    CandidateSite(
      name: name, coordinate: GeoCoordinate(latitude: latitude, longitude: longitude), groundHeight: nil,
      prominence: nil)
  }
}
