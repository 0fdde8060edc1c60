import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import MapCanvas

/// The map of an interdiction run (`interdiction-map.png`): one combination's network coverage over hillshaded
/// terrain, the departure areas and strips, the interceptor bases with their reach (the interceptor's combat
/// radius), the mapped flights' paths, the tracks the network held of them, and where they were intercepted.
/// Positions are WGS 84 degrees, so the coverage grid must be geographic (as `airpicture run` requires).
public struct InterdictionMap {
  public var scenario: InterdictionScenario
  public var coverage: CoverageMapBackground
  public var combination: MonteCarlo.Combination
  /// The mapped flights, in flight order, and where those intercepted under `combination` were intercepted.
  public var flights: [MappedFlight]
  public var intercepts: [(latitude: Double, longitude: Double)]
  public var earthRadius: Double
  /// Whether the terrain is the coarse fallback DEM (the map says so).
  public var coarseTerrain: Bool

  static let path = RGBColour(70, 70, 70)
  static let track = RGBColour(200, 30, 120)
  static let reach = RGBColour(31, 90, 200)
  static let intercept = RGBColour(230, 97, 1)
  static let area = RGBColour(20, 20, 20)

  /// Creates the map of `combination` from a run's mapped flights and their intercept points.
  public init(
    scenario: InterdictionScenario, coverage: CoverageMapBackground, combination: MonteCarlo.Combination,
    flights: [MappedFlight], intercepts: [(latitude: Double, longitude: Double)], earthRadius: Double,
    coarseTerrain: Bool = false
  ) {
    self.scenario = scenario
    self.coverage = coverage
    self.combination = combination
    self.flights = flights
    self.intercepts = intercepts
    self.earthRadius = earthRadius
    self.coarseTerrain = coarseTerrain
  }

  /// The map of the combination whose mapped flights were intercepted most often (the first in scenario order on a
  /// tie), over its network's coverage from `coverageMaps`; nil when no map shows its network.
  public init?(
    scenario: InterdictionScenario, coverageMaps: [CoverageMapBackground], combinations: [MonteCarlo.Combination],
    flights: [MappedFlight], records: [MonteCarlo.Combination: [FlightRecord]], earthRadius: Double,
    coarseTerrain: Bool = false
  ) {
    let intercepts = { (combination: MonteCarlo.Combination) in
      records[combination, default: []].filter { $0.interceptLatitude != nil }.count
    }
    var best: MonteCarlo.Combination?
    for combination in combinations where best.map({ intercepts(combination) > intercepts($0) }) ?? true {
      best = combination
    }
    guard let best, let coverage = coverageMaps.first(where: { $0.configuration == best.network.rawValue }) else {
      return nil
    }
    self.init(
      scenario: scenario, coverage: coverage, combination: best, flights: flights,
      intercepts: records[best, default: []].compactMap { record in
        record.interceptLatitude.flatMap { latitude in record.interceptLongitude.map { (latitude, $0) } }
      },
      earthRadius: earthRadius, coarseTerrain: coarseTerrain)
  }

  /// Composes the map and writes it to PNG (and world file) through GDAL; returns the composer's layout.
  @discardableResult
  public func write(to path: String) throws -> MapLayout {
    guard coverage.georeference.isGeographic else {
      throw StudyError("the interdiction map needs a geographic DEM (its positions are WGS 84 degrees)")
    }
    let background = try QuickLookRenderer.background(
      elevation: coverage.elevation, classes: coverage.classes, palette: [StudyMap.realTime, StudyMap.relayOnly],
      georeference: coverage.georeference)
    let fine = background.georeference
    let frame = MapFrame(fine, earthRadius: earthRadius)
    let canvas = MapCanvas(
      width: fine.width, height: fine.height, red: background.red, green: background.green, blue: background.blue)
    let pixel = { (latitude: Double, longitude: Double) in frame.pixel(x: longitude, y: latitude) }
    let unit = min(3, max(0.75, Double(frame.width) / 1_200))
    let pattern = scenario.pattern
    for area in pattern.origins + pattern.destinations {
      canvas.polyline(
        ring(latitude: area.latitude, longitude: area.longitude, radius: area.radius).map { pixel($0.0, $0.1) },
        Self.area,
        lineWidth: 1.5 * unit, dash: [5 * unit, 4 * unit])
    }
    let interceptor = scenario.interceptors.first { $0.id == combination.interceptor }
    let basing = scenario.basings.first { $0.id == combination.basing }
    for station in basing?.stations ?? [] {
      guard let interceptor else { break }
      canvas.polyline(
        ring(latitude: station.latitude, longitude: station.longitude, radius: interceptor.combatRadius.value)
          .map { pixel($0.0, $0.1) }, Self.reach, lineWidth: 2 * unit, dash: [10 * unit, 5 * unit], halo: .white)
    }
    for flight in flights {
      canvas.polyline(
        flight.samples.filter(\.airborne).map { pixel($0.latitude, $0.longitude) }, Self.path, lineWidth: unit,
        opacity: 0.7)
    }
    for flight in flights {
      for segment in flight.trackSegments where segment.network == combination.network {
        canvas.polyline(
          segment.points.map { pixel($0.latitude, $0.longitude) }, Self.track, lineWidth: 2.5 * unit, halo: .white)
      }
    }
    for (latitude, longitude) in intercepts {
      let point = pixel(latitude, longitude)
      canvas.marker(.cross, x: point.x, y: point.y, size: 12 * unit, Self.intercept)
    }
    let points =
      pattern.origins.map { point($0.name, $0.latitude, $0.longitude, .circle, .white, frame) }
      + pattern.destinations.map { point($0.name, $0.latitude, $0.longitude, .diamond, .white, frame) }
      + (basing?.stations ?? []).map { point($0.name, $0.latitude, $0.longitude, .square, Self.reach, frame) }
    let legend = [
      LegendEntry(.swatch(CoverageMapStyle.drawnColour(of: StudyMap.realTime)), StudyMap.realTime.label),
      LegendEntry(.swatch(CoverageMapStyle.drawnColour(of: StudyMap.relayOnly)), StudyMap.relayOnly.label),
      LegendEntry(.marker(.circle, .white), "departure area (dashed: where flights start)"),
      LegendEntry(.marker(.diamond, .white), "strip area (dashed: where flights land)"),
      LegendEntry(.marker(.square, Self.reach), "interceptor base"),
      LegendEntry(
        .line(Self.reach, dashed: true),
        "reach: \(interceptor?.name ?? "interceptor") combat radius, "
          + "\(Int(((interceptor?.combatRadius.value ?? 0) / 1_000).rounded())) km"),
      LegendEntry(.line(Self.path, dashed: false), "flight path (\(flights.count) mapped flights)"),
      LegendEntry(.line(Self.track, dashed: false), "track held by \(combination.network)"),
      LegendEntry(.marker(.cross, Self.intercept), "intercept point (\(intercepts.count))"),
    ]
    let composer = MapComposer(
      frame: frame, title: scenario.title,
      subtitle: "network \(combination.network), \(interceptor?.name ?? combination.interceptor.rawValue), basing "
        + "\(combination.basing) (the combination with the most intercepts of the mapped flights)",
      legend: legend, notes: ["coverage: \(coverage.description)"], coarseTerrain: coarseTerrain, points: points)
    let layout = composer.compose(on: canvas)
    let planes = canvas.planes()
    try PNGWriter.write(red: planes.red, green: planes.green, blue: planes.blue, georeference: fine, to: path)
    return layout
  }

  private func point(
    _ name: String, _ latitude: Double, _ longitude: Double, _ symbol: MapSymbol, _ colour: RGBColour,
    _ frame: MapFrame
  ) -> MapComposer.Point {
    let position = frame.pixel(x: longitude, y: latitude)
    return MapComposer.Point(x: position.x, y: position.y, symbol: symbol, colour: colour, label: name)
  }

  /// The circle of `radius` metres around a point on the sphere, as 96 (latitude, longitude) vertices, closed.
  func ring(latitude: Double, longitude: Double, radius: Double) -> [(Double, Double)] {
    let φ1 = latitude * .pi / 180
    let λ1 = longitude * .pi / 180
    let δ = radius / earthRadius
    return (0...96).map { step in
      let θ = Double(step) / 96 * 2 * .pi
      let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
      let λ2 = λ1 + atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
      return (φ2 * 180 / .pi, λ2 * 180 / .pi)
    }
  }
}
