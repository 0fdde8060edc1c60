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

  /// Flight number `index`, drawn from the scenario's pattern.
  package func flight(_ index: Int) -> FlightPath {
    let pattern = scenario.pattern
    let aircraft = pick(scenario.aircraft, weights: scenario.aircraft.map(\.share), flight: index, .aircraftType)
    let origin = pick(pattern.origins, weights: nil, flight: index, .origin)
    let destination = pick(pattern.destinations, weights: nil, flight: index, .destination)
    let home = pick(pattern.origins, weights: nil, flight: index, .returnArea)
    let start = point(in: origin, flight: index, salt: 0)
    let strip = point(in: destination, flight: index, salt: 1)
    let end = point(in: home, flight: index, salt: 2)
    let speed = aircraft.cruiseSpeed.value
    let out = [start] + destination.waypoints + [strip]
    let back = [strip] + destination.waypoints.reversed() + [end]
    let outbound = legProfile(route: out, aircraft: aircraft)
    let inbound = legProfile(route: back, aircraft: aircraft)
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
    for point in outbound { append(point.position.latitude, point.position.longitude, point.altitude, true) }
    let landingIndex = samples.count - 1
    samples[landingIndex].airborne = false
    for _ in 0..<groundSamples { append(strip.latitude, strip.longitude, samples[landingIndex].altitude, false) }
    let takeOffIndex = samples.count
    for point in inbound { append(point.position.latitude, point.position.longitude, point.altitude, true) }
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
      originName: origin.name, destinationName: destination.name)
  }

  private func pick<T>(_ items: [T], weights: [Double]?, flight: Int, _ purpose: CounterRandom.Purpose) -> T {
    let weights = weights ?? [Double](repeating: 1, count: items.count)
    var threshold = random.uniform(flight: flight, purpose) * weights.reduce(0, +)
    for (item, weight) in zip(items, weights) {
      threshold -= weight
      if threshold < 0 { return item }
    }
    return items[items.count - 1]
  }

  /// A point drawn uniformly in the area's disc.
  private func point(in area: FlightPattern.Area, flight: Int, salt: Int) -> GeoCoordinate {
    let distance = area.radius * random.uniform(flight: flight, .jitter, salt, 0).squareRoot()
    let azimuth = 2 * Double.pi * random.uniform(flight: flight, .jitter, salt, 1)
    let point = Geodesy.destination(
      latitude: area.latitude, longitude: area.longitude, azimuth: azimuth, distance: distance,
      radius: world.earth.radius)
    return GeoCoordinate(latitude: point.latitude, longitude: point.longitude)
  }

  /// Positions and altitudes every `step` seconds along a route of great-circle legs, terrain following.
  func legProfile(route: [GeoCoordinate], aircraft: NarcoAircraft) -> [(position: GeoCoordinate, altitude: Double)] {
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
    let altitudes = TerrainFollowing.profile(
      ground: ground, height: aircraft.cruiseHeight.value, climbPerStep: aircraft.climbRate.value * FlightPath.step,
      ceiling: aircraft.ceiling.value)
    return zip(points, altitudes).map { (position: $0, altitude: $1) }
  }
}
