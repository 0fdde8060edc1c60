/// One radar's lowest visible altitude over a grid.
///
/// Per cell: NaN outside the radar's range, sector or the terrain's data; +∞ in range but never visible (masked
/// by the cone of silence); otherwise the lowest altitude at which a target above the cell centre is in line of
/// sight of the antenna.
public struct CoverageField: Sendable {
  /// The grid the values lie on.
  public var geometry: GridGeometry
  /// Lowest visible altitude above mean sea level, metres.
  public var lowestAltitudeMSL: [Float]
  /// Lowest visible altitude above the ground at the cell, metres.
  public var lowestAltitudeAGL: [Float]
  /// Highest altitude (MSL) under the cone of silence; nil when the radar has no maximum elevation.
  public var ceilingMSL: [Float]?

  /// Creates a field; arrays hold one value per cell.
  public init(geometry: GridGeometry, lowestAltitudeMSL: [Float], lowestAltitudeAGL: [Float], ceilingMSL: [Float]?) {
    self.geometry = geometry
    self.lowestAltitudeMSL = lowestAltitudeMSL
    self.lowestAltitudeAGL = lowestAltitudeAGL
    self.ceilingMSL = ceilingMSL
  }

  /// Whether cell `index` lies inside the radar's range and sector (and on valid terrain).
  @inlinable public func isInRange(_ index: Int) -> Bool { !lowestAltitudeMSL[index].isNaN }

  /// Whether a target `altitude` metres above the ground of cell `index` is visible.
  @inlinable public func isVisible(_ index: Int, altitudeAGL altitude: Float) -> Bool {
    let lowest = lowestAltitudeAGL[index]
    guard lowest <= altitude else { return false }
    guard let ceiling = ceilingMSL else { return true }
    let ground = lowestAltitudeMSL[index] - lowest
    return ground + altitude <= ceiling[index]
  }
}
