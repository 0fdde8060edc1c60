import ArgumentParser
import CoverageKernel
import Foundation
import GeoRaster

/// `airpicture coverage`: lowest visible altitude of a radar network over a DEM.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Compute the lowest altitude at which each radar (and the network) sees a target over every cell.",
    discussion: """
      With a scenario file: runs every network configuration for every target of the scenario and writes GeoTIFFs, \
      maps (PNG), covered-area tables (CSV, JSON) and KML into --out (a folder). Without one: give --dem and --site.

      With --site: writes a Float32 GeoTIFF on the DEM's grid, cropped to the union of the radars' ranges: band 1 lowest visible \
      altitude MSL (m), band 2 the same above ground (m), band 3 the index of the radar that sees lowest \
      (0-based, in --site order); NaN where no radar sees. Prints the covered area at each --altitudes-agl.
      """)

  @Argument(help: "Scenario file (YAML, see Scenarios/); or give --dem and --site instead.")
  var scenario: String?

  @Option(
    help: "DEM any GDAL driver reads (GeoTIFF, SRTM .hgt, VRT, COG); geographic or projected. Overrides a scenario's.")
  var dem: String?

  @Option(
    help: "Radar site \(SiteSpecification.format) in degrees and metres; repeat for a network.",
    transform: SiteSpecification.init(parsing:))
  var site: [SiteSpecification] = []

  @Option(name: .customLong("range-km"), help: "Instrumented range of every radar, km.")
  var rangeKm: Double = 450

  @Option(name: .customLong("min-range-km"), help: "Nearest range, km.")
  var minRangeKm: Double = 0

  @Option(help: "Refraction factor k of the effective Earth radius k·R (4/3: standard atmosphere).")
  var k: Double = EarthModel.standardRefractionFactor

  @Option(name: .customLong("min-elevation-deg"), help: "Lowest beam elevation, degrees (default: none).")
  var minElevationDeg: Double?

  @Option(name: .customLong("max-elevation-deg"), help: "Highest beam elevation, degrees; cone of silence above.")
  var maxElevationDeg: Double?

  @Option(
    help: "Azimuth sector START,END in degrees clockwise from north (default: all round).",
    transform: SectorArgument.init(parsing:))
  var sector: SectorArgument?

  @Option(
    name: .customLong("altitudes-agl"),
    help: "Comma-separated target altitudes above ground for the table, m (default: \(AltitudeList.standard)).",
    transform: AltitudeList.init(parsing:))
  var altitudesAGL: AltitudeList = .standard

  @Option(help: "Output GeoTIFF (default coverage.tif); with a scenario, the output folder (default out/SCENARIO).")
  var out: String?

  @Option(help: "Also write a PNG quick-look (hillshade, coverage classes) with a world file.")
  var png: String?

  @Option(
    help:
      "Also write a Google Earth overlay (KMZ) of the coverage classes of the quick-look, legend in its description.")
  var kmz: String?

  @Option(name: .customLong("per-radar"), help: "Directory for each radar's own GeoTIFF.")
  var perRadar: String?

  @Flag(
    help: ArgumentHelp(
      "Write Cloud-Optimised GeoTIFFs (GDAL's COG driver: 256-cell tiles, DEFLATE, overviews by nearest "
        + "neighbour) instead of plain tiled ones; with a scenario too."))
  var cog = false

  @Option(name: .customLong("summary-csv"), help: "Write the covered-area table as CSV.")
  var summaryCSV: String?

  @Option(name: .customLong("summary-json"), help: "Write the covered-area table as JSON.")
  var summaryJSON: String?

  @Option(
    name: .customLong("fill-voids"),
    help: ArgumentHelp(
      "Fill DEM voids (no-data) from valid terrain up to this many cells away (GDAL's GDALFillNodata) before "
        + "computing; filled terrain is an estimate. Default: voids stay unknown and the cells behind them are flagged.",
      valueName: "CELLS"))
  var fillVoids: Double?

  @Option(help: "Worker threads (default: all cores).")
  var threads: Int?

  /// Refuses options that do not apply to a scenario run, and, without a scenario, values out of range.
  func validate() throws {
    if scenario != nil {
      let siteOptions: [(name: String, given: Bool)] = [
        ("--site", !site.isEmpty), ("--png", png != nil), ("--per-radar", perRadar != nil), ("--kmz", kmz != nil),
        ("--summary-csv", summaryCSV != nil), ("--summary-json", summaryJSON != nil), ("--sector", sector != nil),
      ]
      if let option = siteOptions.first(where: \.given) {
        throw ValidationError(
          "\(option.name) does not apply to a scenario run (the scenario defines the radars and outputs)")
      }
    } else {
      guard dem != nil else {
        throw ValidationError("give --dem DEM and --site LAT,LON,HEIGHT_AGL, or a scenario file")
      }
      guard rangeKm > 0, rangeKm.isFinite else { throw ValidationError("--range-km must be positive") }
      guard rangeKm <= 1_500 else { throw ValidationError("--range-km must be at most 1500") }
      guard minRangeKm >= 0, minRangeKm < rangeKm else {
        throw ValidationError("--min-range-km must be in [0, --range-km)")
      }
      guard k > 0, k.isFinite else { throw ValidationError("--k must be positive") }
      for (name, value) in [("--min-elevation-deg", minElevationDeg), ("--max-elevation-deg", maxElevationDeg)] {
        if let value, !(-90...90).contains(value) { throw ValidationError("\(name) must be within -90...90") }
      }
      if let low = minElevationDeg, let high = maxElevationDeg, low >= high {
        throw ValidationError("--min-elevation-deg must be below --max-elevation-deg")
      }
      guard !site.isEmpty else { throw ValidationError("give at least one --site \(SiteSpecification.format)") }
      if let cells = fillVoids, !(cells > 0 && cells <= 10_000) {
        throw ValidationError("--fill-voids must be a distance in cells in (0, 10000]")
      }
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    if let scenario {
      try ScenarioCoverageRun(command: self, scenarioPath: scenario).execute()
    } else {
      try CoverageRequest(command: self).execute()
    }
  }
}
