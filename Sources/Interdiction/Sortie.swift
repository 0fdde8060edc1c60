import CoverageKernel
import InterdictionModels

/// One pair's flight against a track, without hindsight. The pair flies towards the intercept solution; whenever the
/// live picture holds the track it learns the target's position (less the fusion latency) and re-solves, at most once
/// a minute; where the solution's point is reached without contact it searches along the predicted track for the
/// scenario's search time. Its own sensor finds the target when the true target is airborne over Peru within sensor
/// range. It turns home when the fuel for the way back is all it has left or the search is over (launched, not found),
/// or when the live picture shows the target out of its reach (out of range) or landing or leaving before it can get
/// there.
struct Sortie {
  /// How often, at most, a pair's solution is recomputed from the live picture, seconds.
  static let resolveInterval = 60.0

  /// What came of the sortie.
  struct Result {
    var outcome: FlightOutcome
    var interceptTime: Double?
    var latitude: Double?
    var longitude: Double?
    /// When the pair is back at its station.
    var home: Double
    /// Both aircraft, from launch to landing at home.
    var flightHours: Double
  }

  /// Flies the pair from `station`, launched at `launch`, knowing `knowledge`, towards `aim`.
  static func fly(
    from station: Basing.Station, launch: Double, knowledge initial: TargetKnowledge,
    aim first: (time: Double, latitude: Double, longitude: Double), context: EngagementContext
  ) -> Result {
    let interceptor = context.interceptor
    let speed = interceptor.transitSpeed.value
    let base = (latitude: station.latitude, longitude: station.longitude)
    let path = context.path
    var here = base
    var knowledge = initial
    var track = PredictedTrack(knowledge: knowledge, destinations: context.destinations, earth: context.earth)
    var aim = first
    var solved = -Double.infinity
    var searchEnds: Double?
    var time = launch
    /// The pair turns home without the target: not found, or (told by the live picture) unreachable in time.
    func returning(
      at time: Double, from position: (latitude: Double, longitude: Double),
      _ outcome: FlightOutcome = .launchedNotFound
    ) -> Result {
      let home = time + context.distance(position, base) / speed
      return Result(outcome: outcome, home: home, flightHours: 2 * (home - launch) / 3_600)
    }
    while true {
      let target = path.sample(at: time)
      if target.airborne && target.insidePeru {
        let range = context.distance(here, (target.latitude, target.longitude))
        if range <= interceptor.sensorRange.value {
          return escort(found: time, range: range, launch: launch, base: base, context: context)
        }
      }
      if time - launch + context.distance(here, base) / speed + FlightPath.step >= interceptor.endurance.value {
        return returning(at: time, from: here)
      }
      if time - solved >= resolveInterval {
        let fresh = TargetKnowledge.refreshed(
          knowledge, at: time, path: path, picture: context.picture, latency: context.latency, earth: context.earth)
        if fresh != knowledge {
          knowledge = fresh
          track = PredictedTrack(knowledge: knowledge, destinations: context.destinations, earth: context.earth)
          solved = time
          switch InterceptSolution.solve(
            track: track, station: station, start: here, departure: time, launch: launch, context: context)
          {
          case .aim(let at, let latitude, let longitude):
            aim = (at, latitude, longitude)
            searchEnds = nil
          case .beyondReach:
            return returning(at: time, from: here, .interceptorOutOfRange)
          case .tooLate:
            return returning(
              at: time, from: here, path.terminalEvent(after: time).landing ? .targetLandedFirst : .targetLeftPeru)
          }
        }
      }
      let goal: (latitude: Double, longitude: Double)
      if time < aim.time {
        goal = (aim.latitude, aim.longitude)
      } else {
        let ends = searchEnds ?? time + context.rules.searchTime.value
        searchEnds = ends
        guard time < ends else { return returning(at: time, from: here) }
        goal = track.position(at: time + FlightPath.step)
      }
      here = step(from: here, towards: goal, metres: speed * FlightPath.step, context: context)
      time += FlightPath.step
    }
  }

  /// The pair's position after flying up to `metres` towards `goal` (stopping there).
  static func step(
    from here: (latitude: Double, longitude: Double), towards goal: (latitude: Double, longitude: Double),
    metres: Double, context: EngagementContext
  ) -> (latitude: Double, longitude: Double) {
    let remaining = context.distance(here, goal)
    guard remaining > metres else { return goal }
    let azimuth = Geodesy.azimuth(
      fromLatitude: here.latitude, longitude: here.longitude, toLatitude: goal.latitude, longitude: goal.longitude)
    let point = Geodesy.destination(
      latitude: here.latitude, longitude: here.longitude, azimuth: azimuth, distance: metres,
      radius: context.earth.radius)
    return (point.latitude, point.longitude)
  }

  /// The pair has the target on its own sensor at `found`, `range` metres away: it closes at transit speed, stays
  /// beside it through the phases (until the target lands or leaves, or the fuel for home runs out) and flies home.
  static func escort(
    found: Double, range: Double, launch: Double, base: (latitude: Double, longitude: Double),
    context: EngagementContext
  ) -> Result {
    let interceptor = context.interceptor
    let speed = interceptor.transitSpeed.value
    let path = context.path
    let reached = found + range / speed
    let terminal = path.terminalEvent(after: found)
    let lost: FlightOutcome = terminal.landing ? .targetLandedFirst : .targetLeftPeru
    let homeFrom = { (time: Double) -> Double in
      let position = path.sample(at: time)
      return time + context.distance((position.latitude, position.longitude), base) / speed
    }
    guard reached < terminal.time else {
      let home = homeFrom(terminal.time)
      return Result(outcome: lost, home: home, flightHours: 2 * (home - launch) / 3_600)
    }
    let finished = reached + context.phases
    // Fuel: the pair leaves when what is left just takes it home from beside the target.
    var leaves = min(finished, terminal.time)
    while leaves > reached && homeFrom(leaves) - launch > interceptor.endurance.value {
      leaves = max(reached, leaves - FlightPath.step)
    }
    let home = homeFrom(leaves)
    var result = Result(outcome: lost, home: home, flightHours: 2 * (home - launch) / 3_600)
    if finished <= terminal.time && leaves >= finished {
      let position = path.sample(at: reached)
      result.outcome = .intercepted
      result.interceptTime = reached
      result.latitude = position.latitude
      result.longitude = position.longitude
    }
    return result
  }
}
