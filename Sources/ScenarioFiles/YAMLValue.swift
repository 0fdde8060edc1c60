import Foundation
import RadarModels
import Yams

/// A node of a YAML document with its place (file, line, field path), so every error can say where it is.
struct YAMLValue {
  let node: Node
  let file: String
  let path: String

  /// Parses `text` from `file`; throws a located one-line error on a YAML syntax error, an empty document, or a
  /// document `YAMLPreflight` refuses (alias bombs, duplicate keys, deep nesting).
  static func document(_ text: String, file: String) throws -> YAMLValue {
    try YAMLPreflight.check(text, file: file)
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw Self.error(error, file: file)
    }
    guard let node = composed else {
      throw ScenarioFileError(file: file, line: nil, field: "", message: "the file is empty")
    }
    return YAMLValue(node: node, file: file, path: "")
  }

  /// A one-line error for what Yams refuses after the preflight passed (its own descriptions quote the text).
  private static func error(_ error: YamlError, file: String) -> ScenarioFileError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ScenarioFileError(
        file: file, line: mark.line, column: mark.column, field: "", message: "YAML syntax error: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\(ScenarioFileError.excerpt($0))'" }.prefix(3).joined(separator: ", ")
      return ScenarioFileError(file: file, line: context.mark.line, field: "", message: "duplicate key \(keys)")
    default:
      let summary = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      return ScenarioFileError(file: file, line: nil, field: "", message: "not valid YAML: \(summary)")
    }
  }

  var line: Int? { node.mark?.line }

  func error(_ message: String) -> ScenarioFileError {
    ScenarioFileError(file: file, line: line, field: path, message: message)
  }

  private func child(_ node: Node, _ component: String) -> YAMLValue {
    let name = ScenarioFileError.excerpt(component)
    return YAMLValue(node: node, file: file, path: path.isEmpty ? name : "\(path).\(name)")
  }

  /// The mapping's entries, refusing keys outside `allowed` and duplicates.
  func mapping(allowed: Set<String>) throws -> [String: YAMLValue] {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping of fields") }
    var entries: [String: YAMLValue] = [:]
    for (key, value) in mapping {
      guard let name = key.string else { throw error("field names must be text") }
      let entry = child(value, name)
      guard allowed.contains(name) else {
        throw ScenarioFileError(
          file: file, line: key.mark?.line, field: entry.path,
          message: "unknown field (expected one of: \(allowed.sorted().joined(separator: ", ")))")
      }
      guard entries[name] == nil else { throw entry.error("duplicate field") }
      entries[name] = entry
    }
    return entries
  }

  /// The mapping's entries in file order (for maps keyed by identifiers, such as radar types).
  func keyedEntries() throws -> [(key: String, value: YAMLValue)] {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
    return try mapping.map { key, value in
      guard let name = key.string else { throw error("keys must be text") }
      return (name, child(value, name))
    }
  }

  /// The sequence's items.
  func list() throws -> [YAMLValue] {
    guard case .sequence(let sequence) = node else { throw error("expected a list") }
    return sequence.enumerated().map { index, item in
      YAMLValue(node: item, file: file, path: "\(path)[\(index)]")
    }
  }

  func string() throws -> String {
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected text") }
    return scalar.string
  }

  /// An identifier that names files and folders: letters, digits, '-', '_' and '.', not starting with '.'.
  func identifier() throws -> String {
    let text = try string()
    let allowed = text.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0)
    }
    guard allowed, !text.hasPrefix("."), text.count <= 64 else {
      throw error(
        "'\(ScenarioFileError.excerpt(text))' is not an identifier (letters, digits, '-', '_', '.'; it names files)")
    }
    return text
  }

  func double(in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    throws -> Double
  {
    guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
      throw error("expected a number, got '\(ScenarioFileError.excerpt(node.string ?? "a structure"))'")
    }
    guard range.contains(value) else { throw error("\(value) is outside \(range.lowerBound)...\(range.upperBound)") }
    return value
  }

  func bool() throws -> Bool {
    if let value = node.bool { return value }
    switch node.string?.lowercased() {
    case "on": return true
    case "off": return false
    default: throw error("expected true/false (or on/off)")
    }
  }

  func strings() throws -> [String] { try list().map { try $0.string() } }

  /// `{value: …, source: "…"}` (or `assumption:` or `derived:`): a number with its provenance.
  func sourced(in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    throws -> Sourced<Double>
  {
    let fields = try mapping(allowed: ["value", "source", "assumption", "derived"])
    guard let value = fields["value"] else { throw error("missing 'value'") }
    return Sourced(try value.double(in: range), try provenance(fields))
  }

  /// `{value: [low, high], source: …}`: a range of numbers with its provenance.
  func sourcedRange(in range: ClosedRange<Double>) throws -> Sourced<ClosedRange<Double>> {
    let fields = try mapping(allowed: ["value", "source", "assumption", "derived"])
    guard let value = fields["value"] else { throw error("missing 'value'") }
    let bounds = try value.list().map { try $0.double(in: range) }
    guard bounds.count == 2, bounds[0] < bounds[1] else { throw value.error("expected [low, high] with low < high") }
    return Sourced(bounds[0]...bounds[1], try provenance(fields))
  }

  /// The provenance among `fields`: exactly one of source, assumption, derived.
  func provenance(_ fields: [String: YAMLValue]) throws -> Provenance {
    let given = ["source", "assumption", "derived"].filter { fields[$0] != nil }
    guard given.count == 1 else { throw error("give exactly one of 'source', 'assumption' or 'derived'") }
    let text = try fields[given[0]]!.string()
    switch given[0] {
    case "source": return .source(text)
    case "derived": return .derived(text)
    default: return .assumption(text)
    }
  }
}

extension Dictionary where Key == String, Value == YAMLValue {
  /// The entry `key`, or a located "missing field" error on `parent`.
  func required(_ key: String, in parent: YAMLValue) throws -> YAMLValue {
    guard let value = self[key] else {
      throw ScenarioFileError(
        file: parent.file, line: parent.line, field: parent.path.isEmpty ? key : "\(parent.path).\(key)",
        message: "missing field")
    }
    return value
  }
}
