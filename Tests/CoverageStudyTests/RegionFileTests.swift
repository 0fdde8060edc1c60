import CoverageStudy
import Foundation
import GeoRaster
import Testing

/// Regions files that would give a study with no region, or a region of 0 km², are refused in one line.
@Suite struct RegionFileTests {
  /// The flat synthetic DEM and scenario of `CoverageStudyTests`.
  let study: CoverageStudyTests

  init() throws { study = try CoverageStudyTests() }

  /// Writes a GeoJSON feature collection of `features` (each `(name, geometry JSON)`) and returns its path.
  func regionsFile(_ features: [(name: String, geometry: String)], name: String) throws -> String {
    let items = features.map {
      "{\"type\": \"Feature\", \"properties\": {\"name\": \"\($0.name)\"}, \"geometry\": \($0.geometry)}"
    }
    let text = "{\"type\": \"FeatureCollection\", \"features\": [\(items.joined(separator: ", "))]}"
    let path = study.directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func square(longitude: Double, latitude: Double) -> String {
    let ring = [(0.0, 0.0), (1, 0), (1, 1), (0, 1), (0, 0)].map { "[\(longitude + $0.0), \(latitude + $0.1)]" }
    return "{\"type\": \"Polygon\", \"coordinates\": [[\(ring.joined(separator: ", "))]]}"
  }

  /// Runs the study with `regions`, expecting a refusal: returns its message, and checks nothing was written.
  func refusal(regions: String, into name: String) -> String? {
    let output = study.directory.appendingPathComponent(name)
    defer { #expect(!FileManager.default.fileExists(atPath: output.path), "partial output in \(name)") }
    do {
      _ = try study.run(study.scenario(role: .primary, regions: regions), into: name)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func aRegionsFileWithoutFeaturesIsRefused() throws {
    let empty = try regionsFile([], name: "empty.geojson")
    let message = try #require(refusal(regions: empty, into: "empty"))
    #expect(message.contains("'\(empty)'") && message.contains("no features"), "\(message)")
    #expect(!message.contains { $0.isNewline })
  }

  @Test func aRegionOutsideTheDEMIsRefusedByName() throws {
    let regions = try regionsFile(
      [
        ("inside", Self.square(longitude: -75, latitude: -11)),
        ("far away", Self.square(longitude: 100, latitude: 40)),
      ], name: "outside.geojson")
    let message = try #require(refusal(regions: regions, into: "outside"))
    #expect(message.contains("region 'far away'") && message.contains("'\(regions)'"), "\(message)")
    #expect(!message.contains { $0.isNewline })
  }
}
