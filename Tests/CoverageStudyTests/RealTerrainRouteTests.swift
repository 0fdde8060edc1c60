import CoverageKernel
import CoveragePipeline
import Foundation
import Interdiction
import InterdictionModels
import ScenarioFiles
import Testing

/// Routes and strips of `Scenarios/interdiction-2025.yaml` over the real 30" composite DEM (`../shared/terrain`, or
/// `AIRPICTURE_TERRAIN_DIR`; skipped when it is absent), through the world builder `airpicture run` uses.
@Suite struct RealTerrainRouteTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static var terrainDirectory: String {
    if let directory = ProcessInfo.processInfo.environment["AIRPICTURE_TERRAIN_DIR"] { return directory }
    return repository.deletingLastPathComponent().appendingPathComponent("shared/terrain").path
  }
  static let dem: String? = {
    let path = (terrainDirectory as NSString).appendingPathComponent("peru_composite_30s.tif")
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  /// Over the Andes no airborne sample is below the ground or above the ceiling (straight lines put 36 % of
  /// Cessna 206 flights on the surface of ridges above their ceiling); some straight ways had to detour; every strip
  /// lies within the caps; flights that plan their route are seen by the Puerto Maldonado TPS-70 less often than
  /// flights that fly straight.
  @Test(.enabled(if: dem != nil, "the 30\" composite DEM is not in ../shared/terrain"))
  func flightsOverRealTerrainStayBetweenTheGroundAndTheirCeiling() throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path)
    let fields = try CoverageFields(scenario: scenario.network, dem: Self.dem!, threads: 2)
    let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields)
    let tps70 = try #require(world.radars.firstIndex { $0.placement.name.contains("Puerto Maldonado") })
    let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: 1))
    let strips = scenario.pattern.strips
    var routes: [FlightPath.Route: Int] = [:]
    var seen: [FlightPath.Route: Int] = [:]
    for index in 0..<300 {
      let path = generator.flight(index)
      routes[path.route, default: 0] += 1
      var seenByTPS70 = false
      for sample in path.samples where sample.airborne {
        let ground = world.ground(latitude: sample.latitude, longitude: sample.longitude)
        #expect(sample.altitude >= ground - 1e-6, "flight \(index) below the ground")
        #expect(sample.altitude <= path.aircraft.ceiling.value + 1e-6, "flight \(index) above its ceiling")
        if world.radars[tps70].visibility.sees(x: sample.longitude, y: sample.latitude, altitude: sample.altitude) {
          seenByTPS70 = true
        }
      }
      if seenByTPS70 { seen[path.route, default: 0] += 1 }
      let strip = path.samples[path.landingIndex]
      #expect(world.ground(latitude: strip.latitude, longitude: strip.longitude) <= strips.maximumAltitude.value)
      #expect(world.slope(latitude: strip.latitude, longitude: strip.longitude) <= strips.maximumSlope.value)
    }
    let planned = routes[.planned, default: 0]
    let straight = routes[.direct, default: 0] + routes[.detour, default: 0]
    #expect(planned > 0 && straight > 0)
    #expect(routes[.detour, default: 0] > 0, "no straight way met terrain above the ceiling: the test tests nothing")
    let plannedSeen = Double(seen[.planned, default: 0]) / Double(planned)
    let straightSeen = Double(seen[.direct, default: 0] + seen[.detour, default: 0]) / Double(straight)
    #expect(plannedSeen < straightSeen, "seen by the TPS-70: planned \(plannedSeen), straight \(straightSeen)")
  }
}
