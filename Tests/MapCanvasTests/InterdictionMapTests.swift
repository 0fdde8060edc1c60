import CoverageStudy
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import MapCanvas
import RadarModels
import ScenarioFiles
import TestSupport
import Testing

/// The interdiction map of a synthetic run over the shipped scenario's areas and bases: the reach ring, a held
/// track and an intercept point are drawn where they lie, read back from the PNG through GDAL.
@Suite struct InterdictionMapTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let earthRadius = 6_371_008.8

  /// 72 points at `radius` metres around a point on the sphere (the direct great-circle formula).
  static func ring(latitude: Double, longitude: Double, radius: Double) -> [(latitude: Double, longitude: Double)] {
    let δ = radius / earthRadius
    let φ1 = latitude * .pi / 180
    return (0..<72).map { step in
      let θ = Double(step) / 72 * 2 * .pi
      let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
      let Δλ = atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
      return (φ2 * 180 / .pi, longitude + Δλ * 180 / .pi)
    }
  }

  @Test func theMapDrawsReachTracksAndIntercepts() throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path)
    // A flat study grid over southern Peru, 0.05° cells, covered in real time in one block.
    let georeference = RasterGeoreference(
      originX: -80, originY: -2, cellWidth: 0.05, cellHeight: 0.05, width: 280, height: 340,
      crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
    let classes = (0..<(280 * 340)).map { index -> UInt8 in
      index % 280 > 200 && index / 280 > 200 && index / 280 < 240 ? 1 : 0
    }
    let network = scenario.network.networks[0].id
    let coverage = CoverageMapBackground(
      configuration: network.rawValue, elevation: [Float](repeating: 200, count: classes.count), classes: classes,
      georeference: georeference, description: "synthetic")
    let origin = scenario.pattern.origins[0]
    let strip = scenario.pattern.destinations[0]
    let samples = [origin, strip].enumerated().map { index, area in
      MappedFlight.Sample(
        time: Double(index) * 3_600, latitude: area.latitude, longitude: area.longitude, altitude: 500, airborne: true)
    }
    let flight = MappedFlight(
      flight: 0, aircraft: "test", origin: origin.name, destination: strip.name, transponderOn: false,
      borderCrossing: nil,
      samples: samples, detections: [],
      trackSegments: [MappedFlight.TrackSegment(network: network, confirmed: 0, dropped: 3_600, points: samples)])
    let combination = MonteCarlo.Combination(
      network: network, interceptor: scenario.interceptors[0].id, basing: scenario.basings[0].id)
    let intercept = (latitude: -12.0, longitude: -72.0)
    let map = InterdictionMap(
      scenario: scenario, coverage: coverage, combination: combination, flights: [flight], intercepts: [intercept],
      earthRadius: Self.earthRadius)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-imap-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("interdiction-map.png").path
    let layout = try map.write(to: path)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("interdiction-map.wld").path))
    let image = try PNGWriter.read(path)
    let placed = try RasterDataset(path: path).georeference
    let frame = MapFrame(
      width: placed.width, height: placed.height, originX: placed.originX, originY: placed.originY,
      pixelWidth: placed.cellWidth, pixelHeight: placed.cellHeight, isGeographic: true, earthRadius: Self.earthRadius)
    func colour(latitude: Double, longitude: Double) -> RGBColour {
      let point = frame.pixel(x: longitude, y: latitude)
      let index = Int(point.y.rounded(.down)) * image.width + Int(point.x.rounded(.down))
      return RGBColour(image.red[index], image.green[index], image.blue[index])
    }
    func near(_ point: (x: Double, y: Double), _ wanted: RGBColour) -> Bool {
      for dy in -1...1 {
        for dx in -1...1 {
          let x = Int(point.x.rounded(.down)) + dx
          let y = Int(point.y.rounded(.down)) + dy
          guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
          let index = y * image.width + x
          if RGBColour(image.red[index], image.green[index], image.blue[index]) == wanted { return true }
        }
      }
      return false
    }
    // The intercept's cross, orange, centred on its point.
    #expect(colour(latitude: intercept.latitude, longitude: intercept.longitude) == RGBColour(230, 97, 1))
    // The held track, magenta, through the middle of the flight.
    let middle = frame.pixel(x: (origin.longitude + strip.longitude) / 2, y: (origin.latitude + strip.latitude) / 2)
    #expect(near(middle, RGBColour(200, 30, 120)))
    // The reach ring, dashed blue, at the combat radius around each base: most of its vertices on the map touch it.
    let radius = scenario.interceptors[0].combatRadius.value
    let vertices = scenario.basings[0].stations.flatMap { station in
      Self.ring(latitude: station.latitude, longitude: station.longitude, radius: radius).map {
        frame.pixel(x: $0.longitude, y: $0.latitude)
      }
    }.filter { point in
      let inside =
        point.x > 2 && point.y > 2 && point.x < Double(image.width - 2) && point.y < Double(image.height - 2)
      let spot = PixelBox(x: point.x, y: point.y, width: 1, height: 1)
      return inside && !layout.panels.contains { $0.inset(by: 2).overlaps(spot) }
    }
    #expect(vertices.count >= 20)
    #expect(vertices.filter { near($0, RGBColour(31, 90, 200)) }.count * 2 >= vertices.count)
    // The origin, the strip and the bases are labelled, apart from each other and the furniture.
    let labels = Set(layout.labels.map(\.text))
    #expect(labels.contains(origin.name) && labels.contains(strip.name))
    #expect(
      scenario.basings[0].stations.isNonEmptyAndAll {
        labels.contains($0.name) || layout.labelsLeftOff.contains($0.name)
      })
    let boxes = layout.labels.map(\.box) + layout.panels
    #expect(
      boxes.indices.isNonEmptyAndAll { first in
        boxes.indices.allSatisfy { second in second <= first || !boxes[first].overlaps(boxes[second]) }
      })
    #expect(layout.legendSymbols.contains { $0.symbol == .marker(.cross, RGBColour(230, 97, 1)) })
  }
}
