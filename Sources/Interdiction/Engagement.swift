import CoverageKernel
import Foundation
import InterdictionModels

/// The command's reaction to a classified track: the best ready base launches a pair, which flies to an intercept
/// point predicted from the picture it has (the true position while the track is live, a dead-reckoned one from a
/// stale report), uses its own sensor when close, and must reach the target airborne, inside Peru and within its fuel;
/// then Law 30339's phases must finish before the target lands or leaves.
struct Engagement: Sendable {
  var outcome: FlightOutcome
  /// When the interceptor reached the target (intercepted flights).
  var interceptTime: Double?
  var interceptLatitude: Double?
  var interceptLongitude: Double?
  /// Interceptor flight hours spent on this flight (both aircraft of the pair).
  var flightHours: Double
  var base: String?

  /// Simulates the reaction to flight `index`'s picture with `interceptor` from `basing`.
  init(
    flight index: Int, path: FlightPath, picture: AirPicture, interceptor: InterceptorType, basing: Basing,
    rules: InterdictionRules, earth: EarthModel, random: CounterRandom
  ) {
    flightHours = 0
    guard picture.firstDetection != nil else {
      outcome = .undetected
      return
    }
    guard picture.hasTrack else {
      outcome = .detectedNotTracked
      return
    }
    guard !picture.classifications.isEmpty else {
      // Tracked, but never held long enough to classify: the flight goes on until it lands or leaves.
      outcome = path.terminalEvent(after: picture.lastKnown ?? 0).landing ? .targetLandedFirst : .targetLeftPeru
      return
    }
    // The command reacts to the first classification; if the target lands before the pair gets it, it reacts again
    // to the first classification after the take-off for the return leg (with the cargo on board).
    let takeOff = path.samples[path.takeOffIndex].time
    var earliest = -Double.infinity
    var result = Attempt(outcome: .targetLandedFirst)
    for (number, classified) in picture.classifications.enumerated() where classified.time >= earliest {
      result = Self.attempt(
        number: number, flight: index, path: path, classified: classified, interceptor: interceptor, basing: basing,
        rules: rules, earth: earth, random: random)
      flightHours += result.flightHours
      guard result.outcome == .targetLandedFirst, classified.time < takeOff else { break }
      earliest = takeOff
    }
    outcome = result.outcome
    interceptTime = result.interceptTime
    interceptLatitude = result.latitude
    interceptLongitude = result.longitude
    base = result.base
  }

  /// One reaction: the best ready base launches a pair against the classified track.
  struct Attempt {
    var outcome: FlightOutcome
    var interceptTime: Double?
    var latitude: Double?
    var longitude: Double?
    var flightHours = 0.0
    var base: String?
  }

  static func attempt(
    number attempt: Int, flight index: Int, path: FlightPath, classified: AirPicture.Classification,
    interceptor: InterceptorType, basing: Basing, rules: InterdictionRules, earth: EarthModel, random: CounterRandom
  ) -> Attempt {
    let ready = basing.stations.enumerated().filter { number, station in
      station.scrambleDelay != nil
        && random.uniform(flight: index, .alertReady, number, attempt) < interceptor.alertReadiness.value
    }.map(\.element)
    guard !ready.isEmpty else { return Attempt(outcome: .trackedNoInterceptorAvailable) }
    let phases = rules.phaseTime(
      escortSpeed: interceptor.minimumEscortSpeed.value, targetSpeed: path.aircraft.cruiseSpeed.value)
    var best: (time: Double, station: Basing.Station, sample: FlightPath.Sample, launch: Double)?
    var reachableButFar = false
    for station in ready {
      let launch = classified.time + station.scrambleDelay!.value
      switch earliestIntercept(
        path: path, from: station, launch: launch, interceptor: interceptor, phases: phases, picture: classified,
        earth: earth)
      {
      case .reached(let time, let sample):
        if best == nil || time < best!.time { best = (time, station, sample, launch) }
      case .beyondRadius:
        reachableButFar = true
      case .tooLate:
        break
      }
    }
    guard let best else {
      if reachableButFar { return Attempt(outcome: .interceptorOutOfRange) }
      return Attempt(outcome: path.terminalEvent(after: classified.time).landing ? .targetLandedFirst : .targetLeftPeru)
    }
    let speed = interceptor.transitSpeed.value
    let back = distance(best.station, best.sample, earth) / speed
    let terminal = path.terminalEvent(after: best.time)
    let finished = best.time + phases
    // The pair stays beside the target until the phases end, or the target lands or leaves, then flies home.
    let onStation = min(finished, terminal.time) - best.time
    var result = Attempt(
      outcome: terminal.landing ? .targetLandedFirst : .targetLeftPeru,
      flightHours: 2 * ((best.time - best.launch) + onStation + back) / 3_600, base: best.station.name)
    if finished <= terminal.time {
      result.outcome = .intercepted
      result.interceptTime = best.time
      result.latitude = best.sample.latitude
      result.longitude = best.sample.longitude
    }
    return result
  }

  enum Intercept {
    case reached(Double, FlightPath.Sample)
    case beyondRadius
    case tooLate
  }

  /// The earliest time the interceptor, launched at `launch`, reaches the target airborne inside Peru within its
  /// radius and fuel, aiming with the picture it has.
  static func earliestIntercept(
    path: FlightPath, from station: Basing.Station, launch: Double, interceptor: InterceptorType, phases: Double,
    picture: AirPicture.Classification, earth: EarthModel
  ) -> Intercept {
    let speed = interceptor.transitSpeed.value
    var beyond = false
    let known = path.sample(at: picture.knownAt)
    let velocity = Self.velocity(path: path, at: picture.knownAt, earth: earth)
    for sample in path.samples where sample.time >= launch && sample.airborne && sample.insidePeru {
      let flown = speed * (sample.time - launch)
      // Where the interceptor believes the target is: true while the track is live, dead-reckoned otherwise.
      let isLive = picture.liveUntil.map { sample.time <= $0 + 300 } ?? false
      let aim =
        isLive
        ? (sample.latitude, sample.longitude)
        : Self.deadReckon(known, velocity: velocity, seconds: sample.time - picture.knownAt, earth: earth)
      let distance = Geodesy.distance(
        fromLatitude: station.latitude, longitude: station.longitude, toLatitude: aim.0, longitude: aim.1,
        radius: earth.radius)
      guard distance <= flown else { continue }
      guard distance <= interceptor.combatRadius.value,
        (sample.time - launch) + phases + distance / speed <= interceptor.endurance.value
      else {
        beyond = true
        continue
      }
      if !isLive {
        // Search with its own sensor around the aim point: the stale picture may be wrong.
        let miss = Geodesy.distance(
          fromLatitude: aim.0, longitude: aim.1, toLatitude: sample.latitude, longitude: sample.longitude,
          radius: earth.radius)
        guard miss <= interceptor.sensorRange.value else { return .tooLate }
      }
      return .reached(sample.time, sample)
    }
    return beyond ? .beyondRadius : .tooLate
  }

  static func distance(_ station: Basing.Station, _ sample: FlightPath.Sample, _ earth: EarthModel) -> Double {
    Geodesy.distance(
      fromLatitude: station.latitude, longitude: station.longitude, toLatitude: sample.latitude,
      longitude: sample.longitude, radius: earth.radius)
  }

  /// Ground speed (m/s) and azimuth of the target at time `t`.
  static func velocity(path: FlightPath, at t: Double, earth: EarthModel) -> (speed: Double, azimuth: Double) {
    let a = path.sample(at: t - FlightPath.step)
    let b = path.sample(at: t)
    let distance = Geodesy.distance(
      fromLatitude: a.latitude, longitude: a.longitude, toLatitude: b.latitude, longitude: b.longitude,
      radius: earth.radius)
    let azimuth = Geodesy.azimuth(
      fromLatitude: a.latitude, longitude: a.longitude, toLatitude: b.latitude, longitude: b.longitude)
    return (distance / FlightPath.step, azimuth)
  }

  static func deadReckon(
    _ known: FlightPath.Sample, velocity: (speed: Double, azimuth: Double), seconds: Double, earth: EarthModel
  ) -> (Double, Double) {
    let point = Geodesy.destination(
      latitude: known.latitude, longitude: known.longitude, azimuth: velocity.azimuth,
      distance: velocity.speed * max(seconds, 0), radius: earth.radius)
    return (point.latitude, point.longitude)
  }
}
