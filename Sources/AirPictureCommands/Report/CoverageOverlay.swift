import Foundation
import GeoRaster

/// A coverage map the run wrote (`<coverage folder>/<network>--<target>.png` with its world file), embedded for the report's
/// map as a data URI with its bounds in degrees.
struct CoverageOverlay: Encodable {
  var network: String
  var target: String
  var south: Double
  var west: Double
  var north: Double
  var east: Double
  /// `data:image/png;base64,…`
  var image: String

  /// The maps of every network configuration and target of `study` that exist under `study.coverageFolder` in
  /// `folder`, in scenario order; a map GDAL cannot place (no world file, not geographic) is an error, not a silently
  /// misplaced overlay.
  static func load(folder: String, study: ReportStudy) throws -> [CoverageOverlay] {
    var overlays: [CoverageOverlay] = []
    for network in study.scenario.network.networks {
      for target in study.scenario.network.targets {
        let path = (folder as NSString).appendingPathComponent(
          "\(study.coverageFolder)/\(network.id.rawValue)--\(target.id).png")
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let georeference = try RasterDataset(path: path).georeference
        guard georeference.isGeographic else {
          throw CommandError("coverage map '\(path)' is not in geographic coordinates: the report cannot place it")
        }
        overlays.append(
          CoverageOverlay(
            network: network.id.rawValue, target: target.name,
            south: georeference.originY - Double(georeference.height) * georeference.cellHeight,
            west: georeference.originX, north: georeference.originY,
            east: georeference.originX + Double(georeference.width) * georeference.cellWidth,
            image: "data:image/png;base64," + (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()))
      }
    }
    return overlays
  }
}
