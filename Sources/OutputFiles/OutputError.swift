import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line reason why an output cannot be written safely, as the user should read it.
public struct OutputError: Error, CustomStringConvertible, LocalizedError, Equatable {
  /// The message, one line.
  public let message: String

  /// Creates an error with `message`.
  public init(_ message: String) { self.message = message }

  /// `message` followed by the system's reason for `code` (an errno value).
  init(_ message: String, errno code: Int32) {
    self.message = "\(message): \(String(cString: strerror(code)))"
  }

  public var description: String { message }
  public var errorDescription: String? { message }
}
