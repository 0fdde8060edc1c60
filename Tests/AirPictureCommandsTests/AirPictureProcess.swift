import Foundation

/// Runs the built `airpicture` executable as a process, as an analyst does, and captures what it prints.
enum AirPictureProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let executable: String = {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates =
      [here.appendingPathComponent("airpicture").path]
      + ["release", "debug"].map {
        repository.appendingPathComponent(".build/\($0)/airpicture").path
      }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs `airpicture` with `arguments` (in `directory` when given, with `environment` added to this process's)
  /// and waits for it; a run still going after `limit` seconds is stopped (SIGTERM), so a hang fails its test instead
  /// of stalling the suite.
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], limit: Double = 300
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Starts `airpicture` with `arguments`, its output discarded, and returns without waiting.
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
