import CoverageKernel
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

/// The tornado charts of a small sensitivity study over the shipped scenario's areas, bases and interceptors (one
/// synthetic radar on flat ground): written through GDAL, read back at the size the chart says, with bars drawn.
@Suite struct SensitivityTornadoTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The shipped 2025 scenario with one primary radar at Puerto Maldonado, and a flat world (200 m) around it;
  /// Peru west of 69.5° W.
  static func theatre() throws -> (InterdictionScenario, SimulationWorld) {
    var scenario = try InterdictionScenarioReader.read(
      contentsOf: repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path)
    let primary = try #require(scenario.network.radars.first { $0.type.role == .primary })
    var radar = primary
    radar.latitude = -12.6
    radar.longitude = -69.2
    radar.type.availability = Sourced(1, .assumption("test"))
    scenario.network.radars = [radar]
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: -80, originY: -2, cellWidth: 0.1, cellHeight: 0.1, width: 140,
      height: 170)
    let terrain = ElevationGrid(geometry: geometry, heights: [Float](repeating: 200, count: 140 * 170))
    let peru = (0..<(140 * 170)).map { geometry.x(ofColumn: Double($0 % 140)) < -69.5 ? UInt8(1) : 0 }
    let site = RadarSite(
      name: radar.name, position: MapPoint(x: radar.longitude, y: radar.latitude), antenna: .aboveGround(10),
      limits: CoverageLimits(maximumRange: 200_000, minimumElevation: -5, maximumElevation: 60))
    let window = try #require(
      geometry.window(around: site.position, radius: 200_000, earthRadius: EarthModel.meanRadius))
    let field = try LineOfSightKernel(threads: 2).coverage(of: site, over: terrain.cropped(to: window))
    let world = SimulationWorld(
      terrain: terrain, insidePeru: peru,
      radars: [SimulationWorld.Radar(placement: radar, visibility: RadarVisibility(field))], earth: .standard)
    return (scenario, world)
  }

  @Test func theTornadoReadsBackAtItsSizeWithBarsInThePlot() throws {
    var (scenario, world) = try Self.theatre()
    scenario.sensitivityRanges = ["alert_readiness": Sourced(0...1, .assumption("test"))]
    let study = SensitivityStudy(
      scenario: scenario, world: world,
      parameters: ["alert_readiness", "classification_time"].map { SensitivityParameter.named($0)! }, flights: 60,
      seed: 3,
      threads: 2,
      combinations: MonteCarlo(scenario: scenario, world: world, seed: 3, threads: 1).combinations.filter {
        $0.basing == "forward-15"
      })
    let option = study.focusOptions[0]
    #expect(study.base.rows[option].interception.estimate > 0)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tornado-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tornado = SensitivityTornado(study: study, metric: .interception)
    let path = folder.appendingPathComponent("tornado.png").path
    try tornado.write(to: path)
    let image = try PNGWriter.read(path)
    #expect(image.width == SensitivityTornado.width && image.height == tornado.height)
    #expect(tornado.height > 400)
    // A chart has no place on Earth: no world file or georeference beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tornado.png"])
    // Readiness 0 takes P(intercept) to 0: its bar, in the low end's blue, lies in the plot, right of the labels.
    let blue = (0..<(image.width * image.height)).filter { index in
      index % image.width > 400 && image.red[index] == 0 && image.green[index] == 114 && image.blue[index] == 178
    }
    #expect(blue.count > 200)
  }
}
