import CoverageKernel
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
  ///
  /// The maps at the scenario's flight levels (`…--FL150.png`) follow each map-altitude one, embedded
  /// `flightLevelWidth` pixels wide so that the report stays light enough to e-mail.
  static func load(folder: String, study: ReportStudy) throws -> [CoverageOverlay] {
    var overlays: [CoverageOverlay] = []
    let levels = study.scenario.network.flightLevels.map { FlightLevel($0.value) }
    for network in study.scenario.network.networks {
      for target in study.scenario.network.targets {
        let stem = "\(study.coverageFolder)/\(network.id.rawValue)--\(target.id)"
        let maps =
          [(suffix: "", label: target.name, downscaled: false)]
          + levels.map { (suffix: "--\($0)", label: "\(target.name), at \($0)", downscaled: true) }
        for map in maps {
          let path = (folder as NSString).appendingPathComponent(stem + map.suffix + ".png")
          guard FileManager.default.fileExists(atPath: path) else { continue }
          let georeference = try RasterDataset(path: path).georeference
          guard georeference.isGeographic else {
            throw CommandError("coverage map '\(path)' is not in geographic coordinates: the report cannot place it")
          }
          let bytes =
            map.downscaled
            ? try PNGWriter.downscaled(path, width: flightLevelWidth) : try Data(contentsOf: URL(fileURLWithPath: path))
          overlays.append(
            CoverageOverlay(
              network: network.id.rawValue, target: map.label,
              south: georeference.originY - Double(georeference.height) * georeference.cellHeight,
              west: georeference.originX, north: georeference.originY,
              east: georeference.originX + Double(georeference.width) * georeference.cellWidth,
              image: "data:image/png;base64," + bytes.base64EncodedString()))
        }
      }
    }
    return overlays
  }

  /// Width in pixels of the flight-level maps in the report.
  static let flightLevelWidth = 800
}
