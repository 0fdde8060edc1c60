/// A position on the WGS 84 ellipsoid: latitude and longitude in degrees.
public struct GeoCoordinate: Sendable, Hashable {
  /// Degrees north (negative south).
  public var latitude: Double
  /// Degrees east (negative west).
  public var longitude: Double

  /// A position from its latitude and longitude in degrees.
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }
}
