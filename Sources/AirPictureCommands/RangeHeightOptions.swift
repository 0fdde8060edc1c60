import ArgumentParser
import CoverageKernel

/// The options `profile` and `vcd` share: the DEM and the site, refraction, sampling step, and where the chart and
/// table go.
struct RangeHeightOptions: ParsableArguments {
  @Option(help: "DEM any GDAL driver reads (GeoTIFF, VRT, ...).")
  var dem: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Radar site: latitude, longitude (degrees), antenna height above ground (m), optional name, optional ground "
        + "elevation MSL (m).", valueName: SiteSpecification.valueName),
    transform: SiteSpecification.init(parsing:))
  var site: SiteSpecification

  @Option(
    name: .customLong("k"), parsing: .unconditional,
    help: ArgumentHelp("Refraction factor k (default: 4/3).", valueName: "k"),
    transform: CoverageCommand.refractionFactor(parsing:))
  var givenK: Double?

  @Option(
    name: .customLong("step-m"), parsing: .unconditional,
    help: ArgumentHelp("Sampling step along the line, m (default: the DEM's cell size).", valueName: "m"))
  var stepM: Double?

  @Option(
    help: ArgumentHelp(
      "Output folder: the chart (COMMAND.png) and the table (COMMAND.csv), made if missing.", valueName: "folder"))
  var out: String?

  @Option(help: ArgumentHelp("Write the chart here (PNG).", valueName: "png"))
  var png: String?

  @Option(help: ArgumentHelp("Write the table here (CSV).", valueName: "csv"))
  var csv: String?

  /// The refraction factor to use.
  var k: Double { givenK ?? EarthModel.standardRefractionFactor }

  func validate() throws {
    if let givenK, !(givenK > 0 && givenK.isFinite) { throw ValidationError("--k must be positive") }
    if let stepM, !(stepM > 0 && stepM.isFinite) { throw ValidationError("--step-m must be positive") }
    do { try RangeHeightOutputs.validate(out: out, png: png, csv: csv) } catch { throw ValidationError("\(error)") }
  }

  /// Where the command named `name` writes its chart and table.
  func outputs(name: String) throws -> RangeHeightOutputs {
    try RangeHeightOutputs(out: out, png: png, csv: csv, name: name)
  }
}
