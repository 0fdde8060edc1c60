import CoverageKernel
import InterdictionModels

/// What the command knows of a target at one moment: the last plot it holds (a path sample at or before the moment)
/// and the ground speed and heading of the track into that plot. Built only from samples at or before `time`.
package struct TargetKnowledge: Sendable, Equatable {
  /// The time of the plot, seconds.
  package var time: Double
  package var latitude: Double
  package var longitude: Double
  /// Ground speed, m/s, and heading, radians clockwise from north.
  package var speed: Double
  package var azimuth: Double

  /// The plot of `path` at the last sample at or before `time`, with the velocity from the sample before it.
  package init(path: FlightPath, at time: Double, earth: EarthModel) {
    let index = min(
      max(Int(((time - path.samples[0].time) / FlightPath.step).rounded(.down)), 0), path.samples.count - 1)
    let plot = path.samples[index]
    let previous = path.samples[max(index - 1, 0)]
    self.time = plot.time
    latitude = plot.latitude
    longitude = plot.longitude
    let moved = Geodesy.distance(
      fromLatitude: previous.latitude, longitude: previous.longitude, toLatitude: plot.latitude,
      longitude: plot.longitude, radius: earth.radius)
    speed = index > 0 && plot.airborne ? moved / FlightPath.step : 0
    azimuth =
      moved > 0
      ? Geodesy.azimuth(
        fromLatitude: previous.latitude, longitude: previous.longitude, toLatitude: plot.latitude,
        longitude: plot.longitude) : 0
  }

  /// What the picture tells the command at `time`: while the live picture holds the track, the plot of `time` less the
  /// fusion latency; otherwise the position of the latest voice report in by then, when it is newer than what it knew
  /// before (`previous`).
  static func refreshed(
    _ previous: TargetKnowledge, at time: Double, path: FlightPath, picture: AirPicture, latency: Double,
    earth: EarthModel
  ) -> TargetKnowledge {
    var latest = previous.time
    if picture.isLive(at: time) {
      latest = max(latest, time - latency)
    } else {
      for report in picture.classifications where report.liveUntil == nil && report.time <= time {
        latest = max(latest, min(report.knownAt, report.time))
      }
    }
    guard latest > previous.time else { return previous }
    let fresh = TargetKnowledge(path: path, at: latest, earth: earth)
    return fresh.time > previous.time ? fresh : previous
  }

  /// What the command knows when it classifies the flight: the live plot when the track is held then, else the
  /// position the classification carries (a voice report's), never later than the classification itself.
  package static func atClassification(
    _ classified: AirPicture.Classification, path: FlightPath, picture: AirPicture, latency: Double,
    earth: EarthModel
  ) -> TargetKnowledge {
    if picture.isLive(at: classified.time) {
      return TargetKnowledge(path: path, at: classified.time - latency, earth: earth)
    }
    return TargetKnowledge(path: path, at: min(classified.knownAt, classified.time), earth: earth)
  }
}
