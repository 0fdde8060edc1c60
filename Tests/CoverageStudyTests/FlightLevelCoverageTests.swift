import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import RadarModels
import TestSupport
import Testing

/// Coverage at flight levels (MSL) against the radar horizon's closed form, in the ad-hoc network and the scenario
/// study, and the tables' one schema.
@Suite final class FlightLevelCoverageTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let earth = EarthModel.standard
  static let flightLevels = [50, 100, 150, 250].map(FlightLevel.init)
  /// The radar stands at (-8, -74), 10 m above the ground.
  static let antenna = 10.0

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-fl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// 0.025° cells, 10° x 10° around (-8, -74): flat ground at `plateau` metres, or ridged terrain up to 3,000 m.
  func dem(_ name: String, ridged: Bool, plateau: Float = 0) throws -> String {
    let size = 400
    let path = directory.appendingPathComponent(name).path
    let heights =
      ridged
      ? RidgedFractalTerrain(seed: 3, relief: 3_000, wavelength: 80).heights(width: size, height: size)
      : [Float](repeating: plateau, count: size * size)
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: heights)],
      georeference: RasterGeoreference(
        originX: -79, originY: -3, cellWidth: 0.025, cellHeight: 0.025, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: path)
    return path
  }

  /// The ad-hoc network of one radar at 450 km, its table written as CSV and JSON.
  func adHoc(_ dem: String, name: String) throws -> SummaryTable {
    let fields = try CoverageFields(demPath: dem, earth: earth, threads: 2)
    let radar = try fields.place(
      name: "Centre (test)", latitude: -8, longitude: -74, antenna: .aboveGround(Self.antenna), reach: 450_000,
      voidRemedy: "none")
    let study = SiteNetworkStudy(
      fields: fields, radars: [radar], limits: CoverageLimits(maximumRange: 450_000), altitudesAGL: [150, 1_000],
      flightLevels: Self.flightLevels, metadata: [])
    let path = { (file: String) in self.directory.appendingPathComponent(file).path }
    return try study.run(
      writingTo: .init(
        raster: path("\(name).tif"), perRadar: [], png: nil, csv: path("\(name).csv"), json: path("\(name).json"))
    ).table
  }

  /// Over sea-level ground a target at H m MSL is seen out to √(2kR·h_a) + √(2kR·H): a disc of that radius.
  @Test func flatSeaLevelCoverageAtEachFlightLevelIsTheHorizonDisc() throws {
    let table = try adHoc(try dem("flat.tif", ridged: false), name: "flat")
    let rows = table.summary.rows.filter { $0.altitudeReference == .meanSeaLevel }
    #expect(rows.count == Self.flightLevels.count)
    for (level, row) in zip(Self.flightLevels, rows) {
      #expect(abs(row.altitude - level.metresMSL) < 0.01)
      let radius =
        earth.horizonDistance(antennaHeight: Self.antenna) + earth.horizonDistance(antennaHeight: level.metresMSL)
      let expected = Double.pi * radius * radius / 1e6
      #expect(
        abs(row.coveredAreaKm2 - expected) / expected < 0.015, "\(level): \(row.coveredAreaKm2) vs \(expected) km2")
    }
    // On sea-level ground, AGL and MSL are the same: 1000 m AGL lies between FL000 and FL050 (1524 m).
    let agl1000 = try #require(
      table.summary.rows.first { $0.altitudeReference == .aboveGroundLevel && $0.altitude == 1_000 })
    #expect(agl1000.coveredAreaKm2 < rows[0].coveredAreaKm2)
  }

  /// On a plateau 1,000 m above the sea a flight level is measured from the sea, not the ground: the target is
  /// H - 1000 m above the surface, and a level below the plateau is never covered.
  @Test func flightLevelsAreAboveTheSeaNotTheGround() throws {
    let table = try adHoc(try dem("plateau.tif", ridged: false, plateau: 1_000), name: "plateau")
    let rows = table.summary.rows.filter { $0.altitudeReference == .meanSeaLevel }
    #expect(rows.count == Self.flightLevels.count && rows[0].coveredAreaKm2 > 0)
    for (level, row) in zip(Self.flightLevels, rows) {
      let radius =
        earth.horizonDistance(antennaHeight: Self.antenna)
        + earth.horizonDistance(antennaHeight: level.metresMSL - 1_000)
      let expected = Double.pi * radius * radius / 1e6
      #expect(
        abs(row.coveredAreaKm2 - expected) / expected < 0.015, "\(level): \(row.coveredAreaKm2) vs \(expected) km2")
    }
    // FL030 (914 m) lies below the plateau: nothing is covered there, though 150 m above the ground is.
    let fields = try CoverageFields(
      demPath: directory.appendingPathComponent("plateau.tif").path, earth: earth, threads: 2)
    let radar = try fields.place(
      name: "low", latitude: -8, longitude: -74, antenna: .aboveGround(Self.antenna), reach: 200_000,
      voidRemedy: "none")
    let low = try SiteNetworkStudy(
      fields: fields, radars: [radar], limits: CoverageLimits(maximumRange: 200_000), altitudesAGL: [150],
      flightLevels: [FlightLevel(30)], metadata: []
    ).run(
      writingTo: .init(
        raster: directory.appendingPathComponent("low.tif").path, perRadar: [], png: nil, csv: nil, json: nil))
    let belowThePlateau = try #require(low.table.summary.rows.last)
    #expect(belowThePlateau.altitudeReference == .meanSeaLevel && belowThePlateau.coveredAreaKm2 == 0)
    #expect(low.table.summary.rows[0].coveredAreaKm2 > 0)
  }

  @Test(arguments: [false, true])
  func coverageGrowsWithTheFlightLevel(ridged: Bool) throws {
    let table = try adHoc(try dem("terrain-\(ridged).tif", ridged: ridged), name: "grows-\(ridged)")
    let areas = table.summary.rows.filter { $0.altitudeReference == .meanSeaLevel }.map(\.coveredAreaKm2)
    #expect(areas.count == Self.flightLevels.count)
    #expect(zip(areas, areas.dropFirst()).isNonEmptyAndAll { $0 < $1 }, "\(areas)")
  }

  @Test func theAdHocTablesCSVAndJSONShareOneSchema() throws {
    let table = try adHoc(try dem("schema.tif", ridged: true), name: "schema")
    let csv = try String(contentsOfFile: directory.appendingPathComponent("schema.csv").path, encoding: .utf8)
    let json = try Data(contentsOf: directory.appendingPathComponent("schema.json"))
    let (problems, numeric) = try TableSchema.check(csv: csv, json: json, dimensionless: { _ in false })
    #expect(problems.isEmpty, "\(problems)")
    #expect(numeric == ["altitude_m", "altitude_ft", "covered_km2", "in_range_km2", "covered_percent"])
    #expect(csv == table.csv)
    // The flight levels' rows say so, in feet as aviators give them.
    #expect(csv.contains("\nMSL,FL150,4572.0,15000,"))
    #expect(csv.contains("\nAGL,,150.0,492,"))
  }

  /// The scenario study: one radar, the whole study area as its region, AGL altitudes and flight levels.
  func study(dem: String) throws -> CoverageStudy.Result {
    let type = RadarType(
      id: "test-psr", name: "test primary", role: .primary, instrumentedRange: Sourced(450_000, .assumption("test")),
      elevationLimits: Sourced(-5...89.9, .assumption("test")), scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: Sourced(5_000_000, .assumption("test: never range-limited")), cooperativeDetection: nil,
      antennaHeight: Sourced(Self.antenna, .assumption("test")), availability: Sourced(1, .assumption("test")),
      meanTimeToRepair: Sourced(1, .assumption("test")))
    let scenario = Scenario(
      id: "flight-levels", title: "flight levels", demCandidates: [dem],
      refractionFactor: Sourced(4.0 / 3, .source("test")), falseAlarmProbability: Sourced(1e-6, .assumption("t")),
      coverageProbability: Sourced(0.5, .assumption("t")),
      targets: [
        TargetClass(id: "off", name: "silent", radarCrossSection: Sourced(1.5, .assumption("t")), transponderOn: false)
      ],
      radars: [
        RadarPlacement(
          name: "Centre (test)", operator: "FAP", type: type, latitude: -8, longitude: -74,
          antennaHeight: Sourced(Self.antenna, .assumption("test")), notional: false, provenance: .assumption("test"))
      ],
      networks: [
        NetworkConfiguration(
          id: "alone", description: "one radar", realTimeOperators: ["FAP"],
          fusionLatency: Sourced(5, .assumption("t")), voiceRelay: nil)
      ], regionsFile: nil, regionNameField: "name", bordersFile: nil, altitudesAGL: [150, 1_000],
      mapAltitudeAGL: 300, flightLevels: Self.flightLevels.map { Sourced($0.hundredsOfFeet, .assumption("test")) })
    return try CoverageStudy(
      scenario: scenario, fields: CoverageFields(scenario: scenario, dem: dem, threads: 2),
      outputDirectory: directory.appendingPathComponent("study").path
    ).run()
  }

  @Test func theStudyTableListsFlightLevelsBesideAGLAltitudesInOneSchema() throws {
    let result = try study(dem: try dem("study.tif", ridged: false))
    let rows = result.table.rows
    // AGL rows for the table's altitudes only (not the map's 300 m), then the flight levels.
    #expect(rows.map(\.altitudeLabel) == ["150 m AGL", "1000 m AGL", "FL050", "FL100", "FL150", "FL250"])
    for row in rows where row.altitudeReference == .meanSeaLevel {
      let level = FlightLevel(try #require(row.flightLevel))
      let radius =
        earth.horizonDistance(antennaHeight: Self.antenna) + earth.horizonDistance(antennaHeight: level.metresMSL)
      let expected = Double.pi * radius * radius / 1e6
      #expect(abs(row.coveredKm2 - expected) / expected < 0.015, "\(level): \(row.coveredKm2) vs \(expected) km2")
    }
    let folder = directory.appendingPathComponent("study")
    let (problems, numeric) = try TableSchema.check(
      csv: try String(contentsOf: folder.appendingPathComponent("coverage-table.csv"), encoding: .utf8),
      json: try Data(contentsOf: folder.appendingPathComponent("coverage-table.json")), dimensionless: { _ in false })
    #expect(problems.isEmpty, "\(problems)")
    #expect(numeric.isSuperset(of: ["altitude_m", "altitude_ft", "covered_km2", "difference_vs_baseline_points"]))
    // The radar's own GeoTIFF has the same name as in an ad-hoc run.
    let perRadar = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("per-radar/off").path
    ).filter { $0.hasSuffix(".tif") }
    #expect(perRadar == ["\(SiteNetworkStudy.fileName(for: "Centre (test)", index: 0)).tif"])
    #expect(perRadar == ["00-centre-test.tif"])
  }

  /// The scenario study's flight levels, as the ad-hoc table's, are above the sea: on a 1,000 m plateau the target at
  /// FL x stands x × 30.48 − 1,000 m above the ground. Comparing a claim made at a flight level with coverage at that
  /// many metres above the ground would find the larger disc, which this rules out.
  @Test func theStudysFlightLevelsAreAboveTheSeaOnAPlateau() throws {
    let result = try study(dem: try dem("study-plateau.tif", ridged: false, plateau: 1_000))
    let rows = result.table.rows.filter { $0.altitudeReference == .meanSeaLevel }
    #expect(rows.map(\.altitudeLabel) == ["FL050", "FL100", "FL150", "FL250"])
    for row in rows {
      let level = FlightLevel(try #require(row.flightLevel))
      let antennaHorizon = earth.horizonDistance(antennaHeight: Self.antenna)
      let radius = antennaHorizon + earth.horizonDistance(antennaHeight: level.metresMSL - 1_000)
      let expected = Double.pi * radius * radius / 1e6
      #expect(abs(row.coveredKm2 - expected) / expected < 0.015, "\(level): \(row.coveredKm2) vs \(expected) km2")
      let aboveGround = antennaHorizon + earth.horizonDistance(antennaHeight: level.metresMSL)
      #expect(row.coveredKm2 < 0.97 * Double.pi * aboveGround * aboveGround / 1e6, "\(level)")
    }
  }

  @Test(arguments: [
    ("Lima primary (Northrop Grumman)", 1, "01-lima-primary-northrop-grumman"),
    ("Tingo María", 12, "12-tingo-maría"), ("--", 3, "03-radar"),
    ("Puerto Maldonado TPS-70", 0, "00-puerto-maldonado-tps-70"),
  ])
  func perRadarFilesAreNamedByOneRule(name: String, index: Int, expected: String) {
    #expect(SiteNetworkStudy.fileName(for: name, index: index) == expected)
  }
}
