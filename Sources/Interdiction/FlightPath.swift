import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// One suspect flight, sampled at a fixed time step: out from Bolivia to a strip in Peru, time on the ground, and
/// back, following the terrain at its cruise height within its climb rate and ceiling.
package struct FlightPath: Sendable {
  /// A moment of the flight.
  package struct Sample: Sendable {
    package var time: Double
    package var latitude: Double
    package var longitude: Double
    /// Altitude MSL, metres.
    package var altitude: Double
    package var airborne: Bool
    package var insidePeru: Bool
  }

  /// Seconds between samples.
  package static let step = 20.0

  package var aircraft: NarcoAircraft
  package var transponderOn: Bool
  package var samples: [Sample]
  /// Index of the landing sample at the strip and of the take-off sample.
  package var landingIndex: Int
  package var takeOffIndex: Int
  /// When it first crosses into Peru, and when it last leaves it.
  package var borderCrossing: Double?
  package var exitFromPeru: Double?
  package var originName: String
  package var destinationName: String
  /// How the flight chose its way out (the way back is chosen alike).
  package var route: Route = .direct

  /// How a flight chose its way.
  package enum Route: String, Sendable {
    /// Straight, or through its area's waypoints.
    case direct
    /// The least-exposure route over the terrain and the radars it knows of.
    case planned
    /// The shortest way round terrain above its ceiling, where the straight way would cross it.
    case detour
  }

  /// The position at time `t` (linear between samples; clamped to the flight).
  package func sample(at t: Double) -> Sample {
    let position = (t - samples[0].time) / Self.step
    let index = min(max(Int(position), 0), samples.count - 1)
    guard index + 1 < samples.count, position > Double(index) else { return samples[index] }
    let a = samples[index]
    let b = samples[index + 1]
    let f = position - Double(index)
    return Sample(
      time: t, latitude: a.latitude + (b.latitude - a.latitude) * f,
      longitude: a.longitude + (b.longitude - a.longitude) * f,
      altitude: a.altitude + (b.altitude - a.altitude) * f, airborne: a.airborne && b.airborne, insidePeru: a.insidePeru
    )
  }

  /// The time the flight's air phase in Peru ends first after `t`: landing at the strip (outbound) or leaving Peru
  /// (return). Returns the time and whether it is a landing.
  package func terminalEvent(after t: Double) -> (time: Double, landing: Bool) {
    let landing = samples[landingIndex].time
    if t <= landing { return (landing, true) }
    return (exitFromPeru ?? samples[samples.count - 1].time, false)
  }
}

/// Builds flight paths over a world.
package struct FlightGenerator: Sendable {
  package let scenario: InterdictionScenario
  package let world: SimulationWorld
  package let random: CounterRandom

  package init(scenario: InterdictionScenario, world: SimulationWorld, random: CounterRandom) {
    self.scenario = scenario
    self.world = world
    self.random = random
  }

  /// Flight number `index`, drawn from the scenario's pattern: its strips among the places strips can be in its
  /// areas, its destination by the areas' shares, and its way there and back on a least-exposure route (the
  /// scenario's planned share) or straight through its area's waypoints, round terrain above its ceiling either way.
  package func flight(_ index: Int) -> FlightPath {
    let pattern = scenario.pattern
    let plan = world.routePlan(for: scenario)
    let aircraftIndex = pick(scenario.aircraft.map(\.share), flight: index, .aircraftType)
    let aircraft = scenario.aircraft[aircraftIndex]
    let originIndex = pick(pattern.origins.map { _ in 1 }, flight: index, .origin)
    let destinationIndex = pick(pattern.destinations.map { $0.share?.value ?? 1 }, flight: index, .destination)
    let homeIndex = pick(pattern.origins.map { _ in 1 }, flight: index, .returnArea)
    let origin = pattern.origins[originIndex]
    let destination = pattern.destinations[destinationIndex]
    let home = pattern.origins[homeIndex]
    let start = site(plan.originSites[originIndex], flight: index, salt: 0)
    let strip = site(plan.destinationSites[destinationIndex], flight: index, salt: 1)
    let end = site(plan.originSites[homeIndex], flight: index, salt: 2)
    let planned = random.uniform(flight: index, .plannedRoute) < pattern.routing.plannedShare.value
    let outbound = leg(
      plan, from: start, to: strip, origin: originIndex, outbound: true, waypoints: destination.waypoints,
      aircraft: aircraftIndex, planned: planned)
    let inbound = leg(
      plan, from: strip, to: end, origin: homeIndex, outbound: false, waypoints: destination.waypoints.reversed(),
      aircraft: aircraftIndex, planned: planned)
    let ground = aircraft.groundTime.value
    let groundTime =
      ground.lowerBound + (ground.upperBound - ground.lowerBound) * random.uniform(flight: index, .groundTime)
    let groundSamples = max(1, Int(groundTime / FlightPath.step))
    var samples: [FlightPath.Sample] = []
    func append(_ latitude: Double, _ longitude: Double, _ altitude: Double, _ airborne: Bool) {
      samples.append(
        FlightPath.Sample(
          time: Double(samples.count) * FlightPath.step, latitude: latitude, longitude: longitude, altitude: altitude,
          airborne: airborne, insidePeru: world.isInsidePeru(latitude: latitude, longitude: longitude)))
    }
    for point in outbound.profile { append(point.position.latitude, point.position.longitude, point.altitude, true) }
    let landingIndex = samples.count - 1
    samples[landingIndex].airborne = false
    let onStrip = samples[landingIndex]
    for _ in 0..<groundSamples { append(onStrip.latitude, onStrip.longitude, onStrip.altitude, false) }
    let takeOffIndex = samples.count
    for point in inbound.profile { append(point.position.latitude, point.position.longitude, point.altitude, true) }
    // Shift the clock so that the outbound border crossing falls at the drawn entry time.
    let entryHour =
      pattern.entryHour.value + pattern.entrySpread.value * (2 * random.uniform(flight: index, .entryTime) - 1)
    let crossingIndex = samples[..<landingIndex].firstIndex { $0.insidePeru }
    let offset = entryHour * 3_600 - Double(crossingIndex ?? 0) * FlightPath.step
    for i in samples.indices { samples[i].time += offset }
    let exitIndex = samples[takeOffIndex...].lastIndex { $0.insidePeru }
    return FlightPath(
      aircraft: aircraft,
      transponderOn: random.uniform(flight: index, .transponder) < aircraft.transponderOnProbability.value,
      samples: samples, landingIndex: landingIndex, takeOffIndex: takeOffIndex,
      borderCrossing: crossingIndex.map { samples[$0].time },
      exitFromPeru: exitIndex.map { min(samples[$0].time + FlightPath.step, samples[samples.count - 1].time) },
      originName: origin.name, destinationName: destination.name, route: outbound.route)
  }

  /// An index drawn with probability proportional to `weights`.
  private func pick(_ weights: [Double], flight: Int, _ purpose: CounterRandom.Purpose) -> Int {
    var threshold = random.uniform(flight: flight, purpose) * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      threshold -= weight
      if threshold < 0 { return index }
    }
    return weights.count - 1
  }

  /// One of an area's strip places, drawn uniformly.
  private func site(_ sites: [GeoCoordinate], flight: Int, salt: Int) -> GeoCoordinate {
    let drawn = Int(random.uniform(flight: flight, .jitter, salt, 0) * Double(sites.count))
    return sites[min(drawn, sites.count - 1)]
  }

  /// One way between an origin area's strip and the destination strip, as flown: on the least-exposure field when
  /// `planned` and the aircraft's endurance allows, else straight through `waypoints`; when the terrain above the
  /// ceiling blocks that, on the shortest field; and last on the shortest field from the field's own edge of the
  /// origin area. `outbound` runs from `from` (in the origin area) to the strip `to`, the return from the strip
  /// `from` to `to` in the origin area.
  private func leg(
    _ plan: RoutePlan, from: GeoCoordinate, to: GeoCoordinate, origin: Int, outbound: Bool,
    waypoints: [GeoCoordinate], aircraft: Int, planned: Bool
  ) -> (profile: [(position: GeoCoordinate, altitude: Double)], route: FlightPath.Route) {
    let type = scenario.aircraft[aircraft]
    let strip = outbound ? to : from
    let originEnd = outbound ? from : to
    /// The route along a field's chain of blocks, with or without the origin strip at its end.
    func fieldRoute(planned: Bool, keepOriginStrip: Bool) -> [GeoCoordinate]? {
      guard let chain = plan.chain(from: strip, toOrigin: origin, aircraft: aircraft, planned: planned) else {
        return nil
      }
      var route = [strip] + chain.map(plan.grid.centre)
      if keepOriginStrip { route.append(originEnd) }
      return outbound ? route.reversed() : route
    }
    var attempts: [([GeoCoordinate]?, FlightPath.Route)] = []
    if planned {
      attempts.append((fieldRoute(planned: true, keepOriginStrip: true), .planned))
      attempts.append((fieldRoute(planned: true, keepOriginStrip: false), .planned))
    }
    attempts.append(([from] + waypoints + [to], .direct))
    attempts.append((fieldRoute(planned: false, keepOriginStrip: true), .detour))
    attempts.append((fieldRoute(planned: false, keepOriginStrip: false), .detour))
    for case (let route?, let kind) in attempts {
      guard let profile = legProfile(route: route, aircraft: type) else { continue }
      // A planned route the aircraft cannot fly on one tank is given up for the straight way.
      if kind == .planned, Double(profile.count - 1) * FlightPath.step > type.endurance.value { continue }
      return (profile, kind)
    }
    // Only a world `prepareRoutes(for:)` refused gets here: fly straight, over the terrain rather than through it.
    return (legProfile(route: [from] + waypoints + [to], aircraft: type, overTheCeiling: true)!, .direct)
  }

  /// Positions and altitudes every `step` seconds along a route of great-circle legs, terrain following; nil where
  /// the ground rises above the aircraft's ceiling, unless `overTheCeiling` lets it climb over.
  func legProfile(route: [GeoCoordinate], aircraft: NarcoAircraft, overTheCeiling: Bool = false) -> [(
    position: GeoCoordinate, altitude: Double
  )]? {
    let spacing = aircraft.cruiseSpeed.value * FlightPath.step
    var points: [GeoCoordinate] = [route[0]]
    var carried = 0.0
    for (from, to) in zip(route, route.dropFirst()) {
      let length = Geodesy.distance(
        fromLatitude: from.latitude, longitude: from.longitude, toLatitude: to.latitude, longitude: to.longitude,
        radius: world.earth.radius)
      let azimuth = Geodesy.azimuth(
        fromLatitude: from.latitude, longitude: from.longitude, toLatitude: to.latitude, longitude: to.longitude)
      var travelled = spacing - carried
      while travelled <= length {
        let point = Geodesy.destination(
          latitude: from.latitude, longitude: from.longitude, azimuth: azimuth, distance: travelled,
          radius: world.earth.radius)
        points.append(GeoCoordinate(latitude: point.latitude, longitude: point.longitude))
        travelled += spacing
      }
      carried = length - (travelled - spacing)
    }
    if let last = route.last, points.count == 1 || carried > 1 { points.append(last) }
    let ground = points.map { world.ground(latitude: $0.latitude, longitude: $0.longitude) }
    let ceiling = overTheCeiling ? max(aircraft.ceiling.value, ground.max() ?? 0) : aircraft.ceiling.value
    guard
      let altitudes = TerrainFollowing.profile(
        ground: ground, height: aircraft.cruiseHeight.value, climbPerStep: aircraft.climbRate.value * FlightPath.step,
        ceiling: ceiling)
    else { return nil }
    return zip(points, altitudes).map { (position: $0, altitude: $1) }
  }
}
