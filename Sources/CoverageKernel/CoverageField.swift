/// One radar's lowest visible altitude over a grid.
///
/// Per cell: NaN outside the radar's range, sector or the terrain's data; +∞ in range but never visible (masked
/// by the cone of silence); otherwise the lowest altitude at which a target above the cell centre is in line of
/// sight of the antenna.
///
/// The field holds one plane of its own (MSL, plus the cone of silence's ceiling when the radar has one) and shares
/// the terrain heights it was computed over: the altitude above ground is their difference, computed on demand, so
/// a field costs 4 bytes a cell beyond the terrain.
///
/// Voids (no-data, NaN or infinite heights) are unknown terrain. A void cell is out of range (NaN). A cell whose
/// line of sight crosses a void keeps the altitude computed with the void skipped, a lower bound: it is counted in
/// `voidDependentCellCount` and flagged in `voidDependence`.
public struct CoverageField: Sendable {
  /// The grid the values lie on.
  public var geometry: GridGeometry
  /// Lowest visible altitude above mean sea level, metres.
  public var lowestAltitudeMSL: [Float]
  /// The terrain heights the field was computed over (the same storage as the terrain grid's, not a copy).
  public var groundHeights: [Float]
  /// Highest altitude (MSL) under the cone of silence; nil when the radar has no maximum elevation.
  public var ceilingMSL: [Float]?
  /// In-range cells whose lowest visible altitude depends on a void in front of them (then a lower bound).
  public var voidDependentCellCount: Int
  /// Per cell 1 where an in-range cell depends on a void, else 0; nil when the terrain had no voids (then no cell
  /// depends on one). One byte per cell, allocated only for terrain with voids.
  public var voidDependence: [UInt8]?

  /// Creates a field; arrays hold one value per cell.
  public init(
    geometry: GridGeometry, lowestAltitudeMSL: [Float], groundHeights: [Float], ceilingMSL: [Float]?,
    voidDependentCellCount: Int = 0, voidDependence: [UInt8]? = nil
  ) {
    self.geometry = geometry
    self.lowestAltitudeMSL = lowestAltitudeMSL
    self.groundHeights = groundHeights
    self.ceilingMSL = ceilingMSL
    self.voidDependentCellCount = voidDependentCellCount
    self.voidDependence = voidDependence
  }

  /// Lowest visible altitude above the ground at cell `index`, metres (NaN out of range, +∞ never visible).
  @inlinable public func lowestAltitudeAGL(at index: Int) -> Float {
    lowestAltitudeMSL[index] - groundHeights[index]
  }

  /// Every cell's lowest visible altitude above the ground: a new plane of 4 bytes a cell.
  public func lowestAltitudeAGLPlane() -> [Float] {
    zip(lowestAltitudeMSL, groundHeights).map { $0 - $1 }
  }

  /// Writes the lowest visible altitude AGL of cells `first ..< first + buffer.count` into `buffer`.
  public func lowestAltitudeAGL(from first: Int, into buffer: UnsafeMutableBufferPointer<Float>) {
    lowestAltitudeMSL.withUnsafeBufferPointer { msl in
      groundHeights.withUnsafeBufferPointer { ground in
        for offset in buffer.indices { buffer[offset] = msl[first + offset] - ground[first + offset] }
      }
    }
  }

  /// Whether the lowest visible altitude at cell `index` depends on a void (and is then a lower bound).
  @inlinable public func dependsOnVoid(_ index: Int) -> Bool { voidDependence.map { $0[index] != 0 } ?? false }

  /// Whether cell `index` lies inside the radar's range and sector (and on valid terrain).
  @inlinable public func isInRange(_ index: Int) -> Bool { !lowestAltitudeMSL[index].isNaN }

  /// Whether a target `altitude` metres above the ground of cell `index` is visible.
  @inlinable public func isVisible(_ index: Int, altitudeAGL altitude: Float) -> Bool {
    let ground = groundHeights[index]
    guard lowestAltitudeMSL[index] - ground <= altitude else { return false }
    guard let ceiling = ceilingMSL else { return true }
    return ground + altitude <= ceiling[index]
  }

  /// Whether a target `altitude` metres above mean sea level over cell `index` is visible: at or above the lowest
  /// visible altitude, above the ground, and under the cone of silence.
  @inlinable public func isVisible(_ index: Int, altitudeMSL altitude: Float) -> Bool {
    let lowest = lowestAltitudeMSL[index]
    guard lowest <= altitude else { return false }
    guard groundHeights[index] < altitude else { return false }  // the ground is below the target
    guard let ceiling = ceilingMSL else { return true }
    return altitude <= ceiling[index]
  }
}
