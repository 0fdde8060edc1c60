import CoverageKernel
import Foundation
import GeoRaster
import TestSupport
import Testing

/// `coverage --flight-levels`, and the ad-hoc run's tables and per-radar names, run as a process.
@Suite final class FlightLevelOptionTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-fl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    dem = directory.appendingPathComponent("dem.tif").path
    let size = 200
    try GeoTIFFWriter.write(
      [
        RasterBand(
          description: "elevation (m)",
          values: RidgedFractalTerrain(seed: 9, relief: 3_500, wavelength: 50).heights(width: size, height: size))
      ],
      georeference: RasterGeoreference(
        originX: -70.5, originY: -12, cellWidth: 0.005, cellHeight: 0.005, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  @Test func flightLevelsJoinTheTablesAndThePerRadarFilesAreNamedAsInAStudy() throws {
    try FileManager.default.createDirectory(atPath: path("radars"), withIntermediateDirectories: true)
    let result = try AirPictureProcess.run([
      "coverage", "--dem", dem, "--site=-12.2,-70.2,10,Puerto Maldonado TPS-70", "--site=-12.7,-69.8,10",
      "--range-km", "30", "--flight-levels", "FL050,100,150", "--out", path("net.tif"), "--per-radar", path("radars"),
      "--summary-csv", path("net.csv"), "--summary-json", path("net.json"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("FL150 (15000 ft MSL)") && result.stdout.contains("pressure altitude taken as"))
    let csv = try String(contentsOfFile: path("net.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.filter { $0[0] == "MSL" }.map { String($0[1]) } == ["FL050", "FL100", "FL150"])
    let covered = rows.filter { $0[0] == "MSL" }.map { Double($0[4])! }
    #expect(zip(covered, covered.dropFirst()).isNonEmptyAndAll { $0 <= $1 })
    let (problems, numeric) = try TableSchema.check(
      csv: csv, json: Data(contentsOf: URL(fileURLWithPath: path("net.json"))), dimensionless: { _ in false })
    #expect(problems.isEmpty && numeric.contains("altitude_ft"), "\(problems)")
    let files = try FileManager.default.contentsOfDirectory(atPath: path("radars")).sorted()
    // Each GeoTIFF comes with its QGIS style.
    #expect(
      files == ["00-puerto-maldonado-tps-70.qml", "00-puerto-maldonado-tps-70.tif", "01-site-2.qml", "01-site-2.tif"])
  }

  @Test(arguments: [
    (["--flight-levels", "100,abc"], "flight level 2 'abc'"),
    (["--flight-levels", "100,100"], "given twice"),
    (["--flight-levels", "0"], "flight level 1 '0'"),
    (["--altitudes-agl", "1,2,3,4,5,6,7,8,9,10,11,12,13,14", "--flight-levels", "100,150,250"], "at most 16 in all"),
  ])
  func badFlightLevelsAreRefusedBeforeAnyWork(extra: [String], words: String) throws {
    let result = try AirPictureProcess.run(
      ["coverage", "--dem", dem, "--site=-12.2,-70.2,10", "--range-km", "20", "--out", path("never.tif")] + extra)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(words), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: path("never.tif")))
  }

  @Test func aScenarioTakesItsFlightLevelsFromItsFile() throws {
    let result = try AirPictureProcess.run([
      "coverage", AirPictureProcess.repository.appendingPathComponent("Scenarios/peru-2025.yaml").path,
      "--flight-levels", "100", "--out", path("never"),
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--flight-levels does not apply to a scenario run"), "\(result.stderr)")
  }
}
