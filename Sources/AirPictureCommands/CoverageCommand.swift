import ArgumentParser
import CoverageKernel
import Foundation
import GeoRaster
import OutputFiles

/// `airpicture coverage`: lowest visible altitude of a radar network over a DEM.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Compute the lowest altitude at which each radar (and the network) sees a target over every cell.",
    usage: """
      airpicture coverage <scenario.yaml> [--dem <dem>] [--out <path>] [--threads <n>]
      airpicture coverage --dem <dem> --site <lat,lon,agl_m[,name[,ground_m]]> ... [options]
      """,
    discussion: """
      With a scenario file: runs every network configuration for every target of the scenario and writes GeoTIFFs, \
      maps (PNG), covered-area tables (CSV, JSON) and KML into --out (a folder). The scenario sets the radars, their \
      ranges and elevation limits, k and the altitudes, so the options that set those for --site are refused with it. \
      Without one: give --dem and --site.

      With --site: writes a Float32 GeoTIFF on the DEM's grid, cropped to the union of the radars' ranges: band 1 lowest visible \
      altitude MSL (m), band 2 the same above ground (m), band 3 the index of the radar that sees lowest \
      (0-based, in --site order); NaN where no radar sees. Prints the covered area at each --altitudes-agl.

      Coordinates are decimal degrees, negative south and west, typed as they are (--site -12.6,-69.2,10).

      Examples:
        airpicture coverage Scenarios/peru-2025.yaml --out out/peru-2025
        airpicture coverage --dem Terrain/peru_itu_p1511_5min.tif \\
            --site -12.6131,-69.2286,10,"Puerto Maldonado" --range-km 444 \\
            --out pm.tif --png pm.png
        airpicture coverage --dem dem.tif --altitudes-agl 150,500,1500 \\
            --site -12.1,-69.9,10,North --site -12.6,-69.6,25,South \\
            --summary-csv net.csv --out net.tif

      On a cluster, --shard I/N computes only every N-th site from the I-th into a shard folder; `airpicture \
      merge` writes into its --out folder what the unsharded run writes with --out FOLDER/coverage.tif and the \
      file names given to --png, --summary-csv, --summary-json and --kmz put in FOLDER:
        airpicture coverage --dem dem.tif --site ... --site ... --png map.png --shard 1/2 --out shards/1
        airpicture coverage --dem dem.tif --site ... --site ... --png map.png --shard 2/2 --out shards/2
        airpicture merge shards/1 shards/2 --out out/network
      """)

  @Argument(
    help: ArgumentHelp(
      "Scenario file (YAML, see Scenarios/); or give --dem and --site instead.", valueName: "scenario.yaml"))
  var scenario: String?

  @Option(
    help: "DEM any GDAL driver reads (GeoTIFF, SRTM .hgt, VRT, COG); geographic or projected. Overrides a scenario's.")
  var dem: String?

  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Radar site: latitude, longitude (degrees), antenna height above ground (m), optional name, optional ground "
        + "elevation MSL (m) replacing the DEM's under the antenna; repeat for a network.",
      valueName: SiteSpecification.valueName),
    transform: SiteSpecification.init(parsing:))
  var site: [SiteSpecification] = []

  /// Default instrumented range, km: 450 km, about the 240 NM of the long-range surveillance radars the scenarios
  /// place (AN/TPS-70: 444 km, Scenarios/radar-types.yaml), rounded up.
  static let defaultRangeKm = 450.0

  @Option(
    name: .customLong("range-km"), parsing: .unconditional,
    help: ArgumentHelp(
      "Instrumented range of every radar, km (default: 450, a long-range surveillance radar such as the AN/TPS-70's "
        + "444 km).", valueName: "km"))
  var givenRangeKm: Double?
  var rangeKm: Double { givenRangeKm ?? Self.defaultRangeKm }

  @Option(
    name: .customLong("min-range-km"), parsing: .unconditional,
    help: ArgumentHelp("Nearest range, km (default: 0).", valueName: "km"))
  var givenMinRangeKm: Double?
  var minRangeKm: Double { givenMinRangeKm ?? 0 }

  @Option(
    name: .customLong("k"), parsing: .unconditional,
    help: ArgumentHelp(
      "Refraction factor k of the effective Earth radius k·R (default: 4/3, the standard atmosphere; ITU-R P.834).",
      valueName: "k"),
    transform: CoverageCommand.refractionFactor(parsing:))
  var givenK: Double?
  var k: Double { givenK ?? EarthModel.standardRefractionFactor }

  @Option(
    name: .customLong("min-elevation-deg"), parsing: .unconditional,
    help: ArgumentHelp("Lowest beam elevation, degrees (default: none).", valueName: "deg"))
  var minElevationDeg: Double?

  @Option(
    name: .customLong("max-elevation-deg"), parsing: .unconditional,
    help: ArgumentHelp("Highest beam elevation, degrees; cone of silence above (default: none).", valueName: "deg"))
  var maxElevationDeg: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Azimuth sector from START to END in degrees clockwise from north, may wrap through north (default: all round).",
      valueName: "start,end"),
    transform: SectorArgument.init(parsing:))
  var sector: SectorArgument?

  @Option(
    name: .customLong("altitudes-agl"), parsing: .unconditional,
    help: ArgumentHelp(
      "Comma-separated target altitudes above ground for the table, m (default: \(AltitudeList.standard)).",
      valueName: "m,m,..."),
    transform: AltitudeList.init(parsing:))
  var givenAltitudesAGL: AltitudeList?
  var altitudesAGL: AltitudeList { givenAltitudesAGL ?? .standard }

  @Option(
    name: .customLong("flight-levels"),
    help: ArgumentHelp(
      "Comma-separated flight levels for the table, hundreds of feet (default: \(FlightLevelList.standard)); "
        + "covered where the lowest visible altitude MSL is at or below the level. \(FlightLevel.assumption).",
      valueName: "FL,FL,..."),
    transform: FlightLevelList.init(parsing:))
  var flightLevels: FlightLevelList?

  @Option(
    help: ArgumentHelp(
      "Output GeoTIFF (default coverage.tif); with a scenario, the output folder (default out/SCENARIO).",
      valueName: "path"))
  var out: String?

  @Option(
    help: ArgumentHelp("Also write a PNG quick-look (hillshade, coverage classes) with a world file.", valueName: "png")
  )
  var png: String?

  @Option(
    help:
      "Also write a Google Earth overlay (KMZ) of the coverage classes of the quick-look, legend in its description.")
  var kmz: String?

  @Option(
    name: .customLong("per-radar"), help: ArgumentHelp("Directory for each radar's own GeoTIFF.", valueName: "folder"))
  var perRadar: String?

  @Flag(
    help: ArgumentHelp(
      "Write Cloud-Optimised GeoTIFFs (GDAL's COG driver: 256-cell tiles, ZSTD, overviews by nearest "
        + "neighbour) instead of plain tiled ones; with a scenario too."))
  var cog = false

  @Option(
    name: .customLong("summary-csv"), help: ArgumentHelp("Write the covered-area table as CSV.", valueName: "csv"))
  var summaryCSV: String?

  @Option(
    name: .customLong("summary-json"), help: ArgumentHelp("Write the covered-area table as JSON.", valueName: "json"))
  var summaryJSON: String?

  @Option(
    name: .customLong("fill-voids"),
    help: ArgumentHelp(
      "Fill DEM voids (no-data) from valid terrain up to this many cells away (GDAL's GDALFillNodata) before "
        + "computing; filled terrain is an estimate. Default: voids stay unknown and the cells behind them are flagged.",
      valueName: "cells"))
  var fillVoids: Double?

  @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
  var threads: Int?

  @Option(
    help: ArgumentHelp(
      "With --site: compute only shard I of N of the radars (sites I, I+N, ...) and write a shard folder (--out) for "
        + "`airpicture merge`; 'auto' reads it from a Slurm array or a Kubernetes Indexed Job.",
      valueName: "I/N|auto"))
  var shard: String?

  /// Parses `--k` as a decimal (1.333) or a fraction (4/3).
  static func refractionFactor(parsing text: String) throws(ValidationError) -> Double {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    switch parts.count {
    case 1: if let value = parts[0] { return value }
    case 2: if let numerator = parts[0], let denominator = parts[1], denominator != 0 { return numerator / denominator }
    default: break
    }
    throw ValidationError("'\(text)' is not a number or a fraction such as 4/3")
  }

  /// The options that set what a scenario sets, or write what a scenario run writes, each with what applies instead.
  private var scenarioConflicts: [(name: String, given: Bool, instead: String)] {
    [
      ("--site", !site.isEmpty, "the scenario's sites are the radars"),
      ("--range-km", givenRangeKm != nil, "each radar type's instrumented range applies"),
      ("--min-range-km", givenMinRangeKm != nil, "each radar type's range limits apply"),
      ("--k", givenK != nil, "the scenario's earth: k applies"),
      ("--min-elevation-deg", minElevationDeg != nil, "each radar type's elevation limits apply"),
      ("--max-elevation-deg", maxElevationDeg != nil, "each radar type's elevation limits apply"),
      ("--sector", sector != nil, "the radars see all round"),
      ("--flight-levels", flightLevels != nil, "the scenario's flight_levels set the table's levels"),
      ("--kmz", kmz != nil, "the scenario run writes a KMZ per configuration and target"),
      ("--altitudes-agl", givenAltitudesAGL != nil, "the scenario's altitudes_agl_m apply"),
      (
        "--fill-voids", fillVoids != nil,
        "the scenario's DEM is read as it is; fill one with gdal_fillnodata.py and pass it as --dem"
      ),
      ("--png", png != nil, "the scenario run writes a map per configuration and target into --out"),
      ("--per-radar", perRadar != nil, "the scenario run writes per-radar GeoTIFFs into --out"),
      ("--summary-csv", summaryCSV != nil, "the scenario run writes coverage-table.csv into --out"),
      ("--summary-json", summaryJSON != nil, "the scenario run writes coverage-table.json into --out"),
    ]
  }

  /// Refuses options that do not apply to a scenario run, and, without a scenario, values out of range.
  func validate() throws {
    if scenario != nil {
      if let option = scenarioConflicts.first(where: \.given) {
        throw ValidationError("\(option.name) does not apply to a scenario run (\(option.instead))")
      }
    } else {
      guard dem != nil else {
        throw ValidationError("give --dem DEM and --site \(SiteSpecification.format), or a scenario file")
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
      let levels = (flightLevels ?? .standard).levels.count
      guard altitudesAGL.metres.count + levels <= AltitudeList.maximumCount else {
        throw ValidationError(
          "--altitudes-agl and --flight-levels give \(altitudesAGL.metres.count + levels) altitudes; at most "
            + "\(AltitudeList.maximumCount) in all")
      }
      if let cells = fillVoids, !(cells > 0 && cells <= 10_000) {
        throw ValidationError("--fill-voids must be a distance in cells in (0, 10000]")
      }
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if let shard {
      guard scenario == nil else {
        throw ValidationError("--shard applies to the --site form only (not yet a scenario)")
      }
      guard perRadar == nil else {
        throw ValidationError("--per-radar does not apply to a shard (each radar's GeoTIFF needs an unsharded run)")
      }
      guard out != nil else { throw ValidationError("--shard needs --out, the shard's folder") }
      _ = try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment)
    }
  }

  func run() throws {
    if let scenario {
      try ScenarioCoverageRun(command: self, scenarioPath: scenario).execute()
    } else {
      let request = try CoverageRequest(command: self)
      if let shard {
        try request.executeShard(
          try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment))
      } else {
        try request.execute()
      }
    }
  }
}
