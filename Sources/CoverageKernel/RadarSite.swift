/// A radar antenna placed on a grid: where it stands, how high, and what its antenna can see.
public struct RadarSite: Sendable, Equatable {
  /// A label for maps and tables.
  public var name: String
  /// Its position in the grid's coordinate system.
  public var position: MapPoint
  /// Height of the antenna.
  public var antenna: AntennaHeight
  /// Range, sector and elevation limits.
  public var limits: CoverageLimits

  /// Creates a site.
  public init(name: String, position: MapPoint, antenna: AntennaHeight, limits: CoverageLimits) {
    self.name = name
    self.position = position
    self.antenna = antenna
    self.limits = limits
  }

  /// The antenna's altitude above mean sea level over `terrain`.
  public func antennaAltitude(over terrain: ElevationGrid) -> Double {
    switch antenna {
    case .aboveSeaLevel(let altitude):
      return altitude
    case .aboveGround(let height):
      let geometry = terrain.geometry
      let ground = terrain.bilinearHeight(
        column: geometry.column(ofX: position.x), row: geometry.row(ofY: position.y))
      return Double(ground.isNaN ? 0 : ground) + height
    }
  }
}
