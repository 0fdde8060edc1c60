import Foundation

/// Writes a file under a temporary name beside its destination and renames it into place only when complete,
/// so a failure never leaves a partial or corrupt output.
public enum AtomicOutput {
  /// Throws a one-line error unless `path`'s directory exists and is writable.
  public static func checkDirectory(of path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    let folder = directory.isEmpty ? "." : directory
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw GeoRasterError("output directory '\(folder)' does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw GeoRasterError("output directory '\(folder)' is not writable")
    }
  }

  /// Calls `body` with a temporary path beside `path` (same extension), then moves the result to `path`, with
  /// any sidecars GDAL wrote beside it (`.wld` world files, `.aux.xml` georeferencing).
  public static func write(to path: String, _ body: (String) throws -> Void) throws {
    try checkDirectory(of: path)
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let stem = ".\(url.deletingPathExtension().lastPathComponent).partial-\(getpid())"
    let extensionPart = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
    let temporary = folder.appendingPathComponent(stem + extensionPart).path
    let finalStem = url.deletingPathExtension().lastPathComponent
    let files = { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }
    do {
      try body(temporary)
      for name in files() where name.hasPrefix(stem) && name != stem + extensionPart {
        let target = folder.appendingPathComponent(finalStem + name.dropFirst(stem.count)).path
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.moveItem(atPath: folder.appendingPathComponent(name).path, toPath: target)
      }
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch {
      for name in files() where name.hasPrefix(stem) {
        try? FileManager.default.removeItem(atPath: folder.appendingPathComponent(name).path)
      }
      throw error
    }
  }

  /// Writes `text` as UTF-8 to `path`, atomically.
  public static func writeText(_ text: String, to path: String) throws {
    try write(to: path) { try Data(text.utf8).write(to: URL(fileURLWithPath: $0)) }
  }
}
