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
    // The four default altitudes above ground, then the three default flight levels.
    #expect(
      csv.count == 8
        && csv[0] == "altitude_reference,flight_level,altitude_m,altitude_ft,covered_km2,in_range_km2,covered_percent")
    let fields = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(fields.map { $0[0] } == ["AGL", "AGL", "AGL", "AGL", "MSL", "MSL", "MSL"])
    #expect(fields.map { $0[1] } == ["", "", "", "", "FL100", "FL150", "FL250"])
    let percents = fields.filter { $0[0] == "AGL" }.map { Double($0[6])! }
    #expect(percents == percents.sorted() && percents.isNonEmptyAndAll { (0...100).contains($0) })
    // Up to FL250 the 20° cone of silence hides more near the radars than the horizon adds: no order, but shares.
    #expect(fields.filter { $0[0] == "MSL" }.isNonEmptyAndAll { (0...100).contains(Double($0[6])!) })
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
    (
      ["--site=-12.1,-69.9"],
      "'--site <lat,lon,agl_m[,name[,ground_m]]>': expected LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]], got 2 fields"
    ),
    (["--site=abc,-69.9,10"], "'--site <lat,lon,agl_m[,name[,ground_m]]>': latitude 'abc' is not a number in -90...90"),
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

  /// A bad `--site`, `--sector` or `--altitudes-agl` is refused while parsing, before any work: exactly one line on
  /// stderr naming the option, the value and the field, no "Error:" label or usage, and no output file.
  @Test(arguments: [
    ("--site=-12.1,x,10", "'--site <lat,lon,agl_m[,name[,ground_m]]>'", "longitude 'x' is not a number in -180...180"),
    ("--sector=90,x", "'--sector <start,end>'", "end 'x' is not a number of degrees"),
    (
      "--altitudes-agl=150,-1", "'--altitudes-agl <m,m,...>'",
      "altitude 2 '-1' is not a non-negative number of metres"
    ),
  ])
  func aBadOptionValueIsNamedInOneLine(argument: String, option: String, detail: String) throws {
    let result = try run([
      "coverage", "--dem", dem, "--site=-12.1,-69.9,10", "--out", path("bad.tif"), "--png", path("bad.png"),
      "--summary-csv", path("bad.csv"), argument,
    ])
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "stderr: \(result.stderr)")
    let line = String(lines[0])
    let value = argument.split(separator: "=", maxSplits: 1)[1]
    #expect(line.hasPrefix("airpicture: error: ") && line.hasSuffix(": \(detail)"), "\(line)")
    #expect(line.contains(option) && line.contains("'\(value)'"), "\(line)")
    #expect(!line.contains("Error:") && !line.contains("Usage"), "\(line)")
    #expect(result.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["dem.tif"])
  }

  /// Range and cross-option checks refuse in `validate()` with the same one line as before they moved there.
  @Test(arguments: [
    (["--range-km=0"], "--range-km must be positive"),
    (["--range-km=2000"], "--range-km must be at most 1500"),
    (["--min-range-km=50", "--range-km=40"], "--min-range-km must be in [0, --range-km)"),
    (["--k=0"], "--k must be positive"),
    (["--threads=0"], "--threads must be at least 1"),
    (["--max-elevation-deg=91"], "--max-elevation-deg must be within -90...90"),
    (["--min-elevation-deg=10", "--max-elevation-deg=5"], "--min-elevation-deg must be below --max-elevation-deg"),
    (["--fill-voids=0"], "--fill-voids must be a distance in cells in (0, 10000]"),
  ])
  func anOutOfRangeValueGetsTodaysLine(arguments: [String], message: String) throws {
    let result = try run(["coverage", "--dem", dem, "--site=-12.1,-69.9,10", "--out", path("bad.tif")] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr == "airpicture: error: \(message)\n")
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
    #expect(result.status == 0 && result.stderr.isEmpty)
    #expect(result.stdout.contains("--altitudes-agl") && result.stdout.contains("(default: 150,300,1000,3000)"))
    #expect(result.stdout.contains("--site <lat,lon,agl_m[,name[,ground_m]]>"))
    let fetch = try run(["terrain", "fetch", "--help"])
    #expect(fetch.status == 0 && fetch.stderr.isEmpty)
    #expect(fetch.stdout.contains("(values: glo30, glo90; default: glo90)"), "\(fetch.stdout)")
  }

  /// `terrain fetch` refuses a bad box or source while parsing: one line, before reaching any server.
  @Test func aBadBoxOrSourceIsRefusedInOneLine() throws {
    for (arguments, expected) in [
      (["--bbox=-71,-14,-74,-12"], "'--bbox <w,s,e,n>': west -71 is not below east -74"),
      (["--bbox=-74,-14,-71,-12", "--source", "glo60"], "Please provide one of 'glo30' and 'glo90'"),
      (["--bbox=-80,-60,-30,10"], "--bbox spans 3500 tiles; keep it under 400"),
    ] {
      let result = try run(["terrain", "fetch", "--out", path("dem.vrt")] + arguments)
      #expect(result.status != 0 && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(result.stderr.hasPrefix("airpicture: error: ") && result.stderr.contains(expected), "\(result.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["dem.tif"])
  }
}
