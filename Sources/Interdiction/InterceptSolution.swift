import InterdictionModels

/// The command's intercept solution against a predicted track: the earliest moment a pair leaving `start` at
/// `departure` can be on the predicted position, inside Peru, before the target is expected to land or be home, within
/// the interceptor's combat radius of its station and with the fuel for the phases and the flight home.
enum InterceptSolution: Equatable {
  /// Fly to this point, reaching it at this time.
  case aim(time: Double, latitude: Double, longitude: Double)
  /// The predicted target is reachable in time only beyond the radius or the fuel.
  case beyondReach
  /// No reachable predicted position inside Peru before the target is expected to land or leave.
  case tooLate

  /// Solves on the flight-sample grid of seconds, up to the end of the pair's endurance.
  static func solve(
    track: PredictedTrack, station: Basing.Station, start: (latitude: Double, longitude: Double), departure: Double,
    launch: Double, context: EngagementContext
  ) -> InterceptSolution {
    let interceptor = context.interceptor
    let speed = interceptor.transitSpeed.value
    let home = (latitude: station.latitude, longitude: station.longitude)
    let horizon = min(launch + interceptor.endurance.value, track.arrival ?? .infinity)
    var beyond = false
    var time = departure
    while time <= horizon {
      defer { time += FlightPath.step }
      let predicted = track.position(at: time)
      guard context.distance(start, predicted) <= speed * (time - departure) else { continue }
      guard context.world.isInsidePeru(latitude: predicted.latitude, longitude: predicted.longitude) else { continue }
      let fromHome = context.distance(home, predicted)
      guard fromHome <= interceptor.combatRadius.value,
        (time - launch) + context.phases + fromHome / speed <= interceptor.endurance.value
      else {
        beyond = true
        continue
      }
      return .aim(time: time, latitude: predicted.latitude, longitude: predicted.longitude)
    }
    return beyond ? .beyondReach : .tooLate
  }
}
