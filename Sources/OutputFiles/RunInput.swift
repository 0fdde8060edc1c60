/// A file a run reads, named for messages: outputs are checked against it so a run never writes over its inputs.
public struct RunInput: Sendable {
  /// The option or role that named it, such as `--dem`.
  public let option: String
  /// The path as given (GDAL virtual paths such as `/vsicurl/…` are not local files and never collide).
  public let path: String

  /// Creates an input.
  public init(option: String, path: String) {
    self.option = option
    self.path = path
  }

  /// Its canonical local path and identity, when it is a local file that exists.
  var local: (path: String, identity: (device: UInt64, inode: UInt64)?)? {
    guard !path.hasPrefix("/vsi"), let resolved = PathText.resolved(path) else { return nil }
    return (resolved, FileStatus.identity(following: path))
  }
}
