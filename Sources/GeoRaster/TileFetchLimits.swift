/// How long and how widely a mosaic may download remote tiles.
public struct TileFetchLimits: Sendable {
  /// Seconds the whole download may take, every tile together; past it the fetch gives up.
  public var timeoutSeconds: Double
  /// Tiles downloaded at once.
  public var connections: Int
  /// Seconds a connection may go without receiving a byte before its request is abandoned.
  public var stallSeconds: Double

  /// Limits for one fetch; `timeoutSeconds` and `stallSeconds` must be positive, `connections` at least 1.
  public init(timeoutSeconds: Double = 300, connections: Int = 8, stallSeconds: Double = 30) {
    precondition(timeoutSeconds > 0 && stallSeconds > 0 && connections >= 1, "positive limits")
    self.timeoutSeconds = timeoutSeconds
    self.connections = connections
    self.stallSeconds = stallSeconds
  }
}
