import InterdictionModels

/// The command's reaction to one flight under one combination, without hindsight: on a classification the best
/// ready station with a pair on alert launches against an intercept point solved from what the picture knows then
/// (`TargetKnowledge`, `PredictedTrack`); the pair flies the sortie (`Sortie`); Law 30339's phases must finish before
/// the target lands or leaves. A flight classified on the way in and not intercepted is reacted to again on its first
/// classification after it takes off for home. Every sortie books its flight hours, found or not.
package struct Engagement: Sendable {
  package var outcome: FlightOutcome
  /// When the interceptor reached the target (intercepted flights).
  package var interceptTime: Double?
  package var interceptLatitude: Double?
  package var interceptLongitude: Double?
  /// Interceptor flight hours spent on this flight (both aircraft of every pair sent).
  package var flightHours: Double
  package var base: String?
  /// Every pair sent against the flight, in order: what the command decided from its picture.
  package var launches: [Launch] = []

  /// A pair sent: from where, when, and to which point (the intercept solution at the order).
  package struct Launch: Sendable, Equatable {
    package var base: String
    /// The order (the classification), and the take-off.
    package var decision: Double
    package var takeOff: Double
    package var aimTime: Double
    package var aimLatitude: Double
    package var aimLongitude: Double
  }

  /// The outcome of a flight the command never classified (nil when it was classified and needs a reaction).
  static func unclassified(_ context: EngagementContext) -> Engagement? {
    let picture = context.picture
    let outcome: FlightOutcome
    if picture.firstDetection == nil {
      outcome = .undetected
    } else if !picture.hasTrack {
      outcome = .detectedNotTracked
    } else if picture.classifications.isEmpty {
      // Tracked, but never held long enough to classify: the flight goes on until it lands or leaves.
      outcome = context.path.terminalEvent(after: picture.lastKnown ?? 0).landing ? .targetLandedFirst : .targetLeftPeru
    } else {
      return nil
    }
    return Engagement(outcome: outcome, flightHours: 0)
  }

  /// One reaction to a classification.
  struct Attempt {
    var outcome: FlightOutcome
    var launch: Launch?
    var launched: Bool { launch != nil }
    var interceptTime: Double?
    var latitude: Double?
    var longitude: Double?
    var flightHours = 0.0
    var base: String?
  }

  /// The reaction to classification `number` of the flight: the ready stations with a pair on alert in `roster` at
  /// the classification, the best intercept solution among them, and the sortie (booking its pair until it is home
  /// and turned around).
  static func attempt(
    number: Int, classified: AirPicture.Classification, context: EngagementContext, basing: Basing,
    roster: inout AlertRoster, random: CounterRandom
  ) -> Attempt {
    let decision = classified.time
    let ready = basing.stations.indices.filter { station in
      basing.stations[station].scrambleDelay != nil
        && random.uniform(
          flight: context.flight, .alertReady, basing.stations[station].readinessStream ?? station, number)
          < context.interceptor.alertReadiness.value
        && roster.hasPair(station: station, at: decision)
    }
    guard !ready.isEmpty else { return Attempt(outcome: .trackedNoInterceptorAvailable) }
    let knowledge = TargetKnowledge.atClassification(
      classified, path: context.path, picture: context.picture, latency: context.latency, earth: context.earth)
    let track = PredictedTrack(knowledge: knowledge, destinations: context.destinations, earth: context.earth)
    var best: (station: Int, launch: Double, aim: (time: Double, latitude: Double, longitude: Double))?
    var beyond = false
    for number in ready {
      let station = basing.stations[number]
      let launch = decision + station.scrambleDelay!.value
      switch InterceptSolution.solve(
        track: track, station: station, start: (station.latitude, station.longitude), departure: launch,
        launch: launch, context: context)
      {
      case .aim(let time, let latitude, let longitude):
        if best == nil || time < best!.aim.time { best = (number, launch, (time, latitude, longitude)) }
      case .beyondReach:
        beyond = true
      case .tooLate:
        break
      }
    }
    guard let best else {
      if beyond { return Attempt(outcome: .interceptorOutOfRange) }
      // The picture says no pair can get there in time: none is sent, and the flight goes on.
      let landing = context.path.terminalEvent(after: decision).landing
      return Attempt(outcome: landing ? .targetLandedFirst : .targetLeftPeru)
    }
    let station = basing.stations[best.station]
    let sortie = Sortie.fly(
      from: station, launch: best.launch, knowledge: knowledge, aim: best.aim, context: context)
    roster.book(station: best.station, at: decision, until: sortie.home + context.rules.turnaround.value)
    return Attempt(
      outcome: sortie.outcome,
      launch: Launch(
        base: station.name, decision: decision, takeOff: best.launch, aimTime: best.aim.time,
        aimLatitude: best.aim.latitude, aimLongitude: best.aim.longitude), interceptTime: sortie.interceptTime,
      latitude: sortie.latitude,
      longitude: sortie.longitude, flightHours: sortie.flightHours, base: station.name)
  }

  /// The flight's engagement from its attempts in order: the interception if one succeeded; otherwise the outcome of
  /// the last sortie launched, or of the last attempt when none launched. Hours add up over every attempt.
  init(attempts: [Attempt]) {
    let hours = attempts.reduce(0) { $0 + $1.flightHours }
    let decisive =
      attempts.last { $0.outcome == .intercepted } ?? attempts.last(where: \.launched) ?? attempts.last!
    outcome = decisive.outcome
    interceptTime = decisive.interceptTime
    interceptLatitude = decisive.latitude
    interceptLongitude = decisive.longitude
    flightHours = hours
    base = attempts.last(where: \.launched)?.base
    launches = attempts.compactMap(\.launch)
  }

  init(outcome: FlightOutcome, flightHours: Double) {
    self.outcome = outcome
    self.flightHours = flightHours
  }
}
