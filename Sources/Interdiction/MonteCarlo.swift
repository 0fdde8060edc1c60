import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// The Monte Carlo: `flights` suspect flights, each simulated once against the radars and then under every
/// combination of network configuration, interceptor and basing. Flights run in parallel; every draw is a function
/// of (seed, flight), so results do not depend on the number of threads.
public struct MonteCarlo: Sendable {
  /// One cell of the comparison grid.
  public struct Combination: Sendable, Hashable {
    public var network: NetworkConfiguration.ID
    public var interceptor: InterceptorType.ID
    public var basing: Basing.ID

    public init(network: NetworkConfiguration.ID, interceptor: InterceptorType.ID, basing: Basing.ID) {
      self.network = network
      self.interceptor = interceptor
      self.basing = basing
    }
  }

  public let scenario: InterdictionScenario
  public let world: SimulationWorld
  public let seed: UInt64
  public let threads: Int
  /// The scenario's configurations, interceptors and basings by id, looked up once per combination, not per flight.
  private let configurationsByID: [NetworkConfiguration.ID: NetworkConfiguration]
  private let interceptorsByID: [InterceptorType.ID: InterceptorType]
  private let basingsByID: [Basing.ID: Basing]

  public init(scenario: InterdictionScenario, world: SimulationWorld, seed: UInt64, threads: Int) {
    self.scenario = scenario
    self.world = world
    self.seed = seed
    self.threads = max(1, threads)
    // Ids are unique within a scenario (its reader refuses duplicates); the first wins otherwise.
    configurationsByID = Dictionary(scenario.network.networks.map { ($0.id, $0) }) { first, _ in first }
    interceptorsByID = Dictionary(scenario.interceptors.map { ($0.id, $0) }) { first, _ in first }
    basingsByID = Dictionary(scenario.basings.map { ($0.id, $0) }) { first, _ in first }
  }

  /// The parts a combination names, resolved in this scenario.
  private func parts(of combination: Combination) -> (NetworkConfiguration, InterceptorType, Basing) {
    guard let configuration = configurationsByID[combination.network],
      let interceptor = interceptorsByID[combination.interceptor], let basing = basingsByID[combination.basing]
    else { preconditionFailure("combination \(combination) does not come from scenario '\(scenario.id)'") }
    return (configuration, interceptor, basing)
  }

  /// Every combination, in scenario order.
  public var combinations: [Combination] {
    scenario.network.networks.flatMap { network in
      scenario.interceptors.flatMap { interceptor in
        scenario.basings.map { Combination(network: network.id, interceptor: interceptor.id, basing: $0.id) }
      }
    }
  }

  /// Runs `count` flights under `combinations` (default all) and keeps every record: memory grows with the flights
  /// (about 90 bytes per flight and combination). For tests and small runs; `summarize` is what the commands use.
  public func run(
    flights count: Int, combinations selected: [Combination]? = nil,
    progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) -> [Combination: [FlightRecord]] {
    let grid = selected ?? combinations
    var byCombination = [[FlightRecord]](repeating: [], count: grid.count)
    let done = ProgressCounter(total: count)
    forEachWave(
      flights: count, grid: grid, wave: Self.flightsPerWave(combinations: grid.count, threads: threads),
      mappedFlights: 0, progress: { progress(done.add($0)) }
    ) { records, _ in
      for (number, record) in records.enumerated() { byCombination[number].append(record) }
    }
    return Dictionary(zip(grid, byCombination)) { first, _ in first }
  }

  /// Runs `count` flights under `combinations` (default all) and folds them, as they complete, into what the
  /// comparison table needs; only the records, paths and events of the first `mappedFlights` flights are kept, from
  /// their one simulation (the other flights build none). Memory does not grow with `count`. Percentiles are exact
  /// (see `SecondsTally`): when a time tally holds more than `distinctLimit` distinct values, the flights are
  /// replayed once to pick its percentiles (progress then runs from 0 again).
  /// `flightsPerWave` (default `flightsPerWave(combinations:threads:)`) bounds the records alive at a time.
  public func summarize(
    flights count: Int, combinations selected: [Combination]? = nil, mappedFlights: Int = 0,
    distinctLimit: Int = SecondsTally.defaultDistinctLimit, flightsPerWave: Int? = nil,
    progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) -> MonteCarloSummary {
    let grid = selected ?? combinations
    var accumulator = MonteCarloAccumulator(grid: grid, mappedFlights: mappedFlights, distinctLimit: distinctLimit)
    let done = ProgressCounter(total: count)
    forEachWave(
      flights: count, grid: grid,
      wave: flightsPerWave ?? Self.flightsPerWave(combinations: grid.count, threads: threads),
      mappedFlights: mappedFlights, progress: { progress(done.add($0)) }
    ) { accumulator.add($0, map: $1) }
    let pending = accumulator.pendingPercentiles
    guard !pending.isEmpty else { return accumulator.summary(resolved: [:]) }
    return accumulator.summary(resolved: replay(flights: count, grid: grid, pending: pending, progress: progress))
  }

  /// Flights simulated in parallel per wave: the wave's records (about 90 bytes per flight and combination, some
  /// 12 MB) are the only ones alive at a time, and each thread gets at least 8 chunks of 25 flights per wave.
  public static func flightsPerWave(combinations: Int, threads: Int) -> Int {
    max(25 * 8 * threads, (1 << 17) / max(combinations, 1))
  }

  /// Simulates `count` flights in waves and hands each flight's records, and the map of flights `0..<mappedFlights`,
  /// to `consume` in flight order, on the calling thread; `progress` gets the number of flights finished by each chunk.
  private func forEachWave(
    flights count: Int, grid: [Combination], wave: Int, mappedFlights: Int,
    progress: @escaping @Sendable (Int) -> Void, consume: ([FlightRecord], MappedFlight?) -> Void
  ) {
    let wave = min(max(wave, 1), count)
    guard wave > 0 else { return }
    let results = UnsafeMutableBufferPointer<SimulatedFlight>.allocate(capacity: wave)
    results.initialize(repeating: SimulatedFlight(records: [], map: nil))
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    let output = RecordBuffer(results)
    for first in stride(from: 0, to: count, by: wave) {
      let size = min(wave, count - first)
      ParallelWork.forEachChunk(count: size, threads: threads, chunkSize: 25) { slots in
        for slot in slots {
          let flight = first + slot
          output.buffer[slot] = simulate(flight: flight, grid: grid, mapping: flight < mappedFlights)
        }
        progress(slots.count)
      }
      for slot in 0..<size {
        consume(results[slot].records, results[slot].map)
        results[slot] = SimulatedFlight(records: [], map: nil)
      }
    }
  }

  /// Collects, for each pending percentile, the values of its second by simulating the flights again (only the
  /// combinations concerned), and picks the percentile among them.
  private func replay(
    flights count: Int, grid: [Combination], pending: [MonteCarloAccumulator.PendingPercentile],
    progress: @escaping @Sendable (Double) -> Void
  ) -> [MonteCarloAccumulator.PercentileKey: Double] {
    let needed = Array(Set(pending.map(\.key.gridIndex))).sorted()
    let subgrid = needed.map { grid[$0] }
    let position = Dictionary(uniqueKeysWithValues: needed.enumerated().map { ($1, $0) })
    let collected = ReplayCollector(count: pending.count)
    let done = ProgressCounter(total: count)
    ParallelWork.forEachChunk(count: count, threads: threads, chunkSize: 25) { flights in
      var found = [[Double]](repeating: [], count: pending.count)
      for flight in flights {
        let records = simulate(flight: flight, grid: subgrid, mapping: false).records
        for (number, request) in pending.enumerated() {
          let record = records[position[request.key.gridIndex]!]
          let value = request.key.kind == .detection ? record.borderToDetection : record.borderToInterception
          if let value, SecondsTally.second(of: value) == request.second { found[number].append(value) }
        }
      }
      collected.append(found)
      progress(done.add(flights.count))
    }
    var resolved: [MonteCarloAccumulator.PercentileKey: Double] = [:]
    for (number, request) in pending.enumerated() {
      let values = collected.values[number].sorted()
      precondition(request.rank < values.count, "replay disagrees with the first pass")
      resolved[request.key] = values[request.rank]
    }
    return resolved
  }

  /// One flight under every combination of `grid`, and, when `mapping`, what its map layers need (with the tracks of
  /// every network configuration of the scenario, in scenario order, whatever `grid` holds).
  private func simulate(flight index: Int, grid: [Combination], mapping: Bool) -> SimulatedFlight {
    let random = CounterRandom(seed: seed)
    let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
    let history = DetectionHistory(
      flight: index, path: path, world: world, days: SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value),
      falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
    let radars = world.radars.map(\.placement)
    var pictures: [NetworkConfiguration.ID: AirPicture] = [:]
    /// The picture of a configuration, built once per flight and shared by its combinations.
    func picture(of configuration: NetworkConfiguration) -> AirPicture {
      if let picture = pictures[configuration.id] { return picture }
      let picture = AirPicture(
        flight: index, history: history, configuration: configuration, radars: radars, rules: scenario.rules,
        random: random)
      pictures[configuration.id] = picture
      return picture
    }
    let records = grid.map { combination in
      let (configuration, interceptor, basing) = parts(of: combination)
      let picture = picture(of: configuration)
      let engagement = Engagement(
        flight: index, path: path, picture: picture, interceptor: interceptor, basing: basing, rules: scenario.rules,
        earth: world.earth, random: random)
      let border = path.borderCrossing
      return FlightRecord(
        flight: index, outcome: engagement.outcome,
        borderToDetection: zip(picture.firstDetection, border).map { $0 - $1 },
        borderToInterception: zip(engagement.interceptTime, border).map { $0 - $1 },
        flightHours: engagement.flightHours, interceptLatitude: engagement.interceptLatitude,
        interceptLongitude: engagement.interceptLongitude)
    }
    guard mapping else { return SimulatedFlight(records: records, map: nil) }
    let map = MappedFlight(
      flight: index, path: path, history: history, radars: world.radars,
      pictures: scenario.network.networks.map { ($0.id, picture(of: $0)) })
    return SimulatedFlight(records: records, map: map)
  }

  /// One flight's records under a grid, and its map when it is one of the mapped flights.
  fileprivate struct SimulatedFlight {
    var records: [FlightRecord]
    var map: MappedFlight?
  }
}

private func zip(_ a: Double?, _ b: Double?) -> (Double, Double)? {
  guard let a, let b else { return nil }
  return (a, b)
}

extension Optional where Wrapped == (Double, Double) {
  fileprivate func map(_ transform: (Double, Double) -> Double) -> Double? {
    guard let (a, b) = self else { return nil }
    return transform(a, b)
  }
}

private struct RecordBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<MonteCarlo.SimulatedFlight>
  init(_ buffer: UnsafeMutableBufferPointer<MonteCarlo.SimulatedFlight>) { self.buffer = buffer }
}

/// The values a replay finds, gathered from worker threads (their order does not matter: they are sorted).
private final class ReplayCollector: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [[Double]]

  init(count: Int) { values = Array(repeating: [], count: count) }

  func append(_ found: [[Double]]) {
    lock.lock()
    defer { lock.unlock() }
    for (number, more) in found.enumerated() { values[number] += more }
  }
}
