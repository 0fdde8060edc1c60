import CGDAL
import Foundation

/// Opens many (remote) rasters on a bounded pool of threads under one deadline and, when given a staging folder,
/// copies the part of each that covers a box into a local GeoTIFF there. Every HTTP request is limited to the time
/// left, so a server that accepts connections and never answers costs the deadline once, not once per tile.
final class RemoteTileFetch: @unchecked Sendable {
  /// What became of one source.
  enum Outcome {
    /// Not finished when the fetch stopped (the deadline passed, or another source failed).
    case unfinished
    /// Opened; `dataset` is kept open when nothing was staged, `staged` names the local copy when one was made.
    case arrived(dataset: GDALDatasetH?, staged: String?)
    /// The server answered that it has no such file (HTTP 404 or 403): an ocean cell, for Copernicus tiles.
    case absent
    /// Its request was still running when the deadline passed.
    case timedOut
    /// Any other failure, with GDAL's message.
    case failed(String)
  }

  private let sources: [String]
  private let bounds: (west: Double, south: Double, east: Double, north: Double)
  private let stagingDirectory: String?
  private let limits: TileFetchLimits
  private let deadline: ContinuousClock.Instant
  private let progress: (@Sendable (Double) -> Void)?
  private let lock = NSLock()
  private var outcomes: [Outcome]
  private var fractions: [Double]
  private var nextIndex = 0
  private var stopped = false

  /// A fetch of `sources` whose deadline starts now; `stagingDirectory` (an existing folder) asks for local copies
  /// of each source cut to `bounds`; `progress` receives the fraction done, from any thread.
  init(
    sources: [String], bounds: (west: Double, south: Double, east: Double, north: Double), stagingDirectory: String?,
    limits: TileFetchLimits, progress: (@Sendable (Double) -> Void)?
  ) {
    self.sources = sources
    self.bounds = bounds
    self.stagingDirectory = stagingDirectory
    self.limits = limits
    self.progress = progress
    deadline = .now + .milliseconds(Int64((limits.timeoutSeconds * 1000).rounded(.up)))
    outcomes = Array(repeating: .unfinished, count: sources.count)
    fractions = Array(repeating: 0, count: sources.count)
  }

  /// Fetches every source and returns their outcomes in order; datasets left open are the caller's to close.
  func run() -> [Outcome] {
    let group = DispatchGroup()
    for _ in 0..<min(limits.connections, sources.count) {
      group.enter()
      let thread = Thread { [self] in
        while let index = claim() { finish(index, fetch(index)) }
        group.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
    return lock.withLock { outcomes }
  }

  /// Seconds before the deadline (negative after it).
  var secondsLeft: Double {
    let left = deadline - .now
    return Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
  }

  /// Whether work in progress should stop: the deadline passed or a source failed.
  var shouldStop: Bool { lock.withLock { stopped } || secondsLeft <= 0 }

  /// Records how far source `index` has been copied and reports the whole fetch's fraction.
  func reportFraction(_ fraction: Double, of index: Int) {
    let total = lock.withLock {
      fractions[index] = fraction
      return fractions.reduce(0, +)
    }
    progress?(total / Double(sources.count))
  }

  private func claim() -> Int? {
    lock.withLock {
      guard !stopped, nextIndex < sources.count, secondsLeft > 0 else { return nil }
      defer { nextIndex += 1 }
      return nextIndex
    }
  }

  private func finish(_ index: Int, _ outcome: Outcome) {
    let done = lock.withLock {
      outcomes[index] = outcome
      switch outcome {
      case .arrived, .absent: return true
      case .failed:
        stopped = true
        return false
      case .timedOut, .unfinished: return false
      }
    }
    if done { reportFraction(1, of: index) }
  }

  private func fetch(_ index: Int) -> Outcome {
    let left = secondsLeft
    guard left > 0 else { return .timedOut }
    limitRequests(toSeconds: left)
    CPLErrorReset()
    let flags = UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
    guard let dataset = GDALOpenEx(sources[index], flags, nil, nil, nil) else {
      return classify(GDALRuntime.lastError(or: "not a raster GDAL reads"))
    }
    guard let stagingDirectory else { return .arrived(dataset: dataset, staged: nil) }
    defer { GDALClose(dataset) }
    guard let window = window(of: dataset) else { return .failed("\(sources[index]) has no usable georeferencing") }
    guard window.width > 0, window.height > 0 else { return .arrived(dataset: nil, staged: nil) }
    let staged = "\(stagingDirectory)/tile-\(index).tif"
    let arguments = [
      "-of", "GTiff", "-srcwin", "\(window.column)", "\(window.row)", "\(window.width)", "\(window.height)",
      "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "ZLEVEL=1", "-co", "BIGTIFF=IF_SAFER",
    ]
    let copied = GDALRuntime.withStringList(arguments) { list -> Bool in
      guard let options = GDALTranslateOptionsNew(list, nil) else { return false }
      defer { GDALTranslateOptionsFree(options) }
      let context = TileCopyProgress(fetch: self, index: index)
      return withExtendedLifetime(context) {
        GDALTranslateOptionsSetProgress(options, tileCopyProgress, Unmanaged.passUnretained(context).toOpaque())
        guard let output = GDALTranslate(staged, dataset, options, nil) else { return false }
        GDALClose(output)
        return true
      }
    }
    guard copied else {
      let message = GDALRuntime.lastError(or: "GDALTranslate failed")
      VSIUnlink(staged)
      if secondsLeft <= 0 { return .timedOut }
      return lock.withLock { stopped } ? .unfinished : .failed(message)
    }
    return .arrived(dataset: nil, staged: staged)
  }

  /// Limits every HTTP request this thread starts next to the time left (GDAL reads these per opened file).
  private func limitRequests(toSeconds left: Double) {
    let settings = [
      ("GDAL_HTTP_TIMEOUT", String(format: "%.3f", left)),
      ("GDAL_HTTP_CONNECTTIMEOUT", String(format: "%.3f", min(left, 15))),
      ("GDAL_HTTP_LOW_SPEED_TIME", "\(max(1, Int(min(left, limits.stallSeconds).rounded(.up))))"),
      ("GDAL_HTTP_LOW_SPEED_LIMIT", "1"),
      ("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"),
    ]
    for (key, value) in settings { CPLSetThreadLocalConfigOption(key, value) }
  }

  private func classify(_ message: String) -> Outcome {
    if message.contains("HTTP response code: 404") || message.contains("HTTP response code: 403") { return .absent }
    if secondsLeft <= 0 || message.contains("Operation timed out") { return .timedOut }
    return .failed(message)
  }

  /// The pixel window of `dataset` covering the box, two pixels wider on every side so that cutting the mosaic
  /// of the windows to the box gives the same pixels as cutting the mosaic of whole tiles; nil when not north-up.
  private func window(of dataset: GDALDatasetH) -> (column: Int, row: Int, width: Int, height: Int)? {
    var transform = [Double](repeating: 0, count: 6)
    guard GDALGetGeoTransform(dataset, &transform) == CE_None, transform[1] > 0, transform[5] < 0,
      transform[2] == 0, transform[4] == 0
    else { return nil }
    let width = Int(GDALGetRasterXSize(dataset))
    let height = Int(GDALGetRasterYSize(dataset))
    let first = { (value: Double, limit: Int) in min(max(Int(value.rounded(.down)) - 2, 0), limit) }
    let last = { (value: Double, limit: Int) in min(max(Int(value.rounded(.up)) + 2, 0), limit) }
    let column = first((bounds.west - transform[0]) / transform[1], width)
    let endColumn = last((bounds.east - transform[0]) / transform[1], width)
    let row = first((transform[3] - bounds.north) / -transform[5], height)
    let endRow = last((transform[3] - bounds.south) / -transform[5], height)
    return (column, row, endColumn - column, endRow - row)
  }
}

/// What GDAL's progress callback needs to find its tile.
private final class TileCopyProgress {
  let fetch: RemoteTileFetch
  let index: Int
  init(fetch: RemoteTileFetch, index: Int) {
    self.fetch = fetch
    self.index = index
  }
}

/// GDAL's progress callback for one tile's copy: reports the fraction and cancels the copy once the fetch stops.
private func tileCopyProgress(
  _ fraction: Double, _ message: UnsafePointer<CChar>?, _ context: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context else { return 1 }
  let progress = Unmanaged<TileCopyProgress>.fromOpaque(context).takeUnretainedValue()
  progress.fetch.reportFraction(fraction, of: progress.index)
  return progress.fetch.shouldStop ? 0 : 1
}
