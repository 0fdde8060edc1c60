/// Thrown when remote tiles had not all arrived when a fetch's deadline passed; nothing was written.
public struct TileFetchTimeout: Error, Sendable {
  /// The deadline, in seconds.
  public let seconds: Double
  /// Tiles that had arrived (or that the server had answered it does not have).
  public let arrived: Int
  /// Tiles asked for.
  public let total: Int
  /// The sources still downloading, or not yet started, when time ran out.
  public let unfinished: [String]
}
