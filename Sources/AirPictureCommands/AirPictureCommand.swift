import ArgumentParser
import Foundation
import OutputFiles

/// The `airpicture` command: radar coverage over real terrain.
public struct AirPictureCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "airpicture",
    abstract: "Radar coverage over real terrain: lowest visible altitude, networks and benchmarks.",
    subcommands: [CoverageCommand.self, RunCommand.self, CompareCommand.self, BenchCommand.self, TerrainCommand.self]
  )

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
      let code = exitCode(for: error)
      let text = message(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      fail(text.isEmpty ? "\(error)" : text.split(separator: "\n").first.map(String.init) ?? text, code: code.rawValue)
    }
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
