import Foundation
import GeoRaster
import RadarModels
import ScenarioFiles
import Testing

/// The civil radar heads stand where the sources put them, each with its provenance: not at the runway midpoints
/// the scenarios used before, and, where the hill is assumed, at the result of the search `Scenarios/SOURCES.md`
/// describes ("Where the civil radar heads stand").
@Suite struct CivilRadarSiteTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let scenarios = repository.appendingPathComponent("Scenarios")

  /// The runway midpoints (OurAirports) of the eight CORPAC radar airports: where every civil head stood before.
  static let runwayMidpoints: [String: (latitude: Double, longitude: Double)] = [
    "Lima": (-12.0194, -77.1155), "Arequipa": (-16.3405, -71.5708), "Ayacucho": (-13.1548, -74.2044),
    "Cajamarca": (-7.1392, -78.4894), "Cusco": (-13.5357, -71.9388), "Iquitos": (-3.7847, -73.3088),
    "Pucallpa": (-8.3779, -74.5743), "Talara": (-4.5766, -81.2542),
  ]
  /// Heads the sources put at the airport (Lima's Estación Gambetta stands by it).
  static let atTheAirport: Set = ["Lima", "Iquitos", "Pucallpa", "Talara"]

  /// How an assumed hill site was found: the highest cell whose centre lies `distanceKm` from the runway midpoint
  /// within `bearingDegrees` (clockwise from north).
  struct HillSearch: Sendable {
    var distanceKm: ClosedRange<Double>
    var bearingDegrees: ClosedRange<Double>
  }
  static let hillSearches: [String: HillSearch] = [
    "Cajamarca": HillSearch(distanceKm: 8...16, bearingDegrees: 202.5...270),
    "Cusco": HillSearch(distanceKm: 60...70, bearingDegrees: 112.5...157.5),
    "Ayacucho": HillSearch(distanceKm: 0...10, bearingDegrees: 0...360),
    "Arequipa": HillSearch(distanceKm: 0...10, bearingDegrees: 0...360),
  ]

  static let shipped = ["peru-2025", "peru-2025-ssr-only", "peru-planned", "corpac-mssr"]

  static var composite: String? {
    let path = repository.deletingLastPathComponent().appendingPathComponent("shared/terrain/peru_composite_30s.tif")
      .path
    let directory = ProcessInfo.processInfo.environment["AIRPICTURE_TERRAIN_DIR"]
    let candidate = directory.map { ($0 as NSString).appendingPathComponent("peru_composite_30s.tif") } ?? path
    return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
  }

  static func read(_ name: String) throws -> Scenario {
    try ScenarioReader.read(contentsOf: scenarios.appendingPathComponent("\(name).yaml").path)
  }

  /// The airport a civil site belongs to: the first word of its name.
  static func airport(of radar: RadarPlacement) -> String { String(radar.name.split(separator: " ")[0]) }

  /// Great-circle distance (km) and initial bearing (degrees) on a 6,371 km sphere.
  static func distanceAndBearing(
    from start: (latitude: Double, longitude: Double), to end: (latitude: Double, longitude: Double)
  ) -> (km: Double, degrees: Double) {
    let radians = Double.pi / 180
    let (φ1, φ2) = (start.latitude * radians, end.latitude * radians)
    let Δλ = (end.longitude - start.longitude) * radians
    let a = pow(sin((φ2 - φ1) / 2), 2) + cos(φ1) * cos(φ2) * pow(sin(Δλ / 2), 2)
    let km = 2 * 6_371 * asin(min(1, sqrt(a)))
    let bearing = atan2(sin(Δλ) * cos(φ2), cos(φ1) * sin(φ2) - sin(φ1) * cos(φ2) * cos(Δλ)) / radians
    return (km, (bearing + 360).truncatingRemainder(dividingBy: 360))
  }

  /// "3,925 m", as the scenario texts give heights.
  static func metres(_ height: Float) -> String {
    let whole = Int(height.rounded())
    return whole >= 1_000 ? "\(whole / 1_000),\(String(format: "%03d", whole % 1_000)) m" : "\(whole) m"
  }

  @Test(arguments: shipped)
  func everyCivilHeadStatesItsProvenanceAndTheAndeanOnesLeaveTheRunway(name: String) throws {
    let scenario = try Self.read(name)
    let civil = scenario.radars.filter { $0.operator == "CORPAC" }
    #expect(Set(civil.map(Self.airport)) == Set(Self.runwayMidpoints.keys))
    for radar in civil {
      let airport = Self.airport(of: radar)
      let runway = try #require(Self.runwayMidpoints[airport])
      let away = Self.distanceAndBearing(from: runway, to: (radar.latitude, radar.longitude)).km
      let position = radar.provenance.label
      #expect(position.contains("El Comercio 2024"), "\(name): \(radar.name): \(position)")
      // The mast is stated on the site, not left to the type's default.
      if case .assumption(let mast) = radar.antennaHeight.provenance {
        #expect(mast.contains("not found in sources"), "\(name): \(radar.name)")
      } else {
        Issue.record("\(name): \(radar.name): the mast height is an assumption and must say so")
      }
      if Self.atTheAirport.contains(airport) {
        #expect(away < 0.01, "\(name): \(radar.name) is \(away) km from the runway midpoint")
      } else {
        // The Andean heads stand on hills the sources name, away from the runway: an assumed position, said so.
        #expect(away > 5, "\(name): \(radar.name) is only \(away) km from the runway midpoint")
        #expect(position.hasPrefix("assumption: ") && position.contains("Assumed position: the highest cell"))
      }
    }
  }

  @Test func everyScenarioPutsACivilHeadAtOnePlace() throws {
    var places: [String: Set<String>] = [:]
    for name in Self.shipped {
      for radar in try Self.read(name).radars where radar.operator == "CORPAC" {
        places[Self.airport(of: radar), default: []].insert("\(radar.latitude),\(radar.longitude)")
      }
    }
    #expect(places.count == 8)
    for (airport, positions) in places { #expect(positions.count == 1, "\(airport): \(positions)") }
  }

  /// The comparison with CORPAC's claim counts the eight secondaries alone, against replying transponders.
  @Test(arguments: ["corpac-mssr", "corpac-mssr-runways"])
  func theCORPACComparisonHoldsTheEightSecondariesAlone(name: String) throws {
    let scenario = try Self.read(name)
    #expect(scenario.radars.count == 8)
    #expect(scenario.radars.allSatisfy { $0.operator == "CORPAC" && $0.type.id == "indra-mssr" })
    #expect(scenario.radars.allSatisfy { $0.type.role == .secondary })
    #expect(scenario.targets.allSatisfy(\.transponderOn) && !scenario.targets.isEmpty)
    #expect(scenario.flightLevels.map(\.value).contains(250))
    let runways = scenario.radars.filter {
      let runway = Self.runwayMidpoints[Self.airport(of: $0)]!
      return Self.distanceAndBearing(from: runway, to: ($0.latitude, $0.longitude)).km < 0.01
    }
    #expect(runways.count == (name == "corpac-mssr-runways" ? 8 : 4))
  }

  /// Each assumed hill site is what the documented search finds on the 30" composite (skipped without it).
  @Test(.enabled(if: composite != nil), arguments: ["Cajamarca", "Cusco", "Ayacucho", "Arequipa"])
  func assumedHillSitesAreTheDocumentedSearchesResult(airport: String) throws {
    let dataset = try RasterDataset(path: try #require(Self.composite))
    let grid = dataset.georeference
    let runway = try #require(Self.runwayMidpoints[airport])
    let search = try #require(Self.hillSearches[airport])
    let span = Int((search.distanceKm.upperBound / 0.9).rounded(.up)) + 3
    let centreColumn = Int((runway.longitude - grid.originX) / grid.cellWidth)
    let centreRow = Int((grid.originY - runway.latitude) / grid.cellHeight)
    let heights = try dataset.read(
      column: centreColumn - span, row: centreRow - span, width: 2 * span + 1, height: 2 * span + 1)
    var best: (height: Float, latitude: Double, longitude: Double)?
    for row in 0...(2 * span) {
      for column in 0...(2 * span) {
        let latitude = grid.originY - (Double(centreRow - span + row) + 0.5) * grid.cellHeight
        let longitude = grid.originX + (Double(centreColumn - span + column) + 0.5) * grid.cellWidth
        let (km, degrees) = Self.distanceAndBearing(from: runway, to: (latitude, longitude))
        let height = heights[row * (2 * span + 1) + column]
        guard search.distanceKm.contains(km), search.bearingDegrees.contains(degrees) else { continue }
        if best == nil || height > best!.height { best = (height, latitude, longitude) }
      }
    }
    let found = try #require(best)
    let runwayGround = heights[span * (2 * span + 1) + span]
    // The hill stands well above the airfield: what the runway-midpoint shortcut lost.
    #expect(found.height > runwayGround + 500, "\(airport): \(found.height) m against \(runwayGround) m")
    for name in Self.shipped {
      let radars = try Self.read(name).radars.filter { $0.operator == "CORPAC" && Self.airport(of: $0) == airport }
      #expect(!radars.isEmpty)
      for radar in radars {
        // Recorded to 1e-5 degree, well inside the 30" (1/120 degree) cell found; the text gives its height.
        #expect(
          abs(radar.latitude - found.latitude) < 1e-4 && abs(radar.longitude - found.longitude) < 1e-4,
          "\(name): \(radar.name) at \(radar.latitude), \(radar.longitude); the search finds \(found)")
        #expect(radar.provenance.label.contains(Self.metres(found.height)), "\(name): \(radar.name)")
      }
    }
  }
}
