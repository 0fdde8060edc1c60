import CoverageKernel

/// A radar placed on the DEM's grid: where it stands in the DEM's coordinates, how high its antenna is, and the
/// window of the DEM that its farthest range reaches.
public struct PlacedRadar: Sendable, Hashable {
  /// A label for maps, tables and messages.
  public var name: String
  /// Its position in the DEM's coordinate system.
  public var position: MapPoint
  /// Its antenna's height.
  public var antenna: AntennaHeight
  /// The DEM cells within its farthest range.
  public var window: GridWindow
  /// What the analyst can do when the site stands on a DEM void (said after the refusal).
  public var voidRemedy: String

  /// The kernel's site for this radar under `limits` (range, sector, elevations).
  public func site(_ limits: CoverageLimits) -> RadarSite {
    RadarSite(name: name, position: position, antenna: antenna, limits: limits)
  }
}
