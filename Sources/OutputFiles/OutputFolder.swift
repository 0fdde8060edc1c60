import Foundation
import _OutputFilesShims

#if canImport(Glibc)
  import Glibc
#endif

/// A run's output folder, built complete under a temporary name beside its destination and then put in place in
/// one step. The destination must be new, empty, or an earlier AirPicture output (its manifest lists every file in
/// it); anything else is refused, so a run never deletes files it did not write. An earlier output is swapped out
/// atomically (Linux `renameat2` exchange), so a reader sees the old folder or the new one, never a mixture.
public final class OutputFolder {
  /// The folder as given.
  public let destination: String
  /// The temporary folder to write into.
  public let staging: String
  private let option: String
  private var published = false

  /// Checks `destination` (named by `option`) and creates the staging folder beside it; clears stale temporaries of
  /// dead runs there. Throws one line when the destination is not safe to replace or contains one of `inputs`.
  public init(_ destination: String, option: String, inputs: [RunInput] = []) throws {
    var path = destination
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    guard !path.isEmpty else { throw OutputError("\(option) is empty; give a folder name") }
    let (parent, name) = PathText.split(path)
    guard name != ".", name != "..", path != "/" else {
      throw OutputError("\(option) '\(destination)' cannot be replaced; give a new folder, such as out/run1")
    }
    switch FileStatus(parent, following: true) {
    case .directory: break
    case .missing: throw OutputError("\(option) '\(destination)': folder '\(parent)' does not exist")
    default: throw OutputError("\(option) '\(destination)': '\(parent)' is not a folder")
    }
    guard access(parent, W_OK) == 0 else {
      throw OutputError("\(option) '\(destination)': folder '\(parent)' is not writable", errno: errno)
    }
    try Self.checkReplaceable(path, option: option)
    if let resolved = PathText.resolved(path) {
      for input in inputs {
        if let local = input.local, local.path.hasPrefix(resolved + "/") {
          throw OutputError(
            "\(option) '\(destination)' holds the input \(input.option) '\(input.path)'; AirPicture never replaces "
              + "its inputs: give another folder")
        }
      }
    }
    StaleTemporaries.clean(in: [parent])
    self.destination = path
    self.option = option
    staging = TemporaryFiles.reserve(in: parent, suffix: ".partial")
    guard mkdir(staging, 0o777) == 0 else {
      let code = errno
      TemporaryFiles.release(staging)
      throw OutputError("cannot create a folder in '\(parent)'", errno: code)
    }
  }

  /// Writes the manifest and puts the staged folder in place of the destination. Returns a note for the user when
  /// the earlier output could not be removed whole (files appeared in it meanwhile) and was kept aside instead.
  @discardableResult
  public func publish() throws -> String? {
    try RunManifest(listing: staging).write(in: staging)
    return try TemporaryFiles.publishing { () throws -> String? in
      for _ in 0..<8 {
        if rename(staging, destination) == 0 {
          finish()
          return nil
        }
        let code = errno
        guard code == ENOTEMPTY || code == EEXIST else {
          throw OutputError("cannot create \(option) '\(destination)'", errno: code)
        }
        // Another run's output is there (checked again: it may have appeared since the start).
        try Self.checkReplaceable(destination, option: option)
        if airpicture_exchange_paths(staging, destination) == 0 {
          finish()
          return removeEarlierOutput(at: staging)
        }
        let exchangeError = errno
        guard exchangeError == EINVAL || exchangeError == ENOSYS || exchangeError == EOPNOTSUPP else {
          if exchangeError == ENOENT { continue }  // it went away meanwhile: try the plain rename again
          throw OutputError("cannot replace \(option) '\(destination)'", errno: exchangeError)
        }
        // No atomic exchange on this file system: move the old folder aside (under a name no sweep removes), then
        // the new one in.
        let aside = destination + ".previous-run-\(getpid())"
        guard FileStatus(aside) == .missing, rename(destination, aside) == 0 else { continue }
        if rename(staging, destination) == 0 {
          finish()
          return removeEarlierOutput(at: aside)
        }
        let failure = errno
        if rename(aside, destination) != 0 {
          throw OutputError(
            "cannot replace \(option) '\(destination)' (\(String(cString: strerror(failure)))); the earlier output is "
              + "kept at '\(aside)'")
        }
        throw OutputError("cannot replace \(option) '\(destination)'", errno: failure)
      }
      throw OutputError("cannot replace \(option) '\(destination)': other runs keep writing it")
    }
  }

  /// Removes an earlier output folder moved to `path`, if it still holds only what its manifest lists; otherwise
  /// keeps it under a visible name and says where.
  private func removeEarlierOutput(at path: String) -> String? {
    if (try? Self.checkReplaceable(path, option: option)) != nil {
      PathText.removeTree(path)
      return nil
    }
    var kept = destination + ".previous-run-\(getpid())"
    if FileStatus(kept) != .missing { kept += "-\(Int(Date().timeIntervalSince1970))" }
    guard rename(path, kept) == 0 else { return "the earlier output of \(option) is kept at '\(path)'" }
    return "files were added to the earlier output of \(option) while this run wrote; it is kept at '\(kept)'"
  }

  /// Removes the staged folder; the destination stays as it was.
  public func discard() {
    guard !published else { return }
    TemporaryFiles.remove(staging)
  }

  private func finish() {
    published = true
    TemporaryFiles.release(staging)
  }

  /// Throws unless `path` is missing, an empty folder, or an AirPicture output folder holding only the files its
  /// manifest lists.
  static func checkReplaceable(_ path: String, option: String) throws {
    switch FileStatus(path) {
    case .missing: return
    case .directory: break
    case .regularFile: throw OutputError("\(option) '\(path)' is a file; give a folder")
    case .symbolicLink: throw OutputError("\(option) '\(path)' is a symbolic link; give a folder")
    case .special(let kind): throw OutputError("\(option) '\(path)' is \(kind); give a folder")
    }
    let present = PathText.files(under: path)
    guard !present.isEmpty else { return }
    guard let manifest = RunManifest.read(in: path) else {
      let sample = present.prefix(3).joined(separator: ", ") + (present.count > 3 ? ", …" : "")
      throw OutputError(
        "\(option) '\(path)' already holds files AirPicture did not write (\(sample)); give a new or empty folder")
    }
    let listed = Set(manifest.files + [RunManifest.fileName])
    let foreign = present.filter { !listed.contains($0) }
    guard foreign.isEmpty else {
      let sample = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
      throw OutputError(
        "\(option) '\(path)' holds files that are not part of the earlier run it contains (\(sample)); move them "
          + "or give another folder")
    }
  }
}
