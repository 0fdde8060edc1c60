import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The temporaries a run writes beside its outputs: named `.airpicture-HOST-PID-N…` (HOST a hash of the host name,
/// so runs on other machines sharing a folder are never judged by this machine's process table) so a later run can
/// tell whose they are, registered while they exist, and removed when the run is interrupted (SIGINT, SIGTERM,
/// SIGHUP) or when a later run finds them left by a process that has died (see `StaleTemporaries`).
public enum TemporaryFiles {
  /// Every temporary's name starts with this.
  public static let namePrefix = ".airpicture-"
  /// This host's tag in temporary names: eight hex digits of an FNV-1a hash of the host name.
  public static let hostTag: String = {
    var name = [CChar](repeating: 0, count: 256)
    gethostname(&name, name.count - 1)
    var hash: UInt32 = 2_166_136_261
    for byte in String(cString: name).utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }()

  private static let lock = NSRecursiveLock()
  nonisolated(unsafe) private static var counter = 0
  /// Registered temporaries: (folder, stem); every entry of the folder that starts with the stem is theirs.
  nonisolated(unsafe) private static var registered: [String: (directory: String, stem: String)] = [:]
  nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

  /// Reserves a fresh stem `.airpicture-HOST-PID-N` in `directory` and registers it; returns the temporary's path,
  /// `stem + suffix`. Sidecars that GDAL writes beside it (`stem.wld`, `stem.png.aux.xml`) belong to it too.
  public static func reserve(in directory: String, suffix: String = "") -> String {
    lock.lock()
    defer { lock.unlock() }
    counter += 1
    let stem = "\(namePrefix)\(hostTag)-\(getpid())-\(counter)"
    let path = PathText.join(directory, stem + suffix)
    registered[path] = (directory, stem)
    return path
  }

  /// Stops tracking the temporary at `path` (it was published, or removed by its owner).
  public static func release(_ path: String) {
    lock.lock()
    registered[path] = nil
    lock.unlock()
  }

  /// Removes the temporary at `path` with its sidecars, and stops tracking it. A path this process did not reserve
  /// (or has already published or removed) is left alone.
  public static func remove(_ path: String) {
    lock.lock()
    let entry = registered.removeValue(forKey: path)
    lock.unlock()
    if let entry { removeEntries(directory: entry.directory, stem: entry.stem) }
  }

  /// Runs `body` (the renames that publish a run's outputs) so that an interruption waits for it to finish: the
  /// outputs are then either all old or all new.
  public static func publishing<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Whether `path` is a temporary reserved by this process and not yet published or removed.
  public static func isRegistered(_ path: String) -> Bool { stem(of: path) != nil }

  /// The stem of a registered temporary (`.airpicture-HOST-PID-N`), if `path` is one.
  static func stem(of path: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return registered[path]?.stem
  }

  /// On SIGINT, SIGTERM or SIGHUP: waits for any publication in progress, removes every registered temporary,
  /// says so on stderr, and ends the process with the signal's usual status.
  public static func removeOnInterruption() {
    lock.lock()
    defer { lock.unlock() }
    guard signalSources.isEmpty else { return }
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { interrupted(by: number) }
      source.resume()
      signalSources.append(source)
    }
  }

  private static func interrupted(by number: Int32) {
    // The lock is never released: no publication starts after this point.
    lock.lock()
    for entry in registered.values { removeEntries(directory: entry.directory, stem: entry.stem) }
    let message = "\nairpicture: interrupted (signal \(number)); temporary files removed, earlier outputs untouched\n"
    FileHandle.standardError.write(Data(message.utf8))
    // Dispatch blocks the signal to receive it; unblock it on this thread and raise it here with its default action.
    for source in signalSources { source.cancel() }
    signal(number, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    _exit(128 + number)
  }

  /// Removes `directory/stem` and every `directory/stem.*` (the temporary and its sidecars).
  static func removeEntries(directory: String, stem: String) {
    for name in PathText.entries(of: directory) where name == stem || name.hasPrefix(stem + ".") {
      PathText.removeTree(PathText.join(directory, name))
    }
  }
}
