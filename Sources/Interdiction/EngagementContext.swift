import CoverageKernel
import InterdictionModels

/// Everything an engagement of one flight under one combination works from: the flight's true path (to move the
/// target and to decide what the pair's own sensor sees), the command's picture of it, and the interceptor, rules and
/// geography. Decisions read the picture only; the path stands in for the world.
package struct EngagementContext: Sendable {
  package var flight: Int
  package var path: FlightPath
  package var picture: AirPicture
  /// The network configuration's fusion latency: a live track shows the target as it was this long ago, seconds.
  package var latency: Double
  package var interceptor: InterceptorType
  /// Law 30339's phases for this interceptor beside this target, seconds.
  package var phases: Double
  package var rules: InterdictionRules
  /// The areas a target may be making for: the strip areas and the departure areas.
  package var destinations: [FlightPattern.Area]
  package var world: SimulationWorld

  var earth: EarthModel { world.earth }

  package init(
    flight: Int, path: FlightPath, picture: AirPicture, latency: Double, interceptor: InterceptorType,
    rules: InterdictionRules, pattern: FlightPattern, world: SimulationWorld
  ) {
    self.flight = flight
    self.path = path
    self.picture = picture
    self.latency = latency
    self.interceptor = interceptor
    self.phases = rules.phaseTime(
      escortSpeed: interceptor.minimumEscortSpeed.value, targetSpeed: path.aircraft.cruiseSpeed.value)
    self.rules = rules
    self.destinations = pattern.destinations + pattern.origins
    self.world = world
  }

  /// Great-circle metres between two positions.
  func distance(_ a: (latitude: Double, longitude: Double), _ b: (latitude: Double, longitude: Double)) -> Double {
    Geodesy.distance(
      fromLatitude: a.latitude, longitude: a.longitude, toLatitude: b.latitude, longitude: b.longitude,
      radius: earth.radius)
  }
}
