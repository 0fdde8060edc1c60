import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// The Monte Carlo's first `count` flights over one network, flown once (paths, scans, and the command's picture under
/// each of the given network configurations), kept so that only the engagement is run again for each basing. Paths
/// and detections do not depend on where the interceptors wait, so every basing meets the same flights, the same
/// scans and the same classifications (common random numbers), and a basing costs only its engagements.
///
/// Only the flights the command classifies are kept: the others end undetected, untracked or unclassified whatever the
/// basing, and take no alert pair, so leaving them out of a day changes no engagement of it.
public struct PreparedFlights: Sendable {
  /// A flight the command classified under one configuration: the basing decides its outcome.
  struct Engageable: Sendable {
    var flight: Int
    var path: FlightPath
    var picture: AirPicture
  }

  /// The flights prepared (flight numbers `0..<count`).
  public let count: Int
  /// The configurations whose pictures were built, in the order given.
  public let configurations: [NetworkConfiguration]
  let monteCarlo: MonteCarlo
  /// Per configuration, per simulated day: that day's classified flights, in flight order.
  let days: [[[Engageable]]]

  /// Flies `count` flights of `monteCarlo` (its scenario, world and seed) and builds their pictures under
  /// `configurations` (ids of the scenario's network), on `monteCarlo.threads` threads. An unknown id is a programming
  /// error (callers check ids against the scenario first).
  public init(monteCarlo: MonteCarlo, flights count: Int, configurations ids: [NetworkConfiguration.ID]) {
    let configurations = ids.map { id in
      guard let found = monteCarlo.scenario.network.networks.first(where: { $0.id == id }) else {
        preconditionFailure("configuration '\(id)' is not in scenario '\(monteCarlo.scenario.id)'")
      }
      return found
    }
    self.count = count
    self.configurations = configurations
    self.monteCarlo = monteCarlo
    let simulatedDays = monteCarlo.days
    let dayCount = simulatedDays.days(for: count)
    let collected = DayResults<[[Engageable]]>(count: dayCount, empty: [])
    ParallelWork.forEachChunk(
      count: dayCount, threads: monteCarlo.threads, chunkSize: max(1, 25 / simulatedDays.flightsPerDay)
    ) { chunk in
      for day in chunk {
        let flown = simulatedDays.flights(on: day, count: count).map { monteCarlo.simulate(flight: $0) }
        collected.set(
          day,
          configurations.map { configuration in
            flown.compactMap { flight in
              let picture = flight.picture(configuration)
              guard picture.firstDetection != nil, picture.hasTrack, !picture.classifications.isEmpty else {
                return nil
              }
              return Engageable(flight: flight.index, path: flight.path, picture: picture)
            }
          })
      }
    }
    days = configurations.indices.map { number in collected.values.map { $0[number] } }
  }

  /// Flies every day's engagements under configuration number `configuration` (an index into `configurations`) with
  /// `interceptor` from `basing`: which flights are intercepted and the interceptor flight hours spent. Days run in
  /// parallel; the result does not depend on the number of threads.
  public func engage(configuration: Int, interceptor: InterceptorType, basing: Basing) -> BasingTrial {
    let network = configurations[configuration]
    let scenario = monteCarlo.scenario
    let world = monteCarlo.world
    let random = CounterRandom(seed: monteCarlo.seed)
    let byDay = days[configuration]
    let results = DayResults<[(flight: Int, intercepted: Bool, hours: Double)]>(count: byDay.count, empty: [])
    ParallelWork.forEachChunk(count: byDay.count, threads: monteCarlo.threads, chunkSize: 4) { chunk in
      for day in chunk where !byDay[day].isEmpty {
        let contexts = byDay[day].map { flight in
          EngagementContext(
            flight: flight.flight, path: flight.path, picture: flight.picture,
            latency: network.fusionLatency.value, interceptor: interceptor, rules: scenario.rules,
            pattern: scenario.pattern, world: world)
        }
        let engagements = EngagementDay.run(contexts, basing: basing, random: random)
        results.set(
          day,
          zip(contexts, engagements).map { ($0.flight, $1.outcome == .intercepted, $1.flightHours) })
      }
    }
    var intercepted = [Bool](repeating: false, count: count)
    var hours = 0.0
    for day in results.values {
      for flight in day {
        intercepted[flight.flight] = flight.intercepted
        hours += flight.hours
      }
    }
    return BasingTrial(intercepted: intercepted, flightHours: hours)
  }
}

/// One result per simulated day, written by worker threads (each day by exactly one) and read once they are done.
private final class DayResults<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Value]

  init(count: Int, empty: Value) { stored = Array(repeating: empty, count: count) }

  func set(_ day: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    stored[day] = value
  }

  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
