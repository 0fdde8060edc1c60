import CoverageKernel
import CoveragePipeline
import Dispatch
import Foundation
import GeoRaster

/// One run of GDAL's own `gdal_viewshed -om GROUND` on a projected DEM, timed end to end as a process.
struct GDALViewshedRun {
  /// The `gdal_viewshed` executable on PATH, if installed.
  static var executable: String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/gdal_viewshed" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  let seconds: Double
  /// Minimum target height above ground per cell (GDAL's GROUND mode), NaN out of range.
  let heightAboveGround: [Float]
  /// The grid of that output, from its georeference: gdal_viewshed crops it to the range, so it is not the DEM's.
  let geometry: GridGeometry

  /// Runs `gdal_viewshed` on `dem` for an observer at map (x, y), `height` m above ground, out to `range` m,
  /// with GDAL's curvature coefficient `1/k` (its correction is `cc · d² / 2R`, so k = 4/3 is `-cc 0.75`).
  init(executable: String, dem: String, x: Double, y: Double, height: Double, range: Double, k: Double, output: String)
    throws
  {
    let arguments = [
      "-q", "-b", "1", "-ox", "\(x)", "-oy", "\(y)", "-oz", "\(height)", "-tz", "0", "-md", "\(range)",
      "-cc", "\(1 / k)", "-om", "GROUND", "-ov", "-9999", "-f", "GTiff", dem, output,
    ]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard process.terminationStatus == 0 else {
      throw CommandError("gdal_viewshed failed (exit \(process.terminationStatus))")
    }
    let raster = try RasterDataset(path: output)
    let reference = raster.georeference
    geometry = GridGeometry(reference)
    heightAboveGround = try raster.read(column: 0, row: 0, width: reference.width, height: reference.height)
      .map { $0 <= -9_000 ? .nan : $0 }
  }
}
