// Yams' own copy of libyaml. It is a module of the Yams package rather than a product, so it is reached through
// the Yams dependency; using it (instead of a second libyaml) keeps one set of libyaml symbols in the binary.
import CYaml

/// Checks a YAML document on libyaml's event stream, before Yams composes it, so that no input can hang the
/// reader or flood the terminal. The scan takes time and memory in proportion to the text, and refuses:
///
/// - syntax errors, as `file:line:column: YAML syntax error: reason`;
/// - documents whose aliases would expand to more than `nodeBudget` nodes (a "billion laughs" file; Yams compares
///   expanded keys when it checks for duplicates, which takes exponential time), or nested deeper than `depthLimit`;
/// - duplicate keys in a mapping, as `file:line: field.path: duplicate key 'k'` (Yams' own error quotes the whole
///   file), keys that are lists or mappings, undefined aliases, and more than one document.
enum YAMLPreflight {
  /// The most nodes a document may hold once every alias is expanded: far above any scenario (the shipped ones
  /// hold a few thousand), far below what takes a noticeable time to read.
  static let nodeBudget = 100_000
  /// The deepest nesting of lists and mappings a document may have (scenarios need about six levels).
  static let depthLimit = 64

  /// Throws a located `ScenarioFileError` for the first problem in `text`, named `file` in errors.
  static func check(_ text: String, file: String) throws {
    let bytes = Array(text.utf8)
    if bytes.isEmpty { return }
    var scan = Scan(file: file)
    try bytes.withUnsafeBufferPointer { buffer in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        throw ScenarioFileError(file: file, line: nil, field: "", message: "cannot start the YAML parser (memory)")
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var finished = false
      while !finished {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, file: file) }
        defer { yaml_event_delete(&event) }
        finished = event.type == YAML_STREAM_END_EVENT
        try scan.take(event)
      }
    }
  }

  /// The one-line error for libyaml's failure.
  private static func syntaxError(_ parser: yaml_parser_t, file: String) -> ScenarioFileError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    if parser.error == YAML_READER_ERROR {
      // Reader errors (bad encoding, control characters) carry a byte offset rather than a line.
      return ScenarioFileError(
        file: file, line: nil, field: "",
        message: "YAML syntax error: \(problem) (byte \(parser.problem_offset + 1))")
    }
    // libyaml's own nesting limit (1000 levels) can strike before the events reach `depthLimit`.
    var reason = problem.hasPrefix("Maximum nesting level") ? "nested deeper than \(depthLimit) levels" : problem
    if let context = parser.context.map({ String(cString: $0) }) {
      reason += " (\(context) from line \(parser.context_mark.line + 1))"
    }
    return ScenarioFileError(
      file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, field: "",
      message: "YAML syntax error: \(reason)")
  }

  /// The state of a scan: open collections, anchors and the running node count.
  private struct Scan {
    let file: String
    var stack: [Collection] = []
    /// Expanded node count of every anchor defined so far, and the text of scalar anchors (for alias keys).
    var anchorSizes: [String: Int] = [:]
    var anchorTexts: [String: String] = [:]
    var total = 0
    /// Whether the document used an alias (so a node count past the budget is an expansion, not plain size).
    var sawAlias = false
    var documents = 0

    init(file: String) { self.file = file }

    struct Collection {
      var isMapping: Bool
      var anchor: String?
      var path: String
      /// Nodes in this collection once expanded, itself included.
      var size = 1
      var items = 0
      /// For a mapping: the key whose value comes next, and the keys seen so far.
      var pendingKey: String?
      var keys: Set<String> = []

      /// Takes a finished child of `size` expanded nodes (`key`: its text, for a mapping's key).
      mutating func adopt(size: Int, key: String?) {
        self.size = self.size.addingReportingOverflow(size).overflow ? Int.max : self.size + size
        if isMapping {
          if pendingKey == nil {
            pendingKey = key ?? ""
          } else {
            pendingKey = nil
            items += 1
          }
        } else {
          items += 1
        }
      }
    }

    func error(line: Int, field: String, _ message: String) -> ScenarioFileError {
      ScenarioFileError(file: file, line: line, field: field, message: message)
    }

    mutating func take(_ event: yaml_event_t) throws {
      let line = event.start_mark.line + 1
      switch event.type {
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        guard documents == 1 else {
          throw error(line: line, field: "", "a second YAML document; a scenario file holds exactly one")
        }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value = Self.text(scalar.value, length: scalar.length)
        let anchor = Self.name(scalar.anchor)
        if let anchor {
          anchorSizes[anchor] = 1
          anchorTexts[anchor] = value
        }
        try add(size: 1, keyText: value, line: line)
      case YAML_ALIAS_EVENT:
        let anchor = Self.name(event.data.alias.anchor) ?? ""
        guard let size = anchorSizes[anchor] else {
          throw error(line: line, field: nextPath, "undefined alias '*\(ScenarioFileError.excerpt(anchor))'")
        }
        sawAlias = true
        try add(size: size, keyText: anchorTexts[anchor], line: line)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        if let parent = stack.last, parent.isMapping, parent.pendingKey == nil {
          throw error(line: line, field: parent.path, "keys must be text, not a list or mapping")
        }
        guard stack.count < YAMLPreflight.depthLimit else {
          throw error(line: line, field: nextPath, "nested deeper than \(YAMLPreflight.depthLimit) levels")
        }
        try count(1, line: line)
        stack.append(Collection(isMapping: isMapping, anchor: anchor, path: nextPath))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        let closed = stack.removeLast()
        if let anchor = closed.anchor {
          anchorSizes[anchor] = closed.size
          anchorTexts[anchor] = nil
        }
        if !stack.isEmpty { stack[stack.count - 1].adopt(size: closed.size, key: nil) }
      default:
        break
      }
    }

    /// The field path of the node that comes next.
    var nextPath: String {
      guard let parent = stack.last else { return "" }
      if !parent.isMapping { return "\(parent.path)[\(parent.items)]" }
      guard let key = parent.pendingKey else { return parent.path }
      return Self.path(parent.path, key)
    }

    /// Counts a scalar or an alias of `size` expanded nodes; `keyText` is its text when it is a scalar.
    private mutating func add(size: Int, keyText: String?, line: Int) throws {
      // Through the index, not a copy of the parent: a copy would make every insertion copy the key set.
      let top = stack.count - 1
      if top >= 0, stack[top].isMapping, stack[top].pendingKey == nil {
        guard let key = keyText else {
          throw error(line: line, field: stack[top].path, "keys must be text, not a list or mapping")
        }
        guard stack[top].keys.insert(key).inserted else {
          throw error(
            line: line, field: Self.path(stack[top].path, key), "duplicate key '\(ScenarioFileError.excerpt(key))'")
        }
      }
      try count(size, line: line)
      if !stack.isEmpty { stack[stack.count - 1].adopt(size: size, key: keyText) }
    }

    /// `parent.key`, with the key shortened to an excerpt.
    static func path(_ parent: String, _ key: String) -> String {
      let component = ScenarioFileError.excerpt(key)
      return parent.isEmpty ? component : "\(parent).\(component)"
    }

    /// Adds `size` nodes to the document, refusing it past the budget.
    private mutating func count(_ size: Int, line: Int) throws {
      total = total.addingReportingOverflow(size).overflow ? Int.max : total + size
      guard total <= YAMLPreflight.nodeBudget else {
        throw error(
          line: line, field: nextPath,
          sawAlias
            ? "too many nodes: more than \(YAMLPreflight.nodeBudget) once aliases are expanded"
              + " (anchors that repeat anchors?); refusing the file"
            : "too many nodes: more than \(YAMLPreflight.nodeBudget), far more than a scenario holds; refusing the file"
        )
      }
    }

    static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
      guard let pointer else { return "" }
      return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: $0) }
    }
  }
}
