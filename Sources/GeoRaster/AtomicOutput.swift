import Foundation
import OutputFiles

/// Writes a file under a temporary name beside its destination and renames it into place only when complete,
/// so a failure never leaves a partial or corrupt output, and an existing file is replaced atomically (rename(2)).
/// Folders, links, devices and FIFOs are never replaced (see `OutputFile`).
public enum AtomicOutput {
  /// Throws a one-line error unless `path` can be written: its folder exists and is writable, and it is new or a
  /// regular file.
  public static func checkDirectory(of path: String) throws {
    do {
      _ = try OutputFile(path, option: "output")
    } catch let error as OutputError {
      throw GeoRasterError(error.message)
    }
  }

  /// Calls `body` with a temporary path beside `path` (same extension), then moves the result to `path`, with any
  /// sidecars GDAL wrote beside it (`.wld` world files, `.aux.xml` georeferencing). A `path` that is itself a
  /// temporary of a run's `OutputTransaction` or `OutputFolder` staging is written directly: the run publishes it.
  public static func write(to path: String, _ body: (String) throws -> Void) throws {
    if TemporaryFiles.isRegistered(path) {
      try body(path)
      return
    }
    do {
      let output = try OutputFile(path, option: "output")
      let transaction = try OutputTransaction([output], inputs: [])
      do {
        try body(transaction.stagedPath(for: output))
        try transaction.commit()
      } catch {
        transaction.discard()
        throw error
      }
    } catch let error as OutputError {
      throw GeoRasterError(error.message)
    }
  }

  /// Writes `text` as UTF-8 to `path`, atomically.
  public static func writeText(_ text: String, to path: String) throws {
    // A plain write: the temporary is already AirPicture's own name (Foundation's atomic write would add a second
    // temporary of its own that a killed run could leave behind).
    try write(to: path) { temporary in
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
      } catch {
        throw GeoRasterError("cannot write '\(path)' (disk full or read-only?)")
      }
    }
  }
}
