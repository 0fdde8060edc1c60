import CGDAL

/// GDAL's process-wide set-up: drivers registered once, errors kept quiet until asked for.
enum GDALRuntime {
  private static let registered: Bool = {
    GDALAllRegister()
    CPLSetErrorHandler(CPLQuietErrorHandler)
    return true
  }()

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
}
