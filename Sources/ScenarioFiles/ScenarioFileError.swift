/// A problem in a scenario or preset file, located for the analyst: `file:line: field: what is wrong`.
public struct ScenarioFileError: Error, CustomStringConvertible, Sendable {
  /// The file's path.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// The offending field, as a path ("sites[2].lat").
  public var field: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int?, field: String, message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
  }
}
