import Interdiction
import InterdictionModels
import TestSupport
import Testing

/// The mapped flights that `MonteCarlo.summarize` keeps from its one simulation, on the synthetic theatre: field by
/// field those of a separate simulation of the same flights, whatever the thread count, the waves, a replay or the
/// combinations run, and only for the flights asked for.
@Suite struct MappedFlightTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)
  static let seed: UInt64 = 5
  static let flights = 90
  static let mapped = 30

  static func summary(
    threads: Int, mapped: Int = mapped, wave: Int? = nil, distinctLimit: Int = SecondsTally.defaultDistinctLimit,
    combinations: [MonteCarlo.Combination]? = nil
  ) -> MonteCarloSummary {
    MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads).summarize(
      flights: flights, combinations: combinations, mappedFlights: mapped, distinctLimit: distinctLimit,
      flightsPerWave: wave)
  }

  /// Flight `index` simulated on its own, outside the Monte Carlo, and picked apart as the map layers did when they
  /// simulated their flights a second time.
  static func simulatedApart(_ index: Int) -> MappedFlight {
    let random = CounterRandom(seed: seed)
    let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
    let history = DetectionHistory(
      flight: index, path: path, world: world, days: SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value),
      falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
    let samples = path.samples.map {
      MappedFlight.Sample(
        time: $0.time, latitude: $0.latitude, longitude: $0.longitude, altitude: $0.altitude, airborne: $0.airborne)
    }
    var detections: [MappedFlight.Detection] = []
    for scan in history.scans where scan.detected {
      let sample = path.sample(at: scan.time)
      detections.append(
        MappedFlight.Detection(
          radar: scan.radar, radarName: world.radars[scan.radar].placement.name, time: scan.time,
          latitude: sample.latitude, longitude: sample.longitude, altitude: sample.altitude))
    }
    var segments: [MappedFlight.TrackSegment] = []
    for configuration in scenario.network.networks {
      let picture = AirPicture(
        flight: index, history: history, configuration: configuration, radars: world.radars.map(\.placement),
        rules: scenario.rules, random: random)
      for track in picture.tracks {
        segments.append(
          MappedFlight.TrackSegment(
            network: configuration.id, confirmed: track.confirmed, dropped: track.dropped,
            points: samples.filter { $0.time >= track.confirmed && $0.time <= track.dropped }))
      }
    }
    return MappedFlight(
      flight: index, aircraft: path.aircraft.name, origin: path.originName, destination: path.destinationName,
      transponderOn: path.transponderOn, borderCrossing: path.borderCrossing, samples: samples,
      detections: detections, trackSegments: segments)
  }

  @Test func theMappedFlightsAreThoseOfASeparateSimulation() {
    let kept = Self.summary(threads: 2, wave: 7).mappedFlights
    #expect(kept.map(\.flight) == Array(0..<Self.mapped))
    // The theatre must exercise every part: paths, detections, and drawable tracks under every configuration.
    #expect(kept.isNonEmptyAndAll { !$0.samples.isEmpty })
    #expect(kept.contains { !$0.detections.isEmpty })
    let drawn = kept.flatMap(\.trackSegments).filter { $0.points.count >= 2 }
    #expect(Set(drawn.map(\.network)) == Set(Self.scenario.network.networks.map(\.id)))
    for flight in kept {
      let apart = Self.simulatedApart(flight.flight)
      #expect(flight.aircraft == apart.aircraft, "flight \(flight.flight)")
      #expect(flight.origin == apart.origin && flight.destination == apart.destination, "flight \(flight.flight)")
      #expect(flight.transponderOn == apart.transponderOn, "flight \(flight.flight)")
      #expect(flight.borderCrossing == apart.borderCrossing, "flight \(flight.flight)")
      #expect(flight.samples == apart.samples, "flight \(flight.flight)")
      #expect(flight.detections == apart.detections, "flight \(flight.flight)")
      #expect(flight.trackSegments == apart.trackSegments, "flight \(flight.flight)")
    }
  }

  @Test func theMappedFlightsDoNotDependOnThreadsWavesReplayOrCombinations() {
    let reference = Self.summary(threads: 1, wave: 4).mappedFlights
    #expect(reference.count == Self.mapped && reference.contains { !$0.trackSegments.isEmpty })
    #expect(Self.summary(threads: 3).mappedFlights == reference)
    let replayed = Self.summary(threads: 2, wave: 11, distinctLimit: 0)
    #expect(replayed.replayed)
    #expect(replayed.mappedFlights == reference)
    // A run of one combination still maps the tracks of every network configuration.
    let one = MonteCarlo.Combination(network: "integrated", interceptor: "slow", basing: "forward")
    #expect(Self.summary(threads: 2, combinations: [one]).mappedFlights == reference)
  }

  @Test func theAltitudeBetweenSamplesIsLinearAndClampedToTheFlight() {
    let flight = Self.summary(threads: 2, mapped: 1).mappedFlights[0]
    #expect(flight.samples.isNonEmptyAndAll { flight.altitude(at: $0.time) == $0.altitude })
    #expect(
      zip(flight.samples, flight.samples.dropFirst()).isNonEmptyAndAll { a, b in
        abs(flight.altitude(at: (a.time + b.time) / 2)! - (a.altitude + b.altitude) / 2) < 1e-9
      })
    #expect(flight.altitude(at: flight.samples[0].time - 1_000) == flight.samples[0].altitude)
    #expect(flight.altitude(at: flight.samples[flight.samples.count - 1].time + 1_000) == flight.samples.last?.altitude)
  }

  @Test func onlyTheFlightsAskedForAreMapped() {
    for mapped in [0, 1, 13, Self.flights + 5] {
      let summary = Self.summary(threads: 2, mapped: mapped, wave: 6)
      let expected = Array(0..<min(mapped, Self.flights))
      #expect(summary.mappedFlights.map(\.flight) == expected, "mapped \(mapped)")
      #expect(summary.mappedRecords.values.isNonEmptyAndAll { $0.map(\.flight) == expected }, "mapped \(mapped)")
    }
  }
}
