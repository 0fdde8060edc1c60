import CoverageKernel
import InterdictionModels

/// Where the command expects a target to be, from what it knows: from the last plot, along the great circle to the
/// likely destination its heading points at (a strip area on the way in, a Bolivian departure area on the way home),
/// at the known ground speed, stopping there. With no likely destination within `destinationCone` of its heading, the
/// target is expected to fly straight on.
struct PredictedTrack: Sendable {
  /// The widest angle, radians, between the known heading and the bearing to an area for that area to count as the
  /// likely destination.
  static let destinationCone = Double.pi / 3

  let knowledge: TargetKnowledge
  /// The heading flown from the plot (towards the destination when there is one).
  let azimuth: Double
  /// Metres from the plot to the destination's centre (nil when flying straight on).
  let distanceToDestination: Double?
  let earth: EarthModel

  /// The prediction from `knowledge`, with `destinations` the areas the target may be making for.
  init(knowledge: TargetKnowledge, destinations: [FlightPattern.Area], earth: EarthModel) {
    self.knowledge = knowledge
    self.earth = earth
    var best: (difference: Double, distance: Double, azimuth: Double)?
    if knowledge.speed > 0 {
      for area in destinations {
        let distance = Geodesy.distance(
          fromLatitude: knowledge.latitude, longitude: knowledge.longitude, toLatitude: area.latitude,
          longitude: area.longitude, radius: earth.radius)
        let bearing = Geodesy.azimuth(
          fromLatitude: knowledge.latitude, longitude: knowledge.longitude, toLatitude: area.latitude,
          longitude: area.longitude)
        var difference = abs(bearing - knowledge.azimuth).truncatingRemainder(dividingBy: 2 * .pi)
        difference = min(difference, 2 * .pi - difference)
        guard difference <= Self.destinationCone else { continue }
        if best == nil || difference < best!.difference { best = (difference, distance, bearing) }
      }
    }
    azimuth = best?.azimuth ?? knowledge.azimuth
    distanceToDestination = best?.distance
  }

  /// When the target is expected at its destination (nil when it has none, or does not move).
  var arrival: Double? {
    guard let distanceToDestination, knowledge.speed > 0 else { return nil }
    return knowledge.time + distanceToDestination / knowledge.speed
  }

  /// The expected position at `time` (the plot's position before the plot's time).
  func position(at time: Double) -> (latitude: Double, longitude: Double) {
    var travelled = knowledge.speed * max(time - knowledge.time, 0)
    if let distanceToDestination { travelled = min(travelled, distanceToDestination) }
    guard travelled > 0 else { return (knowledge.latitude, knowledge.longitude) }
    let point = Geodesy.destination(
      latitude: knowledge.latitude, longitude: knowledge.longitude, azimuth: azimuth, distance: travelled,
      radius: earth.radius)
    return (point.latitude, point.longitude)
  }
}
