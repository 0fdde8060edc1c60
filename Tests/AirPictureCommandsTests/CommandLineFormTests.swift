import AirPictureCommands
import CoverageKernel
import Foundation
import GeoRaster
import TestSupport
import Testing

/// How the command line reads as typed: negative coordinates after a space, swapped coordinates, help pages with
/// examples and value names, `--version`, options a mode would ignore, and scenarios of the wrong kind. Every check
/// runs `airpicture` as a process.
@Suite final class CommandLineFormTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String
  static let repository = AirPictureProcess.repository

  /// A 240 x 240 cell DEM from 70.2° W, 11.8° S to 69.0° W, 13.0° S.
  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-form-\(UUID().uuidString)")
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
  func scenario(_ name: String) -> String { Self.repository.appendingPathComponent("Scenarios/\(name)").path }

  /// The test folder holds nothing but the DEM (and `also`).
  func onlyTheDEMIsThere(also: [String] = []) throws -> Bool {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == (["dem.tif"] + also).sorted()
  }

  /// Refused with exactly one line on stderr containing `expected`, nothing on stdout.
  func expectRefusal(
    _ result: AirPictureProcess.Result, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status != 0, sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("airpicture: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(expected), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
  }

  // MARK: negative coordinates

  /// `--site -12.1,-69.9,10` after a space gives the same GeoTIFF, byte for byte, as `--site=-12.1,-69.9,10`; the
  /// elevation limits and sector take negative values after a space too.
  @Test func negativeCoordinatesWorkAsTyped() throws {
    let common = ["--range-km", "30", "--min-elevation-deg", "-0.5", "--sector", "-30,60"]
    let spaced = try run(
      ["coverage", "--dem", dem, "--site", "-12.1,-69.9,10,North", "--site", "-12.6,-69.6,25", "--out", path("a.tif")]
        + common)
    #expect(spaced.status == 0, "\(spaced.stderr)")
    let joined = try run(
      ["coverage", "--dem", dem, "--site=-12.1,-69.9,10,North", "--site=-12.6,-69.6,25", "--out", path("b.tif")]
        + ["--range-km=30", "--min-elevation-deg=-0.5", "--sector=-30,60"])
    #expect(joined.status == 0, "\(joined.stderr)")
    let a = try Data(contentsOf: URL(fileURLWithPath: path("a.tif")))
    let b = try Data(contentsOf: URL(fileURLWithPath: path("b.tif")))
    #expect(a.count > 10_000 && a == b)
    // GDAL keeps the metadata as XML in a TIFF tag.
    let text = String(decoding: a, as: UTF8.self)
    #expect(text.contains("<Item name=\"AIRPICTURE_MIN_ELEVATION_DEG\">-0.5</Item>"))
    #expect(text.contains("<Item name=\"AIRPICTURE_SECTOR_DEG\">-30,60</Item>"))
  }

  /// A bad value after a space is refused with the same per-field line as after `=`.
  @Test(arguments: [
    (
      ["--site", "-12.1,x,10"],
      "'--site <lat,lon,agl_m[,name[,ground_m]]>': longitude 'x' is not a number in -180...180"
    ),
    (["--site", "-12.1,-69.9"], "expected LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]], got 2 fields"),
    (["--site", "-12.1,-69.9,-3"], "antenna height '-3' is not a non-negative number of metres"),
    (["--site", "-12.1,-69.9,10", "--sector", "-30,x"], "'--sector <start,end>': end 'x' is not a number of degrees"),
    (
      ["--site", "-12.1,-69.9,10", "--altitudes-agl", "-150,300"],
      "'--altitudes-agl <m,m,...>': altitude 1 '-150' is not a non-negative number of metres"
    ),
    (
      ["--site", "-12.1,-69.9,10", "--min-elevation-deg", "-2", "--max-elevation-deg", "-3"],
      "--min-elevation-deg must be below --max-elevation-deg"
    ),
  ])
  func aBadNegativeValueIsNamed(arguments: [String], expected: String) throws {
    let result = try run(["coverage", "--dem", dem, "--out", path("bad.tif")] + arguments)
    expectRefusal(result, expected)
    #expect(try onlyTheDEMIsThere())
  }

  /// `terrain fetch --bbox -75,-13,-74,-12` parses (validation then refuses the connections, before any network).
  @Test func aNegativeBoxWorksAsTyped() throws {
    let good = try run(["terrain", "fetch", "--bbox", "-75,-13,-74,-12", "--connections", "0", "--out", path("d.vrt")])
    expectRefusal(good, "--connections must be 1 to 32, got 0")
    let large = try run(["terrain", "fetch", "--bbox", "-80,-60,-30,10", "--out", path("d.vrt")])
    expectRefusal(large, "--bbox spans 3500 tiles; keep it under 400")
    let reversed = try run(["terrain", "fetch", "--bbox", "-71,-14,-74,-12", "--out", path("d.vrt")])
    expectRefusal(reversed, "'--bbox <w,s,e,n>': west -71 is not below east -74")
    #expect(try onlyTheDEMIsThere())
  }

  // MARK: swapped latitude and longitude

  /// A site outside the DEM that lies inside with latitude and longitude swapped gets a hint; one outside either
  /// way gets the plain refusal.
  @Test func aSwappedSiteGetsAHint() throws {
    let swapped = try run(["coverage", "--dem", dem, "--site", "-69.9,-12.1,10,North", "--out", path("s.tif")])
    expectRefusal(swapped, "site 'North' (latitude -69.9, longitude -12.1) lies outside the DEM")
    #expect(swapped.stderr.contains("with latitude and longitude swapped it lies inside"))
    #expect(swapped.stderr.contains("--site -12.1,-69.9,..."))
    let elsewhere = try run(["coverage", "--dem", dem, "--site", "-30,-69.9,10", "--out", path("s.tif")])
    expectRefusal(elsewhere, "lies outside the DEM")
    #expect(!elsewhere.stderr.contains("swapped"))
    #expect(try onlyTheDEMIsThere())
  }

  /// Out-of-range fields that read well the other way round get a hint while parsing.
  @Test func outOfRangeSwappedFieldsGetAHint() throws {
    let site = try run(["coverage", "--dem", dem, "--site", "-120.5,-12.1,10", "--out", path("s.tif")])
    expectRefusal(site, "latitude '-120.5' is not a number in -90...90 (latitude and longitude swapped?")
    #expect(site.stderr.contains("-12.1,-120.5,..."))
    let box = try run(["terrain", "fetch", "--bbox", "-13,-100,-12,-99", "--out", path("d.vrt")])
    expectRefusal(
      box, "south '-100' is not a number in -90...90 (latitudes first? --bbox takes W,S,E,N: -100,-13,-99,-12)")
    #expect(try onlyTheDEMIsThere())
  }

  // MARK: help and version

  @Test(arguments: [
    (
      ["coverage"],
      [
        "--site <lat,lon,agl_m[,name[,ground_m]]>", "--k <k>", "default: 4/3", "--range-km <km>", "default: 450",
        "Examples:", "airpicture coverage Scenarios/peru-2025.yaml",
      ]
    ),
    (
      ["run"],
      [
        "<scenario.yaml>", "--flights <n>", "(default: 1000)", "Examples:",
        "airpicture run Scenarios/interdiction-2025.yaml",
      ]
    ),
    (["compare"], ["<scenario.yaml> ...", "Examples:", "airpicture compare Scenarios/interdiction-2025.yaml \\"]),
    (["bench"], ["--site <lat,lon,agl_m>", "--size <cells>", "3601, an SRTM 1-degree tile", "Examples:"]),
    (["terrain", "fetch"], ["--bbox <w,s,e,n>", "Examples:", "airpicture terrain fetch --bbox -75,-13,-74,-12"]),
  ])
  func helpShowsValueNamesDefaultsAndExamples(command: [String], expected: [String]) throws {
    let result = try run(command + ["--help"])
    #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    for text in expected {
      #expect(result.stdout.contains(text), "\(command) --help lacks '\(text)':\n\(result.stdout)")
    }
    #expect(!result.stdout.contains("1.333"))
  }

  @Test func versionIsPrinted() throws {
    let result = try run(["--version"])
    #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(version == AirPictureCommand.version)
    #expect(
      version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil },
      "\(version)")
  }

  /// `--k 4/3` is the default, so it gives the same GeoTIFF as no `--k`; 1.2 differs.
  @Test func kTakesAFraction() throws {
    let base = ["coverage", "--dem", dem, "--site", "-12.4,-69.6,10", "--range-km", "25"]
    for (name, extra) in [("default.tif", []), ("fraction.tif", ["--k", "4/3"]), ("low.tif", ["--k", "1.2"])] {
      let result = try run(base + ["--out", path(name)] + extra)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let read = { (name: String) in try Data(contentsOf: URL(fileURLWithPath: self.path(name))) }
    #expect(try read("default.tif") == read("fraction.tif"))
    #expect(try read("default.tif") != read("low.tif"))
    expectRefusal(
      try run(base + ["--out", path("x.tif"), "--k", "4/0"]), "'4/0' is not a number or a fraction such as 4/3")
  }

  // MARK: options a mode ignores

  /// Every option that sets what the scenario sets, or writes what the scenario run writes, is refused with one.
  @Test(arguments: [
    (["--k", "1.2"], "--k does not apply to a scenario run (the scenario's earth: k applies)"),
    (["--range-km", "100"], "--range-km does not apply to a scenario run"),
    (["--min-range-km", "5"], "--min-range-km does not apply"),
    (
      ["--altitudes-agl", "150"],
      "--altitudes-agl does not apply to a scenario run (the scenario's altitudes_agl_m apply)"
    ),
    (["--fill-voids", "3"], "--fill-voids does not apply to a scenario run"),
    (["--min-elevation-deg", "-1"], "--min-elevation-deg does not apply"),
    (["--max-elevation-deg", "20"], "--max-elevation-deg does not apply"),
    (["--sector", "0,90"], "--sector does not apply"),
    (["--site", "-12,-70,10"], "--site does not apply"),
    (["--png", "x.png"], "--png does not apply"),
    (["--per-radar", "radars"], "--per-radar does not apply"),
    (["--summary-csv", "x.csv"], "--summary-csv does not apply"),
    (["--summary-json", "x.json"], "--summary-json does not apply"),
  ])
  func aScenarioRunRefusesWhatItWouldIgnore(arguments: [String], expected: String) throws {
    let result = try run(["coverage", scenario("peru-2025.yaml"), "--out", path("never")] + arguments)
    expectRefusal(result, expected)
    #expect(try onlyTheDEMIsThere())
  }

  @Test func benchRefusesASizeWithADEM() throws {
    let result = try run(["bench", "--dem", dem, "--size", "501", "--repeats", "1"])
    expectRefusal(result, "--size sets the side of generated terrain; with --dem the DEM sets the size")
  }

  // MARK: scenarios of the wrong kind

  @Test func runAndCompareSayACoverageScenarioIsOne() throws {
    let coverage = scenario("peru-2025.yaml")
    let ran = try run(["run", coverage, "--flights", "10", "--out", path("never")])
    expectRefusal(
      ran,
      "'\(coverage)' is a coverage scenario; run `airpicture coverage \(coverage)` on it, or give an interdiction scenario"
    )
    let compared = try run([
      "compare", scenario("interdiction-2025.yaml"), coverage, "--flights", "10", "--out", path("never"),
    ])
    expectRefusal(compared, "'\(coverage)' is a coverage scenario; run `airpicture coverage")
    #expect(try onlyTheDEMIsThere())
  }

  @Test func coverageSaysAnInterdictionScenarioIsOne() throws {
    let interdiction = scenario("interdiction-2025.yaml")
    let result = try run(["coverage", interdiction, "--out", path("never")])
    expectRefusal(
      result,
      "'\(interdiction)' is an interdiction scenario; run `airpicture run \(interdiction)` (or `airpicture compare`) on "
        + "it, or give a coverage scenario")
    #expect(try onlyTheDEMIsThere())
  }

  // MARK: DEM fallback

  /// A scenario whose first DEM is missing runs on the next one and says so on the console.
  @Test func aFallbackDEMIsWarnedAbout() throws {
    let coarse = Self.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
    let missing = path("missing_30s.tif")
    let text = try String(contentsOfFile: scenario("peru-2025-ssr-only.yaml"), encoding: .utf8)
    let folder = Self.repository.appendingPathComponent("Scenarios").path
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let dem = try #require(lines.firstIndex(of: "dem:"))
    lines.replaceSubrange(dem...(dem + 2), with: ["dem:", "  - \(missing)", "  - \(coarse)"])
    let relocated = lines.joined(separator: "\n")
      .replacingOccurrences(of: "radar_types: radar-types.yaml", with: "radar_types: \(folder)/radar-types.yaml")
      .replacingOccurrences(of: "file: regions/", with: "file: \(folder)/regions/")
      .replacingOccurrences(of: "borders: regions/", with: "borders: \(folder)/regions/")
    let file = path("fallback.yaml")
    try Data(relocated.utf8).write(to: URL(fileURLWithPath: file))
    let result = try run(["coverage", file, "--out", path("out")])
    #expect(result.status == 0, "\(result.stderr)")
    let warning = result.stderr.split(separator: "\n").first { $0.contains("warning: DEM") }.map(String.init) ?? ""
    #expect(warning.contains("'\(missing)'") && warning.contains("is missing"), "\(result.stderr)")
    #expect(warning.contains("reading the coarse fallback '\(coarse)'"), "\(warning)")
    #expect(result.stdout.contains("DEM \(coarse)"))
  }
}
