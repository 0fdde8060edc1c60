import Foundation

/// The two kinds of scenario file, told apart by their top-level fields: a coverage scenario (`airpicture coverage`)
/// places radars on a DEM; an interdiction scenario (`airpicture run`, `compare`) names a coverage scenario as its
/// `network` and adds aircraft, interceptors and basings.
public enum ScenarioKind: String, Sendable, CustomStringConvertible {
  case coverage
  case interdiction

  public var description: String { "\(rawValue) scenario" }

  /// Top-level fields only a coverage scenario has.
  static let coverageFields: Set<String> = ["dem", "radar_types", "sites", "networks", "altitudes_agl_m"]
  /// Top-level fields only an interdiction scenario has.
  static let interdictionFields: Set<String> = ["network", "aircraft", "interceptors", "basings", "flights"]

  /// The kind `document`'s top-level fields show, or nil when they show neither or both.
  static func of(_ document: YAMLValue) -> ScenarioKind? {
    guard let keys = try? document.keyedEntries().map(\.key) else { return nil }
    let coverage = !coverageFields.isDisjoint(with: keys)
    let interdiction = !interdictionFields.isDisjoint(with: keys)
    switch (coverage, interdiction) {
    case (true, false): return .coverage
    case (false, true): return .interdiction
    default: return nil
    }
  }

  /// Refuses `document` when its fields show the other kind than `expected`.
  static func check(_ document: YAMLValue, is expected: ScenarioKind) throws(ScenarioKindMismatch) {
    if let found = of(document), found != expected {
      throw ScenarioKindMismatch(file: document.file, found: found, expected: expected)
    }
  }
}

/// A scenario file of the other kind than the reader expects (a coverage scenario given to `run`, say).
public struct ScenarioKindMismatch: Error, CustomStringConvertible, LocalizedError, Sendable {
  /// The file's path.
  public let file: String
  /// The kind the file is.
  public let found: ScenarioKind
  /// The kind the reader expected.
  public let expected: ScenarioKind

  public var description: String {
    "'\(ScenarioFileError.oneLine(file))' is \(found.article) \(found), not \(expected.article) \(expected)"
  }
  public var errorDescription: String? { description }
}

extension ScenarioKind {
  /// "a" or "an", as the kind's name needs.
  public var article: String { self == .interdiction ? "an" : "a" }
}
