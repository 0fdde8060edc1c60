/// Where a number comes from: every default an analyst may have to defend carries one.
public enum Provenance: Sendable, Equatable, Codable {
  /// Taken from a cited source.
  case source(String)
  /// Arithmetic on sourced figures (the arithmetic is stated).
  case derived(String)
  /// A reasonable default with no source; says why it was chosen.
  case assumption(String)

  /// "source: …", "derived: …" or "assumption: …", for tables and maps.
  public var label: String {
    switch self {
    case .source(let text): return "source: \(text)"
    case .derived(let text): return "derived: \(text)"
    case .assumption(let text): return "assumption: \(text)"
    }
  }
}
