import Foundation

/// A failure of raster or vector I/O, worded for the analyst who has to fix it.
public struct GeoRasterError: Error, CustomStringConvertible, LocalizedError, Sendable {
  /// One line saying what went wrong and with which file.
  public var message: String

  /// Creates an error with its message.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
  public var errorDescription: String? { message }
}
