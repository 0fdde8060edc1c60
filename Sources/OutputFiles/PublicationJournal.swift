import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The renames that publish a run's files, written down before the first of them so that a run killed half-way
/// through publishing is finished by the next run (`StaleTemporaries`) instead of leaving old and new files mixed.
public struct PublicationJournal: Codable, Equatable, Sendable {
  /// One rename: a complete temporary onto its final name.
  public struct Rename: Codable, Equatable, Sendable {
    /// The complete temporary.
    public var from: String
    /// The output's final path.
    public var to: String

    /// A rename of `from` onto `to`.
    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  /// In order; absolute paths (a later run may start in another folder).
  public var renames: [Rename]
  /// Every copy of this journal (one in each folder the renames touch), removed once they are done.
  public var copies: [String]

  /// A journal of `renames`, to be written at each of `copies`.
  public init(renames: [Rename], copies: [String]) {
    self.renames = renames
    self.copies = copies
  }

  /// Performs the renames whose temporary is still there (renames already done are skipped), then removes the
  /// journal's copies: this run's own journal, which it has just written. Returns the first failure, if any, after
  /// trying every rename.
  func complete() -> OutputError? { complete(renames, removing: copies) }

  /// `complete()` for a journal found on disk, left by `owner`'s dead run: it trusts only renames of that run's own
  /// temporaries, owned by this user, onto a sibling that is not itself a temporary, and removes only copies that are
  /// that run's journals, so a planted journal can neither move nor delete anything else.
  func complete(onlyTemporariesOf owner: StaleTemporaries.Name) -> OutputError? {
    func isOwnersTemporary(_ path: String, suffix: String? = nil) -> Bool {
      guard path.hasPrefix("/"), let name = StaleTemporaries.Name(PathText.split(path).name),
        name.host == owner.host, name.process == owner.process, suffix.map({ name.suffix == $0 }) ?? true
      else { return false }
      return StaleTemporaries.isOwnedByUs(path)
    }
    let trusted = renames.filter { rename in
      let from = PathText.split(rename.from)
      let to = PathText.split(rename.to)
      return from.directory == to.directory && !to.name.hasPrefix(TemporaryFiles.namePrefix) && !to.name.isEmpty
        && to.name != "." && to.name != ".." && isOwnersTemporary(rename.from)
    }
    return complete(trusted, removing: copies.filter { isOwnersTemporary($0, suffix: ".journal") })
  }

  private func complete(_ renames: [Rename], removing copies: [String]) -> OutputError? {
    var failure: OutputError?
    for rename in renames where FileStatus(rename.from) != .missing {
      if Glibc.rename(rename.from, rename.to) != 0, failure == nil {
        failure = OutputError("cannot put '\(rename.to)' in place", errno: errno)
      }
    }
    for copy in copies { unlink(copy) }
    return failure
  }

  /// Writes this journal to every path in `copies`.
  public func write() throws {
    let data = try JSONEncoder().encode(self)
    var written: [String] = []
    for copy in copies {
      do {
        // A plain write: the journal's own name is the temporary a later run recognises.
        try data.write(to: URL(fileURLWithPath: copy))
        written.append(copy)
      } catch {
        for path in written { unlink(path) }  // only the copies this call wrote
        throw OutputError("cannot write the publication journal '\(copy)' (disk full or read-only?)")
      }
    }
  }

  /// Reads a journal; nil when it is unreadable (a journal cut short was never acted upon).
  static func read(_ path: String) -> PublicationJournal? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONDecoder().decode(PublicationJournal.self, from: data)
  }
}
