import Foundation

/// `airpicture-manifest.json`, written last into every output folder: which run wrote it and every file it holds.
/// A folder whose manifest lists all its files is one complete run's output, and only such a folder (or an empty
/// one) is replaced by a later run.
public struct RunManifest: Codable, Equatable {
  /// The manifest's name inside the folder.
  public static let fileName = "airpicture-manifest.json"

  /// What wrote it.
  public var producer = "AirPicture"
  /// The command line of the run (program name dropped).
  public var arguments: [String]
  /// A random id naming the run.
  public var runID: String
  /// When the run finished publishing, UTC, ISO 8601.
  public var finishedUTC: String
  /// The folder's files, relative paths, sorted (the manifest itself excluded).
  public var files: [String]

  enum CodingKeys: String, CodingKey {
    case producer
    case arguments
    case runID = "run_id"
    case finishedUTC = "finished_utc"
    case files
  }

  /// A manifest for the files now in `folder`, naming this process's run.
  init(listing folder: String) {
    arguments = Array(CommandLine.arguments.dropFirst())
    runID = UUID().uuidString.lowercased()
    finishedUTC = ISO8601DateFormatter().string(from: Date())
    files = PathText.files(under: folder).filter { $0 != Self.fileName }
  }

  /// The manifest in `folder`, or nil when there is none or it is not AirPicture's.
  public static func read(in folder: String) -> RunManifest? {
    guard let data = FileManager.default.contents(atPath: PathText.join(folder, fileName)),
      let manifest = try? JSONDecoder().decode(RunManifest.self, from: data), manifest.producer == "AirPicture"
    else { return nil }
    return manifest
  }

  /// Writes it into `folder`.
  func write(in folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self)
    do {
      try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: PathText.join(folder, Self.fileName)))
    } catch {
      throw OutputError("cannot write '\(PathText.join(folder, Self.fileName))' (disk full or read-only?)")
    }
  }
}
