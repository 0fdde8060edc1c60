import Foundation

/// A problem in a scenario or preset file, located for the analyst: `file:line: field: what is wrong`.
///
/// Its description is always one line, whatever the file holds: line breaks and other control characters are
/// written as escapes, and long field paths and messages are shortened.
public struct ScenarioFileError: Error, CustomStringConvertible, LocalizedError, Sendable {
  /// The file's path.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known (YAML syntax errors).
  public var column: Int?
  /// The offending field, as a path ("sites[2].lat").
  public var field: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int?, column: Int? = nil, field: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.message = message
  }

  public var errorDescription: String? { description }

  public var description: String {
    var place = Self.oneLine(file)
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    let text = Self.excerpt(message, limit: Self.messageLimit)
    return field.isEmpty ? "\(place): \(text)" : "\(place): \(Self.excerpt(field, limit: Self.fieldLimit)): \(text)"
  }

  /// The longest field path a description shows before shortening it.
  static let fieldLimit = 160
  /// The longest message a description shows before shortening it.
  static let messageLimit = 600

  /// `text` on one line (control characters escaped) and at most `limit` characters, the cut marked with "…".
  ///
  /// Every piece of file content an error quotes goes through this, so a key or value of any length or shape
  /// cannot flood the terminal.
  static func excerpt(_ text: String, limit: Int = 80) -> String {
    let flat = oneLine(text)
    guard flat.count > limit else { return flat }
    return String(flat.prefix(max(1, limit - 1))) + "…"
  }

  /// `text` with line breaks, tabs and other control characters written as Swift-style escapes.
  static func oneLine(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator:
          result += "\\u{\(String(scalar.value, radix: 16))}"
        default:
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
