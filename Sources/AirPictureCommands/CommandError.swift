import Foundation

/// A user-facing failure: printed as one line on stderr, with a non-zero exit.
struct CommandError: Error, CustomStringConvertible, LocalizedError {
  var description: String
  var errorDescription: String? { description }
  init(_ description: String) { self.description = description }
}
