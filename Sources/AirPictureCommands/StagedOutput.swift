import Foundation

/// An output folder written under a temporary name beside its destination and moved into place when complete, so a
/// failed run leaves nothing half-written behind.
struct StagedOutput {
  let destination: String
  let staging: String

  /// Checks that `destination`'s parent exists and names the staging folder.
  init(destination: String) throws {
    let parent = (destination as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    let folder = parent.isEmpty ? "." : parent
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CommandError("output directory '\(parent)' does not exist")
    }
    self.destination = destination
    staging = folder + "/.\((destination as NSString).lastPathComponent).partial-\(getpid())"
  }

  /// Moves the staged folder to the destination, or its entries into the destination when that folder exists.
  func publish() throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: destination) else {
      try manager.moveItem(atPath: staging, toPath: destination)
      return
    }
    for name in try manager.contentsOfDirectory(atPath: staging) {
      let target = (destination as NSString).appendingPathComponent(name)
      if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
      try manager.moveItem(atPath: (staging as NSString).appendingPathComponent(name), toPath: target)
    }
    try manager.removeItem(atPath: staging)
  }

  /// Removes whatever was staged.
  func discard() { try? FileManager.default.removeItem(atPath: staging) }
}
