import Foundation

/// Which DEM a run reads: the one the user named, else the first of a scenario's candidates that exists.
public enum DEMChoice {
  /// `given` when there is one, else the first existing path of `candidates` (a scenario's `dem` list);
  /// `scenario` names the scenario in the refusal when none exists.
  public static func path(given: String?, candidates: [String], scenario: String) throws(PipelineError) -> String {
    if let given { return given }
    if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
    throw PipelineError(
      "none of the DEMs of scenario '\(scenario)' exists (\(candidates.joined(separator: ", "))); pass --dem")
  }
}
