import Foundation

/// Why the pipeline refuses a run before or while computing coverage: a DEM unfit for the kernel, a site off the
/// DEM or on a void, not enough memory. One line, worded for the analyst who has to act on it.
public struct PipelineError: Error, CustomStringConvertible, LocalizedError, Sendable {
  /// One line saying what went wrong and what to do.
  public var message: String

  /// Creates an error with its message.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
  public var errorDescription: String? { message }
}
