import RadarModels

/// Where suspect flights come from and go, and when.
public struct FlightPattern: Sendable, Equatable {
  /// A place drawn around its centre.
  public struct Area: Sendable, Equatable {
    public var name: String
    public var latitude: Double
    public var longitude: Double
    /// Points are drawn uniformly within this radius, metres.
    public var radius: Double
    /// Intermediate turning points on the way, e.g. a valley to follow (for flights that do not plan their route).
    public var waypoints: [GeoCoordinate]
    /// Weight of the area among the scenario's destinations (normalised); nil weighs every area alike.
    public var share: Sourced<Double>?

    public init(
      name: String, latitude: Double, longitude: Double, radius: Double, waypoints: [GeoCoordinate] = [],
      share: Sourced<Double>? = nil
    ) {
      self.name = name
      self.latitude = latitude
      self.longitude = longitude
      self.radius = radius
      self.waypoints = waypoints
      self.share = share
    }
  }

  /// Departure areas in Bolivia.
  public var origins: [Area]
  /// Strip areas in Peru.
  public var destinations: [Area]
  /// Mean flights per day (for the yearly figures; the Monte Carlo draws flights, not days).
  public var flightsPerDay: Sourced<Double>
  /// Hour of day (local) around which flights cross into Peru, and the spread (hours, uniform ±).
  public var entryHour: Sourced<Double>
  public var entrySpread: Sourced<Double>
  /// How flights choose their way over the terrain and past the radars they know of.
  public var routing: TraffickerRouting
  /// Where strips can be, in the origin and destination areas alike.
  public var strips: StripSiting

  public init(
    origins: [Area], destinations: [Area], flightsPerDay: Sourced<Double>, entryHour: Sourced<Double>,
    entrySpread: Sourced<Double>, routing: TraffickerRouting = .direct, strips: StripSiting = .anywhere
  ) {
    self.routing = routing
    self.strips = strips
    self.origins = origins
    self.destinations = destinations
    self.flightsPerDay = flightsPerDay
    self.entryHour = entryHour
    self.entrySpread = entrySpread
  }
}
