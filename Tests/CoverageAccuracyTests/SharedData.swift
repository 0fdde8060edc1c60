import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster

/// The real elevation data beside the repository (`../shared/terrain`, or `AIRPICTURE_TERRAIN_DIR`).
enum SharedData {
  static var terrainDirectory: String {
    if let directory = ProcessInfo.processInfo.environment["AIRPICTURE_TERRAIN_DIR"] { return directory }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/terrain").path
  }

  /// The path of a file in the terrain folder, or nil when it is not there.
  static func terrain(_ name: String) -> String? {
    let path = (terrainDirectory as NSString).appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// The window of `path` holding `range` metres around (`latitude`, `longitude`), with a radar there.
  static func scene(path: String, latitude: Double, longitude: Double, range: Double, antennaHeight: Double = 10)
    throws -> (terrain: ElevationGrid, site: RadarSite)
  {
    let dataset = try RasterDataset(path: path)
    let geometry = GridGeometry(dataset.georeference)
    let position = MapPoint(x: longitude, y: latitude)
    let window = geometry.window(around: position, radius: range, earthRadius: EarthModel.meanRadius)!
    let heights = try dataset.read(column: window.column, row: window.row, width: window.width, height: window.height)
    let site = RadarSite(
      name: "site", position: position, antenna: .aboveGround(antennaHeight),
      limits: CoverageLimits(maximumRange: range))
    return (ElevationGrid(geometry: geometry.subgrid(window), heights: heights), site)
  }
}
