import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import RadarModels
import TestSupport
import Testing

/// The scenario study's maps at flight levels: one per configuration, target and level, beside the AGL map.
@Suite final class FlightLevelMapTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  static let flightLevels = [50, 150, 250].map(FlightLevel.init)

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-flmap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// One radar 10 m above flat sea-level ground at (-8, -74), on 0.025° cells 10° x 10° around it.
  func study() throws -> CoverageStudy.Result {
    let size = 400
    let dem = directory.appendingPathComponent("flat.tif").path
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: [Float](repeating: 0, count: size * size))],
      georeference: RasterGeoreference(
        originX: -79, originY: -3, cellWidth: 0.025, cellHeight: 0.025, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
    let type = RadarType(
      id: "test-psr", name: "test primary", role: .primary, instrumentedRange: Sourced(450_000, .assumption("test")),
      elevationLimits: Sourced(-5...89.9, .assumption("test")), scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: Sourced(5_000_000, .assumption("test: never range-limited")), cooperativeDetection: nil,
      antennaHeight: Sourced(10, .assumption("test")), availability: Sourced(1, .assumption("test")),
      meanTimeToRepair: Sourced(1, .assumption("test")))
    let scenario = Scenario(
      id: "flight-level-maps", title: "flight-level maps", demCandidates: [dem],
      refractionFactor: Sourced(4.0 / 3, .source("test")), falseAlarmProbability: Sourced(1e-6, .assumption("t")),
      coverageProbability: Sourced(0.5, .assumption("t")),
      targets: [
        TargetClass(id: "off", name: "silent", radarCrossSection: Sourced(1.5, .assumption("t")), transponderOn: false)
      ],
      radars: [
        RadarPlacement(
          name: "Centre (test)", operator: "FAP", type: type, latitude: -8, longitude: -74,
          antennaHeight: Sourced(10, .assumption("test")), notional: false, provenance: .assumption("test"))
      ],
      networks: [
        NetworkConfiguration(
          id: "alone", description: "one radar", realTimeOperators: ["FAP"],
          fusionLatency: Sourced(5, .assumption("t")), voiceRelay: nil)
      ], regionsFile: nil, regionNameField: "name", bordersFile: nil, altitudesAGL: [150],
      mapAltitudeAGL: 300, flightLevels: Self.flightLevels.map { Sourced($0.hundredsOfFeet, .assumption("test")) })
    return try CoverageStudy(
      scenario: scenario, fields: CoverageFields(scenario: scenario, dem: dem, threads: 2),
      outputDirectory: directory.appendingPathComponent("study").path
    ).run()
  }

  @Test func eachFlightLevelHasAMapTheSizeOfTheStudyMapWhoseRealTimeCoverageGrowsWithTheLevel() throws {
    let result = try study()
    let folder = directory.appendingPathComponent("study")
    let aglMap = try PNGWriter.read(folder.appendingPathComponent("alone--off.png").path)
    let realTime = CoverageMapStyle.drawnColour(of: CoverageStudy.mapClasses.realTime)
    var counts: [Int] = []
    for level in Self.flightLevels {
      let path = folder.appendingPathComponent("alone--off--\(level).png").path
      // Listed for the run's manifest, placed for GIS tools by its world file.
      #expect(result.files.contains(path), "\(level)")
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("alone--off--\(level).wld").path))
      let map = try PNGWriter.read(path)
      #expect(map.width == aglMap.width && map.height == aglMap.height, "\(level)")
      #expect(try RasterDataset(path: path).georeference.width == map.width)
      counts.append(
        (0..<map.red.count).count {
          map.red[$0] == realTime.red && map.green[$0] == realTime.green && map.blue[$0] == realTime.blue
        })
    }
    #expect(counts.count == Self.flightLevels.count && counts[0] > 0, "\(counts)")
    #expect(zip(counts, counts.dropFirst()).isNonEmptyAndAll { $0 <= $1 }, "\(counts)")
    // FL250's disc (radius ≈ 373 km) is well over twice FL050's (≈ 173 km) in area.
    #expect(counts.last! > 2 * counts[0], "\(counts)")
  }
}
