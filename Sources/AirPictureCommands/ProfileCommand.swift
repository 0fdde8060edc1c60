import ArgumentParser
import CoverageKernel
import CoverageStudy
import Foundation

/// `airpicture profile`: the terrain profile from a radar to a point, and what the radar sees above it.
struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Draw the terrain profile from a radar to a point: curved Earth, line of sight, lowest visible altitude.",
    discussion: """
      Samples the great circle from the site to --to every --step-m metres (default: the DEM's cell size) and writes \
      a chart (PNG) and a table (CSV): per sample the distance, the ground, the drop of the effective Earth (k·R) \
      below the antenna's horizontal, the elevation angle of the line of sight (the steepest terrain in front) and \
      the lowest altitude at which a target there is in line of sight, the kernel's rule along one line.

      Examples:
        airpicture profile --dem ../shared/terrain/peru_composite_30s.tif \\
            --site -12.6131,-69.2282,10,"Puerto Maldonado" --to -12.52,-73.83 --out out/profile
        airpicture profile --dem dem.tif --site -12.1,-69.9,10 --to -12.3,-70.4 --png p.png --csv p.csv
      """)

  @Option(
    parsing: .unconditional, help: ArgumentHelp("End of the line, degrees.", valueName: "lat,lon"),
    transform: PointArgument.init(parsing:))
  var to: PointArgument

  @OptionGroup var lines: RangeHeightOptions

  func run() throws {
    let outputs = try lines.outputs(name: "profile")
    let terrain = try RangeHeightTerrain(
      dem: lines.dem, site: lines.site, k: lines.k, step: lines.stepM)
    let end = try terrain.source.position(latitude: to.latitude, longitude: to.longitude)
    let line = terrain.line(to: end)
    guard line.length >= terrain.step else {
      throw CommandError(
        String(
          format: "--to lies %.0f m from the site, within one sampling step (%.0f m): give a point farther away",
          line.length, terrain.step))
    }
    let profile = try terrain.profile(
      azimuth: line.azimuth, length: line.length, minimumElevation: nil, maximumElevation: nil)
    let chart = TerrainProfileChart(
      profile: profile, siteName: terrain.siteName,
      endName: "\(RangeHeightTerrain.format(to.latitude)), \(RangeHeightTerrain.format(to.longitude))",
      note: "DEM \(lines.dem); every \(Int(terrain.step.rounded())) m")
    let written = try outputs.publish(
      dem: lines.dem, png: { try chart.write(to: $0) }, csv: chart.csv(coordinate: terrain.coordinate(of:)))
    if let last = profile.samples.last {
      print(
        String(
          format:
            "%.1f km at azimuth %.1f deg; ground %.0f m, lowest visible altitude %.0f m MSL (%.0f m above ground)",
          last.distance / 1_000, line.azimuth * 180 / .pi, last.ground, last.lowestVisibleAltitude,
          last.lowestVisibleAboveGround))
    }
    for path in written { print("wrote \(path)") }
  }
}
