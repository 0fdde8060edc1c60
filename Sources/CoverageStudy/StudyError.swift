import Foundation

/// Why a coverage study refuses its inputs: a regions file it cannot use, fields from another Earth model. One line,
/// worded for the analyst who has to fix the scenario.
public struct StudyError: Error, CustomStringConvertible, LocalizedError, Sendable {
  /// One line saying what went wrong and with which file.
  public var message: String

  /// Creates an error with its message.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
  public var errorDescription: String? { message }
}
