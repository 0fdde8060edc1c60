#if canImport(Glibc)
  import Glibc
#endif

/// A file the user named for a run's output, checked before any work: its folder exists and is writable, and the
/// path is new or an existing regular file (never a folder, link, device, FIFO or socket, which a run must not
/// replace).
public struct OutputFile: Hashable, Sendable {
  /// The path as given.
  public let path: String
  /// The option that named it (for messages), such as `--out`.
  public let option: String
  /// Its folder ("." for a bare name) and name.
  public let directory: String
  public let name: String
  /// Sidecar names GDAL may write beside it (a PNG's world file and `.aux.xml`).
  public let sidecarNames: [String]

  /// The longest file name the file systems AirPicture writes to accept, in bytes.
  static let maximumNameBytes = 255

  /// Checks `path` as the output of `option` (`worldFile`: a georeferenced image, with a `.wld` beside it);
  /// throws one line saying what is wrong.
  public init(_ path: String, option: String, worldFile: Bool = false) throws {
    guard !path.isEmpty else { throw OutputError("\(option) is empty; give a file name") }
    let (directory, name) = PathText.split(path)
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputError("\(option) '\(path)' names a folder; give a file name")
    }
    self.path = path
    self.option = option
    self.directory = directory
    self.name = name
    let stem = PathText.stem(name)
    sidecarNames = (worldFile ? [stem + ".wld"] : []) + [name + ".aux.xml"]
    switch FileStatus(directory, following: true) {
    case .directory: break
    case .missing: throw OutputError("\(option) '\(path)': folder '\(directory)' does not exist")
    default: throw OutputError("\(option) '\(path)': '\(directory)' is not a folder")
    }
    guard access(directory, W_OK) == 0 else {
      throw OutputError("\(option) '\(path)': folder '\(directory)' is not writable", errno: errno)
    }
    for candidate in [name] + sidecarNames where candidate.utf8.count > Self.maximumNameBytes {
      throw OutputError("\(option) '\(path)': the file name '\(candidate.prefix(40))…' is longer than 255 bytes")
    }
    try Self.checkReplaceable(path, option: option, what: "")
  }

  /// The final paths this output may occupy: itself and its sidecars.
  public var occupiedPaths: [String] { [path] + sidecarNames.map { PathText.join(directory, $0) } }

  /// Throws unless `path` is missing or a regular file.
  static func checkReplaceable(_ path: String, option: String, what: String) throws {
    let prefix = what.isEmpty ? "\(option) '\(path)'" : "\(option): \(what) '\(path)'"
    switch FileStatus(path) {
    case .missing, .regularFile: return
    case .directory:
      throw OutputError("\(prefix) is an existing folder; AirPicture replaces only files: give a file name")
    case .symbolicLink:
      throw OutputError("\(prefix) is a symbolic link; give the file it points to, or a new name")
    case .special(let kind):
      throw OutputError("\(prefix) is \(kind), not a regular file; AirPicture will not replace it")
    }
  }
}
