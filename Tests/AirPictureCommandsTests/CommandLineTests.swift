import CoverageKernel
import Foundation
import GeoRaster
import TestSupport
import Testing

/// `airpicture` run as a process, as an analyst runs it.
@Suite final class CommandLineTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    dem = directory.appendingPathComponent("dem.tif").path
    let size = 240
    try GeoTIFFWriter.write(
      [
        RasterBand(
          description: "elevation (m)",
          values: RidgedFractalTerrain(seed: 5, relief: 2_000, wavelength: 60).heights(width: size, height: size))
      ],
      georeference: RasterGeoreference(
        originX: -70.2, originY: -11.8, cellWidth: 0.005, cellHeight: 0.005, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  func run(_ arguments: [String]) throws -> AirPictureProcess.Result { try AirPictureProcess.run(arguments) }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  @Test func coverageWritesTheGeoTIFFQuickLookAndTables() throws {
    let result = try run([
      "coverage", "--dem", dem, "--site=-12.1,-69.9,10,North", "--site=-12.6,-69.6,25,South", "--range-km", "40",
      "--out", path("net.tif"), "--png", path("net.png"), "--summary-csv", path("net.csv"),
      "--summary-json", path("net.json"), "--max-elevation-deg", "20",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("covered_percent"))
    let raster = try RasterDataset(path: path("net.tif"))
    let cells = raster.georeference.width * raster.georeference.height
    #expect(cells > 10_000)
    let csv = try String(contentsOfFile: path("net.csv"), encoding: .utf8).split(separator: "\n")
    #expect(csv.count == 5 && csv[0] == "altitude_agl_m,covered_km2,computed_km2,covered_percent")
    let percents = csv.dropFirst().map { Double($0.split(separator: ",")[3])! }
    #expect(percents == percents.sorted() && percents.isNonEmptyAndAll { (0...100).contains($0) })
    #expect(FileManager.default.fileExists(atPath: path("net.png")))
    #expect(FileManager.default.fileExists(atPath: path("net.wld")))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("net.json"))))
    #expect((json as? [String: Any])?["radars"] as? [String] == ["North", "South"])
  }

  @Test func theRadarIndexBandNamesWhoSeesLowest() throws {
    let result = try run([
      "coverage", "--dem", dem, "--site=-12.1,-69.9,10", "--site=-12.6,-69.6,10", "--range-km", "30",
      "--out", path("index.tif"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let raster = try RasterDataset(path: path("index.tif"))
    let reference = raster.georeference
    // Band 3 is read through a one-band view: GDAL's band subset syntax is not needed; read via a VRT path.
    let band3 = try RasterDataset(path: "vrt://\(path("index.tif"))?bands=3")
    let indices = try band3.read(column: 0, row: 0, width: reference.width, height: reference.height)
    let seen = Set(indices.filter { !$0.isNaN })
    #expect(seen == [0, 1])
  }

  @Test(arguments: [
    (["--dem", "/nonexistent/dem.tif", "--site=-12.1,-69.9,10"], "cannot open raster"),
    (["--site=-12.1,-69.9,10"], "dem"),
    (["--site=-30,-69.9,10"], "outside the DEM"),
    (["--site=-12.1,-69.9,10", "--range-km", "0"], "--range-km"),
    (["--site=-12.1,-69.9,10", "--range-km", "-5"], "--range-km"),
    (["--site=-12.1,-69.9,10", "--k", "0"], "--k"),
    (["--site=-12.1,-69.9"], "malformed site"),
    (["--site=abc,-69.9,10"], "malformed site"),
    (["--site=-12.1,-69.9,-3"], "antenna height"),
    ([String](), "--site"),
    (["--site=-12.1,-69.9,10", "--out", "/nonexistent-dir/cov.tif"], "does not exist"),
    (["--site=-12.1,-69.9,10", "--altitudes-agl", "150,x"], "--altitudes-agl"),
  ])
  func badInputGetsOneLineAndNoOutput(arguments: [String], expected: String) throws {
    var full = ["coverage"]
    if !arguments.contains("--dem") && !(arguments.count == 1 && arguments[0].hasPrefix("--site") && expected == "dem")
    {
      full += ["--dem", dem]
    }
    full += arguments
    if !arguments.contains("--out") { full += ["--out", path("bad.tif")] }
    let result = try run(full)
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.lowercased().contains(expected.lowercased()), "stderr: \(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["dem.tif"])
  }

  @Test func anUnreadableDEMIsRefused() throws {
    let fake = path("fake.tif")
    try Data("not a raster".utf8).write(to: URL(fileURLWithPath: fake))
    let result = try run(["coverage", "--dem", fake, "--site=-12.1,-69.9,10", "--out", path("x.tif")])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: path("x.tif")))
  }

  @Test func benchRunsOnASmallGeneratedTerrain() throws {
    let result = try run(["bench", "--size", "301", "--range-km", "12", "--repeats", "1", "--threads", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Mcells/s"))
  }

  @Test func helpGoesToStdoutAndSucceeds() throws {
    let result = try run(["coverage", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("--altitudes-agl"))
  }
}
