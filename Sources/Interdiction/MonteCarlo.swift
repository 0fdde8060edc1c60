import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// The Monte Carlo: `flights` suspect flights, each simulated once against the radars and then under every
/// combination of network configuration, interceptor and basing. Flights fall into simulated days (`SimulatedDays`)
/// whose engagements share the alert pairs; days run in parallel; every draw is a function of (seed, flight), so
/// results do not depend on the number of threads.
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

  /// How the flights fall into days (the scenario's flights per day, rounded).
  package var days: SimulatedDays { SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value) }

  /// Simulates `count` flights in waves of whole days (only the days of `dayRange` when given: a shard's slice) and
  /// hands each flight's records, and the map of flights `0..<mappedFlights`, to `consume` in flight order, on the
  /// calling thread; `progress` gets the number of flights finished by each chunk of days.
  func forEachWave(
    flights count: Int, days dayRange: Range<Int>? = nil, grid: [Combination], wave: Int, mappedFlights: Int,
    progress: @escaping @Sendable (Int) -> Void, consume: ([FlightRecord], MappedFlight?) -> Void
  ) {
    let days = self.days
    let range = dayRange ?? 0..<days.days(for: count)
    let dayCount = range.count
    let wave = min(max(wave / days.flightsPerDay, 1), dayCount)
    guard wave > 0 else { return }
    let results = UnsafeMutableBufferPointer<[SimulatedFlight]>.allocate(capacity: wave)
    results.initialize(repeating: [])
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    let output = RecordBuffer(results)
    let chunk = max(1, 25 / days.flightsPerDay)
    for first in stride(from: 0, to: dayCount, by: wave) {
      let size = min(wave, dayCount - first)
      let firstDay = range.lowerBound + first
      ParallelWork.forEachChunk(count: size, threads: threads, chunkSize: chunk) { slots in
        var flown = 0
        for slot in slots {
          let day = firstDay + slot
          output.buffer[slot] = simulate(day: day, flights: count, grid: grid, mappedFlights: mappedFlights)
          flown += output.buffer[slot].count
        }
        progress(flown)
      }
      for slot in 0..<size {
        for flight in results[slot] { consume(flight.records, flight.map) }
        results[slot] = []
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
    let days = self.days
    ParallelWork.forEachChunk(
      count: days.days(for: count), threads: threads, chunkSize: max(1, 25 / days.flightsPerDay)
    ) { chunk in
      var found = [[Double]](repeating: [], count: pending.count)
      var flown = 0
      for flight in chunk.flatMap({ simulate(day: $0, flights: count, grid: subgrid, mappedFlights: 0) }) {
        flown += 1
        let records = flight.records
        for (number, request) in pending.enumerated() {
          let record = records[position[request.key.gridIndex]!]
          let value = request.key.kind == .detection ? record.borderToDetection : record.borderToInterception
          if let value, SecondsTally.second(of: value) == request.second { found[number].append(value) }
        }
      }
      collected.append(found)
      progress(done.add(flown))
    }
    var resolved: [MonteCarloAccumulator.PercentileKey: Double] = [:]
    for (number, request) in pending.enumerated() {
      let values = collected.values[number].sorted()
      precondition(request.rank < values.count, "replay disagrees with the first pass")
      resolved[request.key] = values[request.rank]
    }
    return resolved
  }

  /// The flights of day `day` (among the first `count`) under every combination of `grid`, in flight order: each
  /// combination flies the day's engagements with its own alert pairs. Flights below `mappedFlights` also get what
  /// their map layers need (with the tracks of every network configuration of the scenario, in scenario order,
  /// whatever `grid` holds).
  func simulate(day: Int, flights count: Int, grid: [Combination], mappedFlights: Int) -> [SimulatedFlight] {
    let flights = days.flights(on: day, count: count).map { simulate(flight: $0) }
    var records = [[FlightRecord]](repeating: [], count: flights.count)
    for combination in grid {
      let (configuration, interceptor, basing) = parts(of: combination)
      let contexts = flights.map { flight in
        EngagementContext(
          flight: flight.index, path: flight.path, picture: flight.picture(configuration),
          latency: configuration.fusionLatency.value, interceptor: interceptor, rules: scenario.rules,
          pattern: scenario.pattern, world: world)
      }
      let engagements = EngagementDay.run(contexts, basing: basing, random: CounterRandom(seed: seed))
      for (number, (flight, engagement)) in zip(flights, engagements).enumerated() {
        let picture = flight.picture(configuration)
        let border = flight.path.borderCrossing
        records[number].append(
          FlightRecord(
            flight: flight.index, outcome: engagement.outcome,
            borderToDetection: zip(picture.firstDetection, border).map { $0 - $1 },
            borderToInterception: zip(engagement.interceptTime, border).map { $0 - $1 },
            flightHours: engagement.flightHours, interceptLatitude: engagement.interceptLatitude,
            interceptLongitude: engagement.interceptLongitude))
      }
    }
    return zip(flights, records).map { flight, records in
      guard flight.index < mappedFlights else { return SimulatedFlight(records: records, map: nil) }
      let map = MappedFlight(
        flight: flight.index, path: flight.path, history: flight.history, radars: world.radars,
        pictures: scenario.network.networks.map { ($0.id, flight.picture($0)) })
      return SimulatedFlight(records: records, map: map)
    }
  }

  /// One flight's path and scans, and its pictures (built once per network configuration, on first use).
  final class FlownFlight {
    let index: Int
    let path: FlightPath
    let history: DetectionHistory
    private let build: (NetworkConfiguration) -> AirPicture
    private var pictures: [NetworkConfiguration.ID: AirPicture] = [:]

    init(
      index: Int, path: FlightPath, history: DetectionHistory, build: @escaping (NetworkConfiguration) -> AirPicture
    ) {
      self.index = index
      self.path = path
      self.history = history
      self.build = build
    }

    /// The picture of a configuration, built once per flight and shared by its combinations.
    func picture(_ configuration: NetworkConfiguration) -> AirPicture {
      if let picture = pictures[configuration.id] { return picture }
      let picture = build(configuration)
      pictures[configuration.id] = picture
      return picture
    }
  }

  /// Flight `index`'s path and scans, drawn once and shared by every combination (common random numbers).
  func simulate(flight index: Int) -> FlownFlight {
    let random = CounterRandom(seed: seed)
    let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
    let history = DetectionHistory(
      flight: index, path: path, world: world, days: SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value),
      falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
    let radars = world.radars.map(\.placement)
    let rules = scenario.rules
    return FlownFlight(index: index, path: path, history: history) { configuration in
      AirPicture(
        flight: index, history: history, configuration: configuration, radars: radars, rules: rules,
        random: random)
    }
  }

  /// One flight's records under a grid, and its map when it is one of the mapped flights.
  struct SimulatedFlight {
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
  let buffer: UnsafeMutableBufferPointer<[MonteCarlo.SimulatedFlight]>
  init(_ buffer: UnsafeMutableBufferPointer<[MonteCarlo.SimulatedFlight]>) { self.buffer = buffer }
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
