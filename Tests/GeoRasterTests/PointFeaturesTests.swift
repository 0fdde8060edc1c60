import Foundation
import GeoRaster
import Testing

/// Known-strip layers: points from a CSV with longitude and latitude columns and from GeoJSON (in another CRS too);
/// lines refused.
@Suite final class PointFeaturesTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-points-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  func write(_ name: String, _ text: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func aCSVWithLongitudeAndLatitudeColumnsGivesItsPoints() throws {
    let path = try write("strips.csv", "name,lon,lat\nCanayre,-73.95,-12.35\nLlochegua,-73.91,-12.41\n")
    let points = try PointFeatures.read(path)
    #expect(points.count == 2)
    #expect(abs(points[0].longitude + 73.95) < 1e-9 && abs(points[0].latitude + 12.35) < 1e-9)
    #expect(abs(points[1].longitude + 73.91) < 1e-9 && abs(points[1].latitude + 12.41) < 1e-9)
  }

  @Test func aGeoJSONInUTMIsTransformedToLongitudeAndLatitude() throws {
    // 18S (EPSG:32718): easting 500,000 m is the zone's central meridian, 75° W.
    let path = try write(
      "strips.geojson",
      """
      {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:32718"}},
       "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [500000, 8900000]}}]}
      """)
    let points = try PointFeatures.read(path)
    #expect(points.count == 1)
    #expect(abs(points[0].longitude + 75) < 1e-6)
    #expect(points[0].latitude < -9.9 && points[0].latitude > -10.0)
  }

  @Test func linesAndEmptyLayersAreRefused() throws {
    let lines = try write(
      "roads.geojson",
      """
      {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
       "geometry": {"type": "LineString", "coordinates": [[-74, -12], [-73, -12]]}}]}
      """)
    #expect(throws: GeoRasterError.self) { try PointFeatures.read(lines) }
    let empty = try write("none.csv", "name,lon,lat\n")
    #expect(throws: GeoRasterError.self) { try PointFeatures.read(empty) }
    #expect(throws: GeoRasterError.self) {
      try PointFeatures.read(self.directory.appendingPathComponent("no.gpkg").path)
    }
  }
}
