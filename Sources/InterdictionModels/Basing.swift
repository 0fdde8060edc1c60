import RadarModels

/// Where interceptors wait and how quickly they launch: a named set of bases with alert postures.
public struct Basing: Sendable, Equatable {
  /// One base of the set.
  public struct Station: Sendable, Equatable {
    public var name: String
    public var latitude: Double
    public var longitude: Double
    /// Seconds from the order to take-off; nil when no aircraft is on alert there.
    public var scrambleDelay: Sourced<Double>?
    /// Which stream of alert-readiness draws the station uses (nil: its position in the basing). The basing search
    /// gives each candidate airfield its own, so a base's readiness on a flight does not depend on which other bases
    /// are chosen with it (common random numbers across candidate basings).
    public var readinessStream: Int?

    public init(name: String, latitude: Double, longitude: Double, scrambleDelay: Sourced<Double>?) {
      self.name = name
      self.latitude = latitude
      self.longitude = longitude
      self.scrambleDelay = scrambleDelay
    }
  }

  /// A basing's identifier.
  public typealias ID = Identifier<Basing>

  public var id: ID
  public var description: String
  public var stations: [Station]

  public init(id: ID, description: String, stations: [Station]) {
    self.id = id
    self.description = description
    self.stations = stations
  }
}
