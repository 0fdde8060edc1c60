import Foundation

/// A one-line progress indicator on stderr, drawn only when stderr is a terminal.
final class ProgressReporter: @unchecked Sendable {
  private let enabled = isatty(STDERR_FILENO) != 0
  private let lock = NSLock()
  private var lastPercent = -1
  private var label = ""

  /// Starts a new stage, such as "radar 2/10 Cusco".
  func begin(_ label: String) {
    lock.lock()
    self.label = label
    lastPercent = -1
    lock.unlock()
    update(0)
  }

  /// Reports the fraction of the current stage done.
  func update(_ fraction: Double) {
    guard enabled else { return }
    let percent = Int(fraction * 100)
    lock.lock()
    defer { lock.unlock() }
    guard percent != lastPercent else { return }
    lastPercent = percent
    FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(percent) %".utf8))
  }

  /// Reports `fraction` of the stage `label`, starting that stage if it is new.
  func report(_ label: String, _ fraction: Double) {
    lock.lock()
    let isNew = label != self.label
    lock.unlock()
    if isNew { begin(label) }
    update(fraction)
  }

  /// Prints `line` as a warning on its own line of stderr (whether or not it is a terminal); progress resumes below.
  func warn(_ line: String) {
    finish()
    FileHandle.standardError.write(Data("airpicture: warning: \(line)\n".utf8))
  }

  /// Clears the line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
