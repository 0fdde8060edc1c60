import Foundation

/// `shard.json`, written into every shard folder of a sharded job (`--shard I/N`): which job and shard it holds,
/// the inputs it was computed from (by SHA-256, so shards run on other machines compare by content), the options
/// that change results, and its data files with their sizes and hashes (so a truncated or damaged file is refused).
public struct ShardManifest: Codable, Equatable, Sendable {
  /// The manifest's name inside a shard folder.
  public static let fileName = "shard.json"

  /// An input file: its role, its absolute path when the shard ran, its size and SHA-256.
  public struct Input: Codable, Equatable, Sendable {
    /// Its role, such as `plan` or `dem`.
    public var role: String
    /// The absolute path the shard read it from (not compared: machines may mount shared storage elsewhere).
    public var path: String
    /// Bytes.
    public var bytes: Int
    /// SHA-256, hexadecimal.
    public var sha256: String

    /// Describes the file at `path` (made absolute), reading it whole for the hash; throws one line when unreadable.
    public init(role: String, path: String) throws {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
        let size = attributes[.size] as? NSNumber
      else { throw OutputError("cannot read the \(role) file '\(path)'") }
      self.role = role
      self.path = absolute
      bytes = size.intValue
      sha256 = try SHA256.hex(ofFile: absolute)
    }

    /// A remote input (a GDAL virtual path such as `/vsicurl/…`), recorded by its path alone: shards compare it
    /// by path, and a merge cannot tell whether it changed.
    public init(role: String, remotePath: String) {
      self.role = role
      path = remotePath
      bytes = 0
      sha256 = "not hashed: " + remotePath
    }

    /// Whether it was recorded by its path alone.
    public var isRemote: Bool { sha256.hasPrefix("not hashed: ") }
  }

  /// A data file of the shard: its name in the folder, size and SHA-256.
  public struct DataFile: Codable, Equatable, Sendable {
    /// The file's name inside the shard folder.
    public var name: String
    /// Bytes.
    public var bytes: Int
    /// SHA-256, hexadecimal.
    public var sha256: String
  }

  /// What wrote it.
  public var producer = "AirPicture"
  /// The job kind, such as `plan`; `airpicture merge` dispatches on it.
  public var job: String
  /// The shard, 1 to `shardCount`.
  public var shard: Int
  /// How many shards the job is split into.
  public var shardCount: Int
  /// The AirPicture version that computed it.
  public var version: String
  /// The input files.
  public var inputs: [Input]
  /// The options that change results, by name (options that do not, such as threads, are left out).
  public var options: [String: String]
  /// How many work items the whole job has (candidates for a plan); the shard evaluates its slice of them.
  public var items: Int
  /// The shard's data files.
  public var files: [DataFile]

  enum CodingKeys: String, CodingKey {
    case producer, job, shard, version, inputs, options, items, files
    case shardCount = "shard_count"
  }

  /// A manifest for shard `selection` of a `job`.
  public init(
    job: String, selection: ShardSelection, version: String, inputs: [Input], options: [String: String], items: Int,
    files: [DataFile] = []
  ) {
    self.job = job
    shard = selection.index
    shardCount = selection.count
    self.version = version
    self.inputs = inputs
    self.options = options
    self.items = items
    self.files = files
  }

  /// Writes `bytes` as the data file `name` into `folder` and lists it.
  public mutating func addDataFile(_ name: String, bytes: [UInt8], in folder: String) throws {
    let path = PathText.join(folder, name)
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
      throw OutputError("cannot write '\(path)' (disk full or read-only?)")
    }
    files.append(DataFile(name: name, bytes: bytes.count, sha256: SHA256.hex(of: bytes)))
  }

  /// Writes the manifest into `folder` (last, once the data files are there).
  public func write(in folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let path = PathText.join(folder, Self.fileName)
    do {
      try (try encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
    } catch {
      throw OutputError("cannot write '\(path)' (disk full or read-only?)")
    }
  }

  /// The manifest of the shard folder `folder`; throws one line when there is none or it cannot be read.
  public static func read(in folder: String) throws -> ShardManifest {
    let path = PathText.join(folder, fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OutputError("'\(folder)' is not a shard folder (no \(fileName) in it)")
    }
    guard let manifest = try? JSONDecoder().decode(ShardManifest.self, from: data), manifest.producer == "AirPicture"
    else { throw OutputError("'\(path)' is not an AirPicture shard manifest (unreadable or damaged)") }
    return manifest
  }

  /// The data file `name` of the shard folder `folder`, checked against its size and hash; throws one line when
  /// it is missing, truncated or changed.
  public func readDataFile(_ name: String, in folder: String) throws -> [UInt8] {
    let path = PathText.join(folder, name)
    guard let listed = files.first(where: { $0.name == name }) else {
      throw OutputError("'\(folder)': \(Self.fileName) lists no data file '\(name)'")
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw OutputError("cannot read '\(path)'") }
    let bytes = [UInt8](data)
    guard bytes.count == listed.bytes else {
      throw OutputError("'\(path)' has \(bytes.count) bytes, its manifest says \(listed.bytes): truncated or damaged")
    }
    guard SHA256.hex(of: bytes) == listed.sha256 else {
      throw OutputError("'\(path)' does not match the SHA-256 its manifest records: damaged or changed")
    }
    return bytes
  }

  /// Throws one line when `folder` (named by `option`) already holds another shard (another job, index or count):
  /// a retried task replaces its own shard folder and nothing else.
  public func checkMayReplace(_ folder: String, option: String) throws {
    guard FileStatus(PathText.join(folder, Self.fileName)) != .missing else { return }
    let earlier = try Self.read(in: folder)
    guard earlier.job == job, earlier.shard == shard, earlier.shardCount == shardCount else {
      throw OutputError(
        "\(option) '\(folder)' holds shard \(earlier.shard)/\(earlier.shardCount) of a '\(earlier.job)' job, not "
          + "\(shard)/\(shardCount) of '\(job)'; give each shard its own folder")
    }
  }

  /// What every shard of one job must share: the job, the shard count, the version, the inputs' contents, the
  /// options and the item count.
  func differences(from other: ShardManifest) -> [String] {
    var found: [String] = []
    if job != other.job { found.append("job '\(job)' vs '\(other.job)'") }
    if shardCount != other.shardCount { found.append("\(shardCount) vs \(other.shardCount) shards") }
    if version != other.version { found.append("version \(version) vs \(other.version)") }
    let mine = Dictionary(inputs.map { ($0.role, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    let theirs = Dictionary(other.inputs.map { ($0.role, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    for role in Set(mine.keys).union(theirs.keys).sorted() where mine[role] != theirs[role] {
      found.append("the \(role) file differs")
    }
    for name in Set(options.keys).union(other.options.keys).sorted() where options[name] != other.options[name] {
      found.append("option \(name) differs")
    }
    if items != other.items { found.append("\(items) vs \(other.items) items") }
    return found
  }
}
