import Foundation
import ScenarioFiles
import Testing

/// The located error of parsing `yaml` as a scenario in `folder` (presets resolved there), or nil when it parses;
/// any other kind of error is recorded as a test failure, never taken for success.
func scenarioParseError(_ yaml: String, folder: URL) -> ScenarioFileError? {
  do {
    _ = try ScenarioReader.parse(yaml: yaml, file: "bad.yaml", folder: folder)
    return nil
  } catch let error as ScenarioFileError {
    return error
  } catch {
    Issue.record("unexpected error, not a located scenario error: \(error)")
    return nil
  }
}
