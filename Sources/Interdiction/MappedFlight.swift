import RadarModels

/// What the map layers show of one flight the Monte Carlo was asked to map, kept from its one simulation: where it
/// flew, which radar scans detected it, and the confirmed tracks each network configuration held of it.
public struct MappedFlight: Sendable, Equatable {
  /// A sample of the flight's path.
  public struct Sample: Sendable, Equatable {
    /// Seconds.
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    /// Altitude MSL, metres.
    public var altitude: Double
    public var airborne: Bool

    package init(time: Double, latitude: Double, longitude: Double, altitude: Double, airborne: Bool) {
      self.time = time
      self.latitude = latitude
      self.longitude = longitude
      self.altitude = altitude
      self.airborne = airborne
    }
  }

  /// A radar scan that detected the flight, with the flight's position at that moment (interpolated on its path).
  public struct Detection: Sendable, Equatable {
    /// The radar's index in the world's radars, and its name.
    public var radar: Int
    public var radarName: String
    /// Seconds.
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    /// Altitude MSL, metres.
    public var altitude: Double

    package init(
      radar: Int, radarName: String, time: Double, latitude: Double, longitude: Double, altitude: Double
    ) {
      self.radar = radar
      self.radarName = radarName
      self.time = time
      self.latitude = latitude
      self.longitude = longitude
      self.altitude = altitude
    }
  }

  /// A confirmed track that one network configuration held, with the path samples from its confirmation to its drop
  /// (both included; fewer than two when the track lasted less than a sample step).
  public struct TrackSegment: Sendable, Equatable {
    /// The network configuration's id.
    public var network: NetworkConfiguration.ID
    /// Seconds.
    public var confirmed: Double
    public var dropped: Double
    public var points: [Sample]

    package init(network: NetworkConfiguration.ID, confirmed: Double, dropped: Double, points: [Sample]) {
      self.network = network
      self.confirmed = confirmed
      self.dropped = dropped
      self.points = points
    }
  }

  public var flight: Int
  /// The aircraft type's name, and the names of the origin and destination areas.
  public var aircraft: String
  public var origin: String
  public var destination: String
  public var transponderOn: Bool
  /// Seconds: when the flight first crosses into Peru (nil when it never does); records count their times from it.
  public var borderCrossing: Double?
  /// The path, in time order.
  public var samples: [Sample]
  /// Detecting scans in time order (by radar index at equal times).
  public var detections: [Detection]
  /// Per network configuration in scenario order, its tracks in time order.
  public var trackSegments: [TrackSegment]

  package init(
    flight: Int, aircraft: String, origin: String, destination: String, transponderOn: Bool,
    borderCrossing: Double?, samples: [Sample], detections: [Detection], trackSegments: [TrackSegment]
  ) {
    self.flight = flight
    self.aircraft = aircraft
    self.origin = origin
    self.destination = destination
    self.transponderOn = transponderOn
    self.borderCrossing = borderCrossing
    self.samples = samples
    self.detections = detections
    self.trackSegments = trackSegments
  }

  /// Flight `index` as simulated: its `path`, the detecting scans of its `history` by `radars`, and the tracks of each
  /// network configuration's picture in `pictures` (id and picture, in scenario order).
  init(
    flight index: Int, path: FlightPath, history: DetectionHistory, radars: [SimulationWorld.Radar],
    pictures: [(network: NetworkConfiguration.ID, picture: AirPicture)]
  ) {
    let samples = path.samples.map(Sample.init)
    self.init(
      flight: index, aircraft: path.aircraft.name, origin: path.originName, destination: path.destinationName,
      transponderOn: path.transponderOn, borderCrossing: path.borderCrossing, samples: samples,
      detections: history.scans.filter(\.detected).map { scan in
        let position = path.sample(at: scan.time)
        return Detection(
          radar: scan.radar, radarName: radars[scan.radar].placement.name, time: scan.time,
          latitude: position.latitude, longitude: position.longitude, altitude: position.altitude)
      },
      trackSegments: pictures.flatMap { network, picture in
        picture.tracks.map { track in
          TrackSegment(
            network: network, confirmed: track.confirmed, dropped: track.dropped,
            points: samples.filter { $0.time >= track.confirmed && $0.time <= track.dropped })
        }
      })
  }
}

extension MappedFlight {
  /// The altitude MSL in metres at `time` seconds, linear between samples and clamped to the flight (nil without
  /// samples).
  public func altitude(at time: Double) -> Double? {
    guard let first = samples.first, let last = samples.last else { return nil }
    guard time > first.time else { return first.altitude }
    guard time < last.time else { return last.altitude }
    let after = samples.firstIndex { $0.time >= time }!
    let a = samples[after - 1]
    let b = samples[after]
    return a.altitude + (b.altitude - a.altitude) * (time - a.time) / (b.time - a.time)
  }
}

extension MappedFlight.Sample {
  /// The map's view of a path sample.
  init(_ sample: FlightPath.Sample) {
    self.init(
      time: sample.time, latitude: sample.latitude, longitude: sample.longitude, altitude: sample.altitude,
      airborne: sample.airborne)
  }
}
