/// How finely the kernel's polar sweep samples the terrain.
public struct SweepResolution: Sendable, Equatable {
  /// Terrain samples per cell along each radial: 2 samples at half-cell steps, as the exact reference does.
  public var samplesPerCell: Double
  /// Arc between neighbouring radials at the outer edge of each annulus, in cells. At 1 every cell lies within
  /// half a cell of a sampled radial.
  public var radialSpacingInCells: Double

  /// Creates a resolution; both numbers must be positive.
  public init(samplesPerCell: Double = 2, radialSpacingInCells: Double = 1) {
    precondition(samplesPerCell > 0 && radialSpacingInCells > 0, "sweep resolution must be positive")
    self.samplesPerCell = samplesPerCell
    self.radialSpacingInCells = radialSpacingInCells
  }

  /// The default: half-cell steps, one cell between radials.
  public static let standard = SweepResolution()
}
