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

  /// The antenna's altitude above mean sea level over `terrain`. Throws `CoverageKernelError.siteOnVoid` when the
  /// antenna is given above ground and the DEM has no data (NaN or infinite) under the site, and
  /// `invalidAntennaHeight` when the height is not finite or lies outside `AntennaHeight.validAboveGround`
  /// (`validAboveSeaLevel` for an altitude).
  public func antennaAltitude(over terrain: ElevationGrid) throws(CoverageKernelError) -> Double {
    switch antenna {
    case .aboveSeaLevel(let altitude):
      guard AntennaHeight.validAboveSeaLevel.contains(altitude) else {
        throw .invalidAntennaHeight(radar: name, metres: altitude, valid: AntennaHeight.validAboveSeaLevel)
      }
      return altitude
    case .aboveGround(let height):
      guard AntennaHeight.validAboveGround.contains(height) else {
        throw .invalidAntennaHeight(radar: name, metres: height, valid: AntennaHeight.validAboveGround)
      }
      let geometry = terrain.geometry
      let ground = terrain.bilinearHeight(
        column: geometry.column(ofX: position.x), row: geometry.row(ofY: position.y))
      guard ground.isFinite else { throw .siteOnVoid(radar: name) }
      return Double(ground) + height
    }
  }
}
