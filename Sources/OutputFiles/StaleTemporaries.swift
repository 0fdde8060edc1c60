import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Temporaries left by AirPicture runs that died (kill -9, power cut, a crash): finished or removed by the next run
/// that writes into the same folder.
public enum StaleTemporaries {
  /// In each of `directories`: completes the publication journals of dead runs (so their outputs end up all new),
  /// then removes every other temporary of a dead run, including those of earlier AirPicture versions
  /// (`.NAME.partial-PID…`). Returns a line for each thing done, for the log.
  @discardableResult
  public static func clean(in directories: [String]) -> [String] {
    var log: [String] = []
    for directory in Set(directories) {
      let names = PathText.entries(of: directory)
      let dead = names.filter { name in owner(of: name).map { !isAlive($0) } ?? false }
      for name in dead where name.hasSuffix(".journal") {
        let path = PathText.join(directory, name)
        if let journal = PublicationJournal.read(path) {
          let failure = journal.complete()
          log.append(
            "completed the publication of an interrupted run in '\(directory)'"
              + (failure.map { " (\($0.message))" } ?? ""))
        }
        unlink(path)
      }
      for name in dead where FileStatus(PathText.join(directory, name)) != .missing {
        PathText.removeTree(PathText.join(directory, name))
        log.append("removed '\(PathText.join(directory, name))', left by an interrupted run")
      }
    }
    return log
  }

  /// The process id in an AirPicture temporary's name, if `name` is one.
  static func owner(of name: String) -> pid_t? {
    if name.hasPrefix(TemporaryFiles.namePrefix) {
      let digits = name.dropFirst(TemporaryFiles.namePrefix.count).prefix { $0.isASCII && $0.isNumber }
      return pid_t(digits)
    }
    // Earlier versions: `.NAME.partial-PID` and `.NAME.partial-PID.EXT`.
    guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards) else { return nil }
    let digits = name[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return pid_t(digits)
  }

  /// Whether a process with this id exists (one we may not signal still counts as alive).
  static func isAlive(_ process: pid_t) -> Bool {
    process == getpid() || kill(process, 0) == 0 || errno == EPERM
  }
}
