/// A position in a grid's coordinate reference system: longitude/latitude in degrees for geographic grids,
/// easting/northing in metres for projected ones.
public struct MapPoint: Sendable, Equatable, Hashable {
  /// Longitude (degrees) or easting (metres).
  public var x: Double
  /// Latitude (degrees) or northing (metres).
  public var y: Double

  /// Creates a point from its two coordinates.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
