import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import RadarModels
import TestSupport
import Testing

/// Whole studies on flat synthetic terrain, where the answers are known.
@Suite final class CoverageStudyTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String
  let earth = EarthModel.standard

  /// 0.02° cells of flat sea-level ground, 8° × 4° around (-74, -10).
  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-study-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    dem = directory.appendingPathComponent("flat.tif").path
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: [Float](repeating: 0, count: 400 * 200))],
      georeference: RasterGeoreference(
        originX: -78, originY: -8, cellWidth: 0.02, cellHeight: 0.02, width: 400, height: 200,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  static let fact = Sourced(1.0, .assumption("test"))

  static func radarType(_ role: SensorRole) -> RadarType {
    RadarType(
      id: RadarType.ID(role.rawValue), name: "test \(role.rawValue)", role: role,
      instrumentedRange: Sourced(300_000, .assumption("test")),
      elevationLimits: Sourced(-5...89.9, .assumption("test")),
      scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: role == .primary ? Sourced(5_000_000, .assumption("test: never range-limited")) : nil,
      cooperativeDetection: role == .secondary ? Sourced(0.98, .assumption("test")) : nil,
      antennaHeight: Sourced(10, .assumption("test")), availability: fact, meanTimeToRepair: fact)
  }

  func scenario(role: SensorRole, regions: String? = nil) -> Scenario {
    let target = { (on: Bool) in
      TargetClass(
        id: on ? "on" : "off", name: on ? "replying" : "silent", radarCrossSection: Sourced(1.5, .assumption("t")),
        transponderOn: on)
    }
    let radars = [(-10.0, -76.0, "west"), (-10.0, -72.0, "east")].map { latitude, longitude, name in
      RadarPlacement(
        name: name, operator: "FAP", type: Self.radarType(role), latitude: latitude, longitude: longitude,
        antennaHeight: Sourced(10, .assumption("test")), notional: false, provenance: .assumption("test"))
    }
    return Scenario(
      id: "flat", title: "flat test", demCandidates: [dem], refractionFactor: Sourced(4.0 / 3, .source("test")),
      falseAlarmProbability: Sourced(1e-6, .assumption("t")), coverageProbability: Sourced(0.5, .assumption("t")),
      targets: [target(false), target(true)], radars: radars,
      networks: [
        NetworkConfiguration(
          id: "both", description: "both radars", realTimeOperators: ["FAP"],
          fusionLatency: Sourced(5, .assumption("t")), voiceRelay: nil)
      ], regionsFile: regions, regionNameField: "name", bordersFile: nil, altitudesAGL: [150, 1_000, 3_000],
      mapAltitudeAGL: 1_000)
  }

  func run(_ scenario: Scenario, into name: String) throws -> CoverageStudy.Result {
    try CoverageStudy(
      scenario: scenario, fields: CoverageFields(scenario: scenario, dem: dem, threads: 2),
      outputDirectory: directory.appendingPathComponent(name).path
    ).run()
  }

  @Test func flatTerrainCoverageMatchesTheHorizonCircles() throws {
    let table = try run(scenario(role: .primary), into: "flat").table
    // Up to 1000 m the two discs (radius √(2kR·10 m) + √(2kR·h), 143 km at 1000 m) stay 438 km apart and disjoint.
    for altitude in [150.0, 1_000] {
      let radius = earth.horizonDistance(antennaHeight: 10) + earth.horizonDistance(antennaHeight: altitude)
      let expected = 2 * Double.pi * radius * radius / 1e6
      let row = try #require(
        table.rows.first { $0.target == "off" && $0.altitudeReference == .aboveGroundLevel && $0.altitude == altitude })
      #expect(abs(row.coveredKm2 - expected) / expected < 0.015, "\(altitude) m: \(row.coveredKm2) vs \(expected) km2")
    }
  }

  @Test func aSecondaryRadarNetworkNeverSeesASilentTransponder() throws {
    let table = try run(scenario(role: .secondary), into: "ssr").table
    #expect(
      table.rows.filter { $0.target == "off" }.isNonEmptyAndAll { $0.coveredKm2 == 0 && $0.coveredWithRelayKm2 == 0 })
    #expect(table.rows.filter { $0.target == "on" }.isNonEmptyAndAll { $0.coveredKm2 > 10_000 })
  }

  @Test func regionalFiguresAddUp() throws {
    let regions = directory.appendingPathComponent("halves.geojson")
    let box = { (west: Double, east: Double) in
      "[[[\(west),-12],[\(east),-12],[\(east),-8],[\(west),-8],[\(west),-12]]]"
    }
    let features = [("west half", box(-78, -74)), ("east half", box(-74, -70)), ("all", box(-78, -70))].map {
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"\($0.0)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\($0.1)}}"
    }
    try Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8).write(
      to: regions)
    let table = try run(scenario(role: .primary, regions: regions.path), into: "regions").table
    for altitude in [150.0, 1_000, 3_000] {
      let rows = table.rows.filter {
        $0.target == "off" && $0.altitudeReference == .aboveGroundLevel && $0.altitude == altitude
      }
      let value = { (name: String) in rows.first { $0.region == name }! }
      let whole = value("all")
      #expect(
        abs(value("west half").regionKm2 + value("east half").regionKm2 - whole.regionKm2) < 1e-6 * whole.regionKm2)
      #expect(
        abs(value("west half").coveredKm2 + value("east half").coveredKm2 - whole.coveredKm2) < 1e-6 * whole.regionKm2)
      #expect(rows.isNonEmptyAndAll { $0.coveredPercent >= 0 && $0.coveredPercent <= 100 })
      // The box is 8° x 4° at 10° S: its geodesic area on the sphere.
      let area = pow(earth.radius, 2) * 8 * .pi / 180 * (sin(8 * Double.pi / 180) - sin(12 * Double.pi / 180)).magnitude
      #expect(abs(whole.regionKm2 - area / 1e6) / (area / 1e6) < 0.002)
    }
  }

  @Test func theSameScenarioGivesByteIdenticalTables() throws {
    let first = try run(scenario(role: .primary), into: "first")
    let second = try run(scenario(role: .primary), into: "second")
    #expect(first.table.csv == second.table.csv)
    for name in ["coverage-table.csv", "coverage-table.json"] {
      let a = try Data(contentsOf: directory.appendingPathComponent("first/\(name)"))
      let b = try Data(contentsOf: directory.appendingPathComponent("second/\(name)"))
      #expect(a == b && !a.isEmpty)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("first").path)
    #expect(Set(files).isSuperset(of: ["both--off.tif", "both--off.png", "both--on.tif", "coverage.kml", "per-radar"]))
  }
}
