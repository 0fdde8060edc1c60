import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Temporaries left by AirPicture runs that died (kill -9, power cut, a crash): finished or removed by the next run
/// that writes into the same folder.
///
/// Only entries that are certainly a dead run's are touched: named exactly `.airpicture-HOST-PID-N[.suffix]` with
/// this host's tag, owned by the user running AirPicture, and whose process no longer exists. A journal is followed
/// only for renames of such a temporary (of the journal's own run) onto a sibling name in the same folder.
public enum StaleTemporaries {
  /// A temporary's name, parsed.
  struct Name: Equatable {
    var host: String
    var process: pid_t
    var suffix: String

    /// Parses `.airpicture-HOST-PID-N[.suffix]`; nil for anything else.
    init?(_ name: String) {
      guard name.hasPrefix(TemporaryFiles.namePrefix) else { return nil }
      let parts = name.dropFirst(TemporaryFiles.namePrefix.count).split(
        separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 8, parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
        let process = pid_t(parts[1]), process > 0
      else { return nil }
      let counter = parts[2].prefix { $0.isASCII && $0.isNumber }
      let suffix = parts[2].dropFirst(counter.count)
      guard !counter.isEmpty, suffix.isEmpty || suffix.hasPrefix(".") else { return nil }
      host = String(parts[0])
      self.process = process
      self.suffix = String(suffix)
    }
  }

  /// In each of `directories`: completes the publication journals of dead runs (so their outputs end up all new),
  /// then removes every other temporary of a dead run. Returns a line for each thing done, for the log.
  @discardableResult
  public static func clean(in directories: [String]) -> [String] {
    var log: [String] = []
    for directory in Set(directories.map { PathText.resolved($0) ?? $0 }) {
      let dead = PathText.entries(of: directory).filter { name in
        guard let parsed = Name(name), parsed.host == TemporaryFiles.hostTag, !isAlive(parsed.process) else {
          return false
        }
        return isOwnedByUs(PathText.join(directory, name))
      }
      for name in dead where name.hasSuffix(".journal") {
        let path = PathText.join(directory, name)
        if let journal = PublicationJournal.read(path), let owner = Name(name) {
          let failure = journal.complete(onlyTemporariesOf: owner)
          log.append(
            "completed the publication of an interrupted run in '\(directory)'"
              + (failure.map { " (\($0.message))" } ?? ""))
        }
        unlink(path)
      }
      for name in dead where FileStatus(PathText.join(directory, name)) != .missing {
        PathText.removeTree(named: name, in: directory)
        log.append("removed '\(PathText.join(directory, name))', left by an interrupted run")
      }
    }
    return log
  }

  /// Whether a process with this id exists on this host (one we may not signal still counts as alive).
  static func isAlive(_ process: pid_t) -> Bool {
    process == getpid() || kill(process, 0) == 0 || errno == EPERM
  }

  /// Whether `path` (not followed if a link) belongs to the user running AirPicture.
  static func isOwnedByUs(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_uid == geteuid()
  }
}
