import Foundation

/// Renders an HTML file in headless Chromium and returns the DOM after its scripts ran and the console messages
/// Chromium logged, for tests of `report.html`. Chromium comes from Debian's `chromium` (CI installs it);
/// `AIRPICTURE_CHROMIUM` names another binary.
enum HeadlessChromium {
  struct Rendering {
    /// The serialised DOM after the page's scripts ran.
    var dom: String
    /// Every console message Chromium logged (`CONSOLE` lines of its log), errors included.
    var consoleLines: [String]
    /// Console lines that report an error: an uncaught exception, `console.error`, a resource that failed to load.
    var consoleErrors: [String] {
      consoleLines.filter { line in
        ["ERROR:CONSOLE", "Uncaught", "Error", "Failed to load", "net::ERR"].contains { line.contains($0) }
      }
    }
  }

  /// The binary, or nil with the reason it is missing.
  static func binary() -> (path: String?, reason: String) {
    let path = ProcessInfo.processInfo.environment["AIRPICTURE_CHROMIUM"] ?? "/usr/bin/chromium"
    return FileManager.default.isExecutableFile(atPath: path)
      ? (path, "")
      : (nil, "Chromium is not installed at '\(path)' (install Debian's chromium or set AIRPICTURE_CHROMIUM)")
  }

  /// Loads `file` with a budget of virtual time for its scripts, and dumps the DOM.
  static func render(_ file: String, chromium: String) throws -> Rendering {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-chromium-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile)",
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--window-size=1280,2000", "--dump-dom",
      URL(fileURLWithPath: file).absoluteString,
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    // Read both pipes at once so neither fills up and blocks Chromium.
    nonisolated(unsafe) var stderr = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stderr = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    watchdog.cancel()
    let log = String(decoding: stderr, as: UTF8.self)
    return Rendering(
      dom: String(decoding: stdout, as: UTF8.self),
      consoleLines: log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") })
  }
}
