import ArgumentParser
import CoverageKernel
import Foundation
import GeoRaster
import OutputFiles

/// `airpicture bench`: times the kernel on a DEM (or generated terrain), its scaling over threads, and GDAL's
/// `gdal_viewshed` on the same input where it is installed.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the line-of-sight kernel: cells/s per core, scaling 1..N threads, ratio to gdal_viewshed.",
    discussion: """
      Examples:
        airpicture bench
        airpicture bench --size 1801 --range-km 80 --threads 4 --no-gdal
        airpicture bench --dem Terrain/peru_itu_p1511_5min.tif \\
            --site -12.6131,-69.2286,10 --repeats 1
      """)

  @Option(
    help: ArgumentHelp(
      "DEM to time on (default: generated ridged-fractal terrain, 90 m cells, UTM 18S).", valueName: "dem"))
  var dem: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Radar site on --dem: latitude, longitude (degrees), antenna height above ground (m) (default: the DEM's "
        + "centre, 10 m).", valueName: "lat,lon,agl_m"),
    transform: SiteSpecification.init(parsing:))
  var site: SiteSpecification?

  @Option(
    name: .customLong("range-km"),
    help: ArgumentHelp("Radar range, km (default: 450 on --dem, 160 on generated terrain).", valueName: "km"))
  var rangeKm: Double?

  /// Side of the generated terrain: 3601 cells, an SRTM 1-degree tile's side at 3", about 324 km at 90 m.
  static let defaultSize = 3601

  @Option(
    name: .customLong("size"),
    help: ArgumentHelp(
      "Side of the generated terrain in cells (default: 3601, an SRTM 1-degree tile at 3\"); not with --dem.",
      valueName: "cells"))
  var givenSize: Int?
  var size: Int { givenSize ?? Self.defaultSize }

  @Option(help: ArgumentHelp("Most threads to time (default: all cores).", valueName: "n"))
  var threads: Int?

  @Option(help: ArgumentHelp("Runs per measurement; the best is kept.", valueName: "n"))
  var repeats: Int = 3

  @Flag(name: .customLong("no-gdal"), help: "Skip gdal_viewshed even if installed.")
  var noGDAL = false

  func validate() throws {
    guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    guard size >= 101 && size <= 20_001 else { throw ValidationError("--size must be in 101...20001") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if let rangeKm, !(rangeKm > 0 && rangeKm <= 1_500) { throw ValidationError("--range-km must be in (0, 1500]") }
    if givenSize != nil && dem != nil {
      throw ValidationError("--size sets the side of generated terrain; with --dem the DEM sets the size")
    }
    if site != nil && dem == nil {
      throw ValidationError("--site needs --dem (on generated terrain the radar stands at the centre)")
    }
  }

  func run() throws {
    // The temporary folder is where bench writes; clear what killed bench runs left there.
    StaleTemporaries.clean(in: [NSTemporaryDirectory()])
    let maximumThreads = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let workload =
      try dem.map { try BenchWorkload(dem: $0, site: site, rangeKm: rangeKm ?? 450) }
      ?? BenchWorkload(generatedSize: size, rangeKm: rangeKm ?? 160)
    let window = workload.terrain.geometry.width * workload.terrain.geometry.height
    var counts = [1]
    while counts.last! * 2 < maximumThreads { counts.append(counts.last! * 2) }
    if maximumThreads > 1 { counts.append(maximumThreads) }
    var timings: [(threads: Int, timing: KernelTiming)] = []
    var inRange = 0
    for count in counts {
      let timing = try KernelTiming(
        kernel: LineOfSightKernel(threads: count), site: workload.site, terrain: workload.terrain, repeats: repeats)
      timings.append((count, timing))
      if count == 1 {
        // Cells in range, from the field just computed (NaN outside range).
        inRange = timing.field.lowestAltitudeMSL.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
        print(
          "Kernel: lowest visible altitude, 1 radar, range \(format(workload.site.limits.maximumRange / 1_000, 0)) km, "
            + "\(workload.description): \(workload.terrain.geometry.width) x \(workload.terrain.geometry.height) cells "
            + "(\(format(Double(window) / 1e6, 2)) M in window, \(format(Double(inRange) / 1e6, 2)) M in range)")
        print("Warm runs reuse a workspace (as every radar after the first in a network does); cold is the first run.")
        print("threads  cold s  warm s  Mcells/s(window)  Mcells/s(in range)  per core(in range)  speedup")
      }
      let speedup = timings[0].timing.seconds / timing.seconds
      print(
        String(
          format: "%7d  %6.3f  %6.3f  %16.1f  %18.1f  %18.1f  %7.2f", count, timing.coldSeconds, timing.seconds,
          Double(window) / timing.seconds / 1e6, Double(inRange) / timing.seconds / 1e6,
          Double(inRange) / timing.seconds / 1e6 / Double(count), speedup))
    }
    guard !noGDAL else { return }
    guard let executable = GDALViewshedRun.executable else {
      print("gdal_viewshed not installed (Debian: gdal-bin): no comparison")
      return
    }
    guard let input = try workload.viewshedInput() else {
      print("gdal_viewshed needs a projected DEM; this one is geographic (warp it: gdalwarp -t_srs EPSG:32718)")
      return
    }
    let output = TemporaryFiles.reserve(in: NSTemporaryDirectory(), suffix: ".tif")
    defer {
      TemporaryFiles.remove(output)
      if input.isTemporary { TemporaryFiles.remove(input.path) }
    }
    var best: GDALViewshedRun?
    for _ in 0..<repeats {
      let run = try GDALViewshedRun(
        executable: executable, dem: input.path, x: workload.site.position.x, y: workload.site.position.y,
        height: workload.antennaHeight, range: workload.site.limits.maximumRange,
        k: EarthModel.standardRefractionFactor, output: output)
      if best == nil || run.seconds < best!.seconds { best = run }
    }
    let gdal = best!
    let one = timings[0].timing.seconds
    let all = timings.last!.timing.seconds
    print(
      String(
        format: "gdal_viewshed -om GROUND -cc 0.75 (1 thread, process incl. I/O): %.3f s = %.1f Mcells/s(in range)",
        gdal.seconds, Double(inRange) / gdal.seconds / 1e6))
    print(
      String(
        format: "ratio gdal_viewshed / airpicture kernel: %.1fx at 1 thread, %.1fx at %d threads", gdal.seconds / one,
        gdal.seconds / all, timings.last!.threads))
    let field = timings.last!.timing.field
    guard
      let comparison = ViewshedComparison(
        field: field, terrain: workload.terrain, site: workload.site, gdal: gdal.heightAboveGround,
        gdalGeometry: gdal.geometry)
    else {
      print("gdal_viewshed's output does not lie on the DEM's grid: no comparison of verdicts")
      return
    }
    let percent = { (values: [Float: Double], digits: Int) in
      ViewshedComparison.altitudes.map { "\(Int($0)) m AGL \(format(values[$0]!, digits)) %" }.joined(separator: ", ")
    }
    print(
      "gdal_viewshed's output: \(gdal.geometry.width) x \(gdal.geometry.height) cells (cropped to the range), "
        + "aligned to the kernel's window by georeference; \(format(Double(comparison.sharedCells) / 1e6, 2)) M "
        + "cells in range of both")
    print("verdicts shared with gdal_viewshed: " + percent(comparison.agreementPercent, 2))
    print(
      "misclassified against the exact reference (a sample of \(comparison.sampledCells) cells in range of both, "
        + "seed \(ViewshedComparison.seed)):")
    print("  airpicture     " + percent(comparison.kernelMisclassifiedPercent, 2))
    print("  gdal_viewshed  " + percent(comparison.gdalMisclassifiedPercent, 2))
  }

  private func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
