import ArgumentParser
import Foundation
import OutputFiles

/// The `airpicture` command: radar coverage over real terrain.
public struct AirPictureCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "airpicture",
    abstract: "Radar coverage over real terrain: lowest visible altitude, networks and benchmarks.",
    discussion: """
      Start with `airpicture coverage --help` (what a radar network sees) and `airpicture run --help` (how many \
      suspect flights it lets an interceptor catch).
      """,
    version: version,
    subcommands: [
      CoverageCommand.self, RunCommand.self, CompareCommand.self, SensitivityCommand.self, BenchCommand.self,
      TerrainCommand.self, ProfileCommand.self, VerticalCoverageCommand.self, PlanCommand.self, MergeCommand.self,
    ]
  )

  /// The tool's version, as `airpicture --version` prints it and reports record it. Set by hand: raised in this
  /// file with each release that changes results or the command line.
  public static let version = "0.16.0"

  public init() {}

  /// Parses the process's arguments and runs the command. Failures print one line on stderr and exit non-zero;
  /// help goes to stdout.
  public static func runFromCommandLine() -> Never {
    TemporaryFiles.removeOnInterruption()
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(0)
    } catch let error as CocoaError {
      fail(oneLine(error))
    } catch let error as any LocalizedError where error.errorDescription != nil {
      // Every module's own error type (CommandError, OutputError, ScenarioFileError, PipelineError, GeoRasterError,
      // CoverageKernelError) says what went wrong in one line.
      fail(error.errorDescription ?? "\(error)")
    } catch {
      // ArgumentParser's own: help (to stdout), a bad option value or a `validate()` refusal.
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      let text = oneLine(parserMessage: message(for: error))
      fail(text.isEmpty ? "\(error)" : text, code: code.rawValue)
    }
  }

  /// ArgumentParser's message for a parse or validation error as one line: no "Error: " label and no usage, the
  /// lines of a list of valid values joined.
  private static func oneLine(parserMessage text: String) -> String {
    var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if let usage = lines.firstIndex(where: { $0.hasPrefix("Usage:") }) { lines.removeSubrange(usage...) }
    let line = lines.joined(separator: " ")
    return line.hasPrefix("Error: ") ? String(line.dropFirst("Error: ".count)) : line
  }

  /// A Foundation file error as one line: what failed, on which path.
  private static func oneLine(_ error: CocoaError) -> String {
    let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.errorUserInfo[NSFilePathErrorKey] as? String
    let reason = (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
    return path.map { "'\($0)': \(reason)" } ?? reason
  }

  private static func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("airpicture: error: \(message)\n".utf8))
    Foundation.exit(code == 0 ? 1 : code)
  }
}
