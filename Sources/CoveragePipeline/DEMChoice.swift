import Foundation

/// Which DEM a run reads: the one the user named, else the first of a scenario's candidates that exists.
///
/// A scenario lists its DEMs best first (say, a 30" composite kept beside the repository, then the coarse 5' one the
/// repository embeds); a run that falls back to a later one says so (`fallbackWarning`), and maps can say it too
/// (`isFallback`).
public struct DEMChoice: Equatable, Sendable {
  /// The DEM read.
  public let path: String
  /// The scenario's candidates (empty when the user named the DEM).
  public let candidates: [String]
  /// Candidates listed before `path` that do not exist.
  public let missing: [String]
  /// The scenario's id, for messages.
  public let scenario: String

  /// Whether the user named the DEM (`--dem`).
  public var isGiven: Bool { candidates.isEmpty }
  /// Whether a better DEM the scenario lists was missing, so a later candidate is read.
  public var isFallback: Bool { !missing.isEmpty }
  /// Whether the DEM read is the scenario's last, coarsest, candidate, and there was a choice.
  public var isLastCandidate: Bool { candidates.count > 1 && candidates.last == path }

  /// One line for the console when the run falls back, naming what is missing, what is read, and the remedy.
  public var fallbackWarning: String? {
    guard isFallback else { return nil }
    let coarse = isLastCandidate ? "the coarse fallback " : "the fallback "
    return
      "DEM \(missing.map { "'\($0)'" }.joined(separator: ", ")) of scenario '\(scenario)' is missing; reading "
      + "\(coarse)'\(path)' instead: coverage near ridges and valleys is approximate. Pass --dem, or fetch the DEM "
      + "(airpicture terrain fetch)"
  }

  /// `given` when there is one, else the first existing path of `candidates` (a scenario's `dem` list);
  /// `scenario` names the scenario in the refusal when none exists.
  public init(given: String?, candidates: [String], scenario: String) throws(PipelineError) {
    self.scenario = scenario
    if let given {
      path = given
      self.candidates = []
      missing = []
      return
    }
    guard let index = candidates.firstIndex(where: { FileManager.default.fileExists(atPath: $0) }) else {
      throw PipelineError(
        "none of the DEMs of scenario '\(scenario)' exists (\(candidates.joined(separator: ", "))); pass --dem")
    }
    path = candidates[index]
    self.candidates = candidates
    missing = Array(candidates[..<index])
  }

  /// The path `init(given:candidates:scenario:)` chooses.
  public static func path(given: String?, candidates: [String], scenario: String) throws(PipelineError) -> String {
    try DEMChoice(given: given, candidates: candidates, scenario: scenario).path
  }
}
