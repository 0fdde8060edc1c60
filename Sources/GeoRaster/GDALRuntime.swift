import CGDAL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GDAL's process-wide set-up: drivers registered once, errors kept quiet until asked for, and the block cache
/// capped at `blockCacheBytes` unless `GDAL_CACHEMAX` says otherwise.
enum GDALRuntime {
  private static let registered: Bool = {
    GDALAllRegister()
    CPLSetErrorHandler(CPLQuietErrorHandler)
    if getenv("GDAL_CACHEMAX") == nil { GDALSetCacheMax64(min(GDALGetCacheMax64(), blockCacheBytes)) }
    return true
  }()

  /// GDAL's block cache at most (GDAL's default is 5 % of the memory): AirPicture reads each DEM window once and
  /// writes its GeoTIFFs a row of tiles at a time, so a larger cache would only hold decoded blocks nobody reads
  /// again (1.2 GB of a 1" window on a 24 GB machine).
  static let blockCacheBytes: Int64 = 256 << 20

  /// Registers the drivers on first use.
  static func ensureRegistered() { _ = registered }

  /// GDAL's last error message on this thread, or `fallback` when it has none.
  static func lastError(or fallback: String) -> String {
    guard let message = CPLGetLastErrorMsg(), message.pointee != 0 else { return fallback }
    return String(cString: message)
  }

  /// A NULL-terminated string list for GDAL, freed after `body`.
  static func withStringList<Result>(
    _ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> Result
  ) rethrows -> Result {
    var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    for string in strings { list = CSLAddString(list, string) }
    defer { CSLDestroy(list) }
    return try body(list)
  }

  /// Why GDAL must not open `path`, when it names something on the local disk that is not a regular file (a FIFO
  /// would block the open forever; a directory or device is no raster); nil for regular files, GDAL virtual paths
  /// (`/vsi...`), connection strings and paths that do not exist (GDAL says what is wrong with those).
  static func nonRegularFileReason(_ path: String) -> String? {
    guard !path.hasPrefix("/vsi") else { return nil }
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "is a directory, not a raster file (name a file inside it)"
    case S_IFIFO: return "is a FIFO (named pipe), not a raster file"
    case S_IFSOCK: return "is a socket, not a raster file"
    case S_IFCHR, S_IFBLK: return "is a device, not a raster file"
    default: return "is not a regular file"
    }
  }
}
