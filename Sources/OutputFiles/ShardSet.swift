/// The shard folders given to `airpicture merge`, checked: each is a complete shard folder (its publication manifest
/// and shard manifest present), every shard 1…N is there exactly once, and all come from the same job, inputs,
/// version and options. Any failure is one line.
public struct ShardSet: Sendable {
  /// The shards' folders, by shard index (1 first).
  public let folders: [String]
  /// Their manifests, in the same order.
  public let manifests: [ShardManifest]

  /// The job kind they share.
  public var job: String { manifests[0].job }

  /// Reads and checks the shard folders `given` (any order).
  public init(_ given: [String]) throws {
    guard !given.isEmpty else { throw OutputError("merge: give the shard folders to merge") }
    var found: [(folder: String, manifest: ShardManifest)] = []
    for folder in given {
      guard FileStatus(folder, following: true) == .directory else {
        throw OutputError("merge: '\(folder)' is not a folder")
      }
      let manifest = try ShardManifest.read(in: folder)
      guard RunManifest.read(in: folder) != nil else {
        throw OutputError("merge: '\(folder)' was not published whole (no \(RunManifest.fileName)); rerun its shard")
      }
      found.append((folder, manifest))
    }
    let first = found[0]
    for other in found.dropFirst() {
      let differences = first.manifest.differences(from: other.manifest)
      guard differences.isEmpty else {
        throw OutputError(
          "merge: '\(other.folder)' (shard \(other.manifest.shard)/\(other.manifest.shardCount)) comes from other "
            + "inputs than '\(first.folder)': " + differences.joined(separator: "; "))
      }
    }
    let count = first.manifest.shardCount
    var byIndex = [String?](repeating: nil, count: count + 1)
    for entry in found {
      let index = entry.manifest.shard
      guard (1...count).contains(index) else {
        throw OutputError("merge: '\(entry.folder)' claims shard \(index) of \(count)")
      }
      if let earlier = byIndex[index] {
        throw OutputError("merge: shard \(index)/\(count) is given twice: '\(earlier)' and '\(entry.folder)'")
      }
      byIndex[index] = entry.folder
    }
    let missing = (1...count).filter { byIndex[$0] == nil }
    guard missing.isEmpty else {
      let list = missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
      throw OutputError(
        "merge: missing shard\(missing.count > 1 ? "s" : "") \(list) (given \(found.count) of \(count))")
    }
    folders = (1...count).map { byIndex[$0]! }
    manifests = folders.map { folder in found.first { $0.folder == folder }!.manifest }
  }

  /// Throws one line unless every input the shards read still has the content they read (the merge reads them
  /// again).
  public func checkInputsUnchanged() throws {
    for input in manifests[0].inputs where !input.isRemote {
      let now = try ShardManifest.Input(role: input.role, path: input.path)
      guard now.sha256 == input.sha256 else {
        throw OutputError(
          "merge: the \(input.role) file '\(input.path)' has changed since the shards were computed; rerun them")
      }
    }
  }
}
