import Foundation

/// A fresh folder under the temporary directory that a test owns, removed with everything in it when released.
final class TestFolder {
  /// Its path.
  let path: String

  /// Creates `TMPDIR/airpicture-PREFIX-UUID`.
  init(_ prefix: String) throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-\(prefix)-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// `name` inside the folder.
  func callAsFunction(_ name: String) -> String { path + "/" + name }
}
