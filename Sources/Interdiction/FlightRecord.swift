/// One flight's result under one combination of network, interceptor and basing.
public struct FlightRecord: Sendable {
  public var flight: Int
  public var outcome: FlightOutcome
  /// Seconds from the border crossing to the first detection reaching the command, and to the interception.
  public var borderToDetection: Double?
  public var borderToInterception: Double?
  public var flightHours: Double
  public var interceptLatitude: Double?
  public var interceptLongitude: Double?
}
