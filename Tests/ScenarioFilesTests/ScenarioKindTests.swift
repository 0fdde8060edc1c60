import Foundation
import ScenarioFiles
import Testing

/// Each reader recognises a scenario of the other kind by its top-level fields and says so, instead of refusing its
/// first field as unknown.
@Suite struct ScenarioKindTests {
  static let folder = ScenarioFileTests.scenarios

  func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

  /// What `read` throws on `file`, or nil when it reads it.
  func failure(_ read: (String) throws -> Any, _ file: String) -> (any Error)? {
    do {
      _ = try read(file)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: ["interdiction-2025.yaml", "interdiction-planned.yaml"])
  func theCoverageReaderRecognisesAnInterdictionScenario(name: String) throws {
    let error = failure({ try ScenarioReader.read(contentsOf: $0) }, path(name))
    let mismatch = try #require(error as? ScenarioKindMismatch, "\(String(describing: error))")
    #expect(mismatch.found == .interdiction && mismatch.expected == .coverage && mismatch.file == path(name))
    #expect(mismatch.description == "'\(path(name))' is an interdiction scenario, not a coverage scenario")
  }

  @Test(arguments: ["peru-2025.yaml", "peru-planned.yaml", "peru-2025-ssr-only.yaml"])
  func theInterdictionReaderRecognisesACoverageScenario(name: String) throws {
    let error = failure({ try InterdictionScenarioReader.read(contentsOf: $0) }, path(name))
    let mismatch = try #require(error as? ScenarioKindMismatch, "\(String(describing: error))")
    #expect(mismatch.found == .coverage && mismatch.expected == .interdiction)
    #expect(mismatch.description == "'\(path(name))' is a coverage scenario, not an interdiction scenario")
  }

  /// A file whose fields show neither kind, or both, gets the field-by-field error as before.
  @Test func aFileOfNeitherOrBothKindsGetsTheFieldError() throws {
    let catalog = failure({ try InterdictionScenarioReader.read(contentsOf: $0) }, path("radar-types.yaml"))
    #expect(catalog is ScenarioFileError, "\(String(describing: catalog))")
    let text = try String(contentsOfFile: path("peru-2025.yaml"), encoding: .utf8)
    let mixed = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: mixed) }
    try Data((text + "\ninterceptors: []\n").utf8).write(to: mixed)
    let error = failure({ try ScenarioReader.read(contentsOf: $0) }, mixed.path)
    let fieldError = try #require(error as? ScenarioFileError, "\(String(describing: error))")
    #expect(fieldError.field == "interceptors" && fieldError.message.hasPrefix("unknown field"))
  }
}
