import CGDAL
import Foundation
import OutputFiles

/// Mosaics of many rasters through GDAL: a VRT over the sources, optionally copied to a compressed GeoTIFF.
public enum RasterMosaic {
  /// Builds a mosaic of `sources` (any GDAL paths, `/vsicurl/` included) at `path`: a VRT when it ends in
  /// `.vrt`, else a tiled DEFLATE GeoTIFF cut to `bounds` (west, south, east, north), and returns how many sources
  /// it holds. Sources are fetched `limits.connections` at a time, each cut to `bounds` into a private temporary
  /// folder under `TMPDIR`, then mosaicked locally; `progress` receives the fraction fetched. Sources the server
  /// says it does not have (HTTP 404 or 403: ocean tiles, say) are skipped. Throws `TileFetchTimeout` when the
  /// sources have not all arrived within `limits.timeoutSeconds`, and a one-line `GeoRasterError` when one cannot
  /// be fetched or none exists; `path` is then left untouched.
  public static func build(
    sources: [String], bounds: (west: Double, south: Double, east: Double, north: Double), to path: String,
    limits: TileFetchLimits = TileFetchLimits(), progress: (@Sendable (Double) -> Void)? = nil
  ) throws -> Int {
    GDALRuntime.ensureRegistered()
    let isVRT = path.lowercased().hasSuffix(".vrt")
    let staging = isVRT ? nil : try makeStagingDirectory()
    defer { if let staging { TemporaryFiles.remove(staging) } }
    let outcomes = RemoteTileFetch(
      sources: sources, bounds: bounds, stagingDirectory: staging, limits: limits, progress: progress
    ).run()
    var datasets: [GDALDatasetH] = []
    var staged: [String] = []
    for case .arrived(let dataset, let copy) in outcomes {
      if let dataset { datasets.append(dataset) }
      if let copy { staged.append(copy) }
    }
    defer { datasets.forEach { GDALClose($0) } }
    try check(outcomes, of: sources, limits: limits)
    if isVRT {
      try AtomicOutput.write(to: path) { temporary in
        var handles: [GDALDatasetH?] = datasets
        try buildVRT(at: temporary) { GDALBuildVRT(temporary, Int32(handles.count), &handles, nil, $0, nil) }.close()
      }
      return datasets.count
    }
    try AtomicOutput.write(to: path) { temporary in
      let vrtPath = "/vsimem/airpicture-mosaic-\(getpid()).vrt"
      let vrt = try GDALRuntime.withStringList(staged) { names in
        try buildVRT(at: path) {
          GDALBuildVRT(
            vrtPath, Int32(staged.count), nil, UnsafePointer<UnsafePointer<CChar>?>(OpaquePointer(names)), $0, nil)
        }
      }
      defer {
        vrt.close()
        VSIUnlink(vrtPath)
      }
      let arguments = [
        "-of", "GTiff", "-projwin", "\(bounds.west)", "\(bounds.north)", "\(bounds.east)", "\(bounds.south)",
        "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2", "-co", "BIGTIFF=IF_SAFER",
      ]
      try GDALRuntime.withStringList(arguments) { list in
        guard let options = GDALTranslateOptionsNew(list, nil) else { throw GeoRasterError("bad translate options") }
        defer { GDALTranslateOptionsFree(options) }
        guard let output = GDALTranslate(temporary, vrt.handle, options, nil) else {
          throw GeoRasterError("cannot write '\(path)': \(GDALRuntime.lastError(or: "GDALTranslate failed"))")
        }
        GDALClose(output)
      }
    }
    return staged.count
  }

  /// An open VRT, closed by `close()`.
  private struct OpenVRT {
    let handle: GDALDatasetH
    func close() { GDALClose(handle) }
  }

  private static func buildVRT(
    at path: String, _ build: (OpaquePointer) -> GDALDatasetH?
  ) throws -> OpenVRT {
    try GDALRuntime.withStringList([]) { list in
      guard let options = GDALBuildVRTOptionsNew(list, nil) else { throw GeoRasterError("bad VRT options") }
      defer { GDALBuildVRTOptionsFree(options) }
      CPLErrorReset()
      guard let vrt = build(options) else {
        throw GeoRasterError("cannot build a VRT for '\(path)': \(GDALRuntime.lastError(or: "GDALBuildVRT failed"))")
      }
      return OpenVRT(handle: vrt)
    }
  }

  /// Throws unless every source arrived or is known to be absent, and at least one arrived.
  private static func check(
    _ outcomes: [RemoteTileFetch.Outcome], of sources: [String], limits: TileFetchLimits
  ) throws {
    var arrived = 0
    var finished = 0
    var unfinished: [String] = []
    var failure: (source: String, message: String)?
    for (source, outcome) in zip(sources, outcomes) {
      switch outcome {
      case .arrived:
        arrived += 1
        finished += 1
      case .absent: finished += 1
      case .timedOut, .unfinished: unfinished.append(source)
      case .failed(let message): if failure == nil { failure = (source, message) }
      }
    }
    if let failure {
      if arrived == 0, failure.message.contains("CURL error") {
        throw GeoRasterError("cannot reach DEM tiles (offline?): \(failure.message) (\(failure.source))")
      }
      throw GeoRasterError(
        "cannot fetch \(failure.source): \(failure.message) (\(finished) of \(sources.count) tiles had arrived)")
    }
    guard unfinished.isEmpty else {
      throw TileFetchTimeout(
        seconds: limits.timeoutSeconds, arrived: finished, total: sources.count, unfinished: unfinished)
    }
    guard arrived > 0 else {
      throw GeoRasterError("none of the \(sources.count) tiles over the box exists on the server (open sea?)")
    }
  }

  /// A new private folder under the system's temporary directory (`TMPDIR`), registered as a temporary of this
  /// run so that an interruption (SIGINT, SIGTERM) removes it.
  private static func makeStagingDirectory() throws -> String {
    let parent = FileManager.default.temporaryDirectory.path
    let path = TemporaryFiles.reserve(in: parent, suffix: ".fetch")
    guard mkdir(path, 0o700) == 0 else {
      TemporaryFiles.release(path)
      throw GeoRasterError("cannot create a temporary folder in '\(parent)': \(String(cString: strerror(errno)))")
    }
    return path
  }
}
