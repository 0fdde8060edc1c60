import CoverageKernel
import Foundation
import RadarModels

/// What the Monte Carlo flies over and is seen by: terrain, Peru's extent, and each radar's line-of-sight field
/// (computed once by the kernel; looked up, never recomputed, per scan).
public struct SimulationWorld: Sendable {
  /// One radar: its placement and what it sees over its window.
  public struct Radar: Sendable {
    public var placement: RadarPlacement
    public var visibility: RadarVisibility

    public init(placement: RadarPlacement, visibility: RadarVisibility) {
      self.placement = placement
      self.visibility = visibility
    }
  }

  /// Terrain on a geographic (longitude/latitude) grid.
  public var terrain: ElevationGrid
  /// 1 where a cell of `terrain` lies in Peru.
  public var insidePeru: [UInt8]
  public var radars: [Radar]
  public var earth: EarthModel
  /// Known clandestine strips (WGS 84), where an area's strips are drawn when it has any within the caps.
  public var knownStrips: [GeoCoordinate] = []
  /// Route plans built over this world, once per scenario (see `prepareRoutes(for:)`).
  let routePlans = RoutePlanCache()

  public init(terrain: ElevationGrid, insidePeru: [UInt8], radars: [Radar], earth: EarthModel) {
    precondition(terrain.geometry.coordinateSystem == .geographic, "the scenario runner needs a geographic DEM")
    precondition(insidePeru.count == terrain.heights.count, "one Peru flag per terrain cell")
    self.terrain = terrain
    self.insidePeru = insidePeru
    self.radars = radars
    self.earth = earth
  }

  /// Ground height at a position (bilinear; 0 outside the grid or over voids).
  public func ground(latitude: Double, longitude: Double) -> Double {
    let geometry = terrain.geometry
    let column = geometry.column(ofX: longitude)
    let row = geometry.row(ofY: latitude)
    guard column >= 0, row >= 0, column <= Double(geometry.width - 1), row <= Double(geometry.height - 1) else {
      return 0
    }
    let height = terrain.bilinearHeight(column: column, row: row)
    return height.isNaN ? 0 : Double(height)
  }

  /// Whether a position lies in Peru.
  public func isInsidePeru(latitude: Double, longitude: Double) -> Bool {
    let geometry = terrain.geometry
    let column = Int(geometry.column(ofX: longitude).rounded())
    let row = Int(geometry.row(ofY: latitude).rounded())
    guard column >= 0, row >= 0, column < geometry.width, row < geometry.height else { return false }
    return insidePeru[row * geometry.width + column] != 0
  }

  /// Whether `radar` has line of sight to a target at `altitude` metres MSL over a position: above the lowest visible
  /// altitude and under the cone of silence.
  func isVisible(radar: Int, latitude: Double, longitude: Double, altitude: Double) -> Bool {
    radars[radar].visibility.sees(x: longitude, y: latitude, altitude: altitude)
  }
}
