import Foundation
import GeoRaster
import TestSupport
import Testing

/// `run`'s map layers read back through OGR: Google Earth's KML must say, field by field, what QGIS's GeoPackage says.
@Suite final class MapLayerTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "airpicture-layers-\(UUID().uuidString)")

  /// Whether two attribute texts say the same: equal, or the same number to 12 significant digits.
  static func same(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard let x = Double(a), let y = Double(b) else { return false }
    return abs(x - y) <= 1e-12 * max(abs(x), abs(y))
  }

  @Test func theKMLLayersCarryTheGeoPackagesFieldsByName() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let out = directory.appendingPathComponent("run").path
    let repository = AirPictureProcess.repository
    let result = try AirPictureProcess.run([
      "run", repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path, "--dem",
      repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path, "--flights", "60", "--seed", "5",
      "--map-flights", "60", "--no-coverage-maps", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let geoPackage = try FeatureReader.read("\(out)/flights.gpkg")
    let kml = try FeatureReader.read("\(out)/flights.kml")
    #expect(
      geoPackage.map(\.name) == ["flight_tracks", "detections", "track_segments", "intercept_points"],
      "\(geoPackage.map(\.name))")
    var compared = 0
    for layer in geoPackage {
      let other = try #require(kml.first { $0.name == layer.name }, "KML has no layer \(layer.name)")
      #expect(other.features.count == layer.features.count, "\(layer.name)")
      for (feature, twin) in zip(layer.features, other.features) {
        for field in layer.fields {
          let value = feature.values[field] ?? ""
          let kmlValue = twin.values[field] ?? ""
          #expect(Self.same(value, kmlValue), "\(layer.name).\(field): GeoPackage '\(value)', KML '\(kmlValue)'")
          compared += 1
        }
        #expect(
          zip(feature.coordinates, twin.coordinates).isNonEmptyAndAll {
            abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9
          } && feature.coordinates.count == twin.coordinates.count)
      }
    }
    // Every layer but the intercepts is sure to hold features from 60 flights: the check above met real fields.
    #expect(geoPackage.filter { $0.name != "intercept_points" }.isNonEmptyAndAll { !$0.features.isEmpty })
    #expect(compared > 1_000)
  }
}
