import ArgumentParser
import CoverageKernel
import CoverageStudy
import Foundation
import RadarModels
import ScenarioFiles

/// `airpicture vcd`: a radar's vertical coverage diagram on one azimuth.
struct VerticalCoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vcd",
    abstract: "Draw a radar's vertical coverage diagram on an azimuth: terrain masking, cone of silence, Pd contours.",
    discussion: """
      A range-height chart (PNG) and table (CSV) along --azimuth out to --range-km over the effective Earth: the \
      terrain, the region below the lowest visible altitude (masked), the cone of silence above the highest beam \
      elevation, and, with --radar-type, the contours where the per-scan detection probability of a --rcs target \
      falls to 0.5 and 0.9 (the type's Swerling 1 model; slant range). Reference lines at FL100, FL150, FL250 and \
      300 m above ground.

      Examples:
        airpicture vcd --dem ../shared/terrain/peru_composite_30s.tif \\
            --site -12.6131,-69.2282,10,"Puerto Maldonado" --azimuth 270 --radar-type an-tps-70 --out out/vcd
        airpicture vcd --dem dem.tif --site -12.1,-69.9,10 --azimuth 45 --range-km 150 --png v.png
      """)

  @Option(
    parsing: .unconditional, help: ArgumentHelp("Azimuth, degrees clockwise from north, in [0, 360).", valueName: "deg")
  )
  var azimuth: Double

  @Option(
    name: .customLong("range-km"), parsing: .unconditional,
    help: ArgumentHelp("Range of the diagram, km (default: the type's instrumented range, else 450).", valueName: "km"))
  var rangeKm: Double?

  @Option(
    name: .customLong("radar-type"),
    help: ArgumentHelp("Radar type for the Pd contours and elevation limits (an id of --radar-types).", valueName: "id")
  )
  var radarType: String?

  @Option(
    name: .customLong("radar-types"),
    help: ArgumentHelp("Radar type file (default: Scenarios/radar-types.yaml).", valueName: "yaml"))
  var radarTypes = "Scenarios/radar-types.yaml"

  @Option(parsing: .unconditional, help: ArgumentHelp("Target radar cross-section, m² (default: 1).", valueName: "m2"))
  var rcs = 1.0

  @Option(
    name: .customLong("max-elevation-deg"), parsing: .unconditional,
    help: ArgumentHelp(
      "Highest beam elevation, degrees (default: the type's); cone of silence above.", valueName: "deg"))
  var maxElevationDeg: Double?

  @Option(
    name: .customLong("top-m"), parsing: .unconditional,
    help: ArgumentHelp("Top of the chart, m MSL (default: 12000).", valueName: "m"))
  var topM = 12_000.0

  @OptionGroup var lines: RangeHeightOptions

  /// The per-scan probabilities the contours show.
  static let contourProbabilities = [0.5, 0.9]
  /// The false-alarm probability of the contours: the scenarios' default.
  static let falseAlarmProbability = 1e-6

  func validate() throws {
    guard azimuth >= 0, azimuth < 360 else { throw ValidationError("--azimuth must be in [0, 360) degrees") }
    if let rangeKm, !(rangeKm > 0 && rangeKm <= 1_500) { throw ValidationError("--range-km must be in (0, 1500]") }
    guard rcs > 0, rcs.isFinite else { throw ValidationError("--rcs must be a positive number of m²") }
    if let maxElevationDeg, !(maxElevationDeg > 0 && maxElevationDeg < 90) {
      throw ValidationError("--max-elevation-deg must be in (0, 90)")
    }
    guard topM > 0, topM <= 30_000 else { throw ValidationError("--top-m must be in (0, 30000]") }
  }

  func run() throws {
    let outputs = try lines.outputs(name: "vcd")
    let type = try radarType.map { id in
      let catalog = try RadarTypeCatalog(contentsOf: radarTypes)
      guard let type = catalog[RadarType.ID(id)] else {
        throw CommandError(
          "unknown radar type '\(id)' in '\(radarTypes)'; known: "
            + catalog.types.map(\.id.rawValue).joined(separator: ", "))
      }
      return type
    }
    let terrain = try RangeHeightTerrain(
      dem: lines.dem, site: lines.site, k: lines.k, step: lines.stepM)
    let range = (rangeKm.map { $0 * 1_000 }) ?? type?.instrumentedRange.value ?? 450_000
    let profile = try terrain.profile(
      azimuth: azimuth * .pi / 180, length: range, minimumElevation: type?.elevationLimits.value.lowerBound,
      maximumElevation: maxElevationDeg ?? type?.elevationLimits.value.upperBound)
    var contours: [VerticalCoverageDiagram.Contour] = []
    var note = "no radar type: terrain and beam limits only"
    if let type {
      let target = TargetClass(
        id: "rcs", name: "\(rcs) m2 target", radarCrossSection: Sourced(rcs, .assumption("--rcs")),
        transponderOn: false)
      contours = Self.contourProbabilities.compactMap { probability in
        let slant = type.coverageRange(
          of: target, minimumProbability: probability, falseAlarmProbability: Self.falseAlarmProbability)
        return slant > 0 ? VerticalCoverageDiagram.Contour(probability: probability, slantRange: slant) : nil
      }
      note = String(format: "%@, %g m² target, Pfa %g", type.name, rcs, Self.falseAlarmProbability)
    }
    let diagram = VerticalCoverageDiagram(
      profile: profile, radarName: terrain.siteName, detectionNote: note, contours: contours, topAltitude: topM,
      referenceAltitudes: [100, 150, 250].map { level in
        ("FL\(level)", FlightLevel(level).metresMSL)
      }.filter { $0.1 < topM }, referenceAboveGround: 300)
    let written = try outputs.publish(dem: lines.dem, png: { try diagram.write(to: $0) }, csv: diagram.csv())
    for contour in contours {
      print(String(format: "Pd %.2g at %.0f km slant range", contour.probability, contour.slantRange / 1_000))
    }
    for path in written { print("wrote \(path)") }
  }
}
