import CoverageKernel
import Foundation
import RadarModels

/// The Monte Carlo: `flights` suspect flights, each simulated once against the radars and then under every
/// combination of network configuration, interceptor and basing. Flights run in parallel; every draw is a function
/// of (seed, flight), so results do not depend on the number of threads.
public struct MonteCarlo: Sendable {
  /// One cell of the comparison grid.
  public struct Combination: Sendable, Hashable {
    public var network: String
    public var interceptor: String
    public var basing: String

    public init(network: String, interceptor: String, basing: String) {
      self.network = network
      self.interceptor = interceptor
      self.basing = basing
    }
  }

  public let scenario: InterdictionScenario
  public let world: SimulationWorld
  public let seed: UInt64
  public let threads: Int

  public init(scenario: InterdictionScenario, world: SimulationWorld, seed: UInt64, threads: Int) {
    self.scenario = scenario
    self.world = world
    self.seed = seed
    self.threads = max(1, threads)
  }

  /// Every combination, in scenario order.
  public var combinations: [Combination] {
    scenario.network.networks.flatMap { network in
      scenario.interceptors.flatMap { interceptor in
        scenario.basings.map { Combination(network: network.id, interceptor: interceptor.id, basing: $0.id) }
      }
    }
  }

  /// Runs `count` flights under `combinations` (default all), reporting the share done.
  public func run(
    flights count: Int, combinations selected: [Combination]? = nil,
    progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) -> [Combination: [FlightRecord]] {
    let grid = selected ?? combinations
    let results = UnsafeMutableBufferPointer<[FlightRecord]>.allocate(capacity: count)
    results.initialize(repeating: [])
    defer { results.deallocate() }
    let output = RecordBuffer(results)
    let done = ProgressCounter(total: count)
    ParallelWork.forEachChunk(count: count, threads: threads, chunkSize: 25) { flights in
      for flight in flights { output.buffer[flight] = simulate(flight: flight, grid: grid) }
      progress(done.add(flights.count))
    }
    var byCombination: [Combination: [FlightRecord]] = [:]
    for (number, combination) in grid.enumerated() {
      byCombination[combination] = results.map { $0[number] }
    }
    return byCombination
  }

  /// One flight under every combination of `grid`.
  public func simulate(flight index: Int, grid: [Combination]) -> [FlightRecord] {
    let random = CounterRandom(seed: seed)
    let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
    let history = DetectionHistory(
      flight: index, path: path, world: world,
      falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
    let radars = world.radars.map(\.placement)
    var pictures: [String: AirPicture] = [:]
    return grid.map { combination in
      let picture =
        pictures[combination.network]
        ?? AirPicture(
          flight: index, history: history,
          configuration: scenario.network.networks.first { $0.id == combination.network }!, radars: radars,
          rules: scenario.rules, random: random)
      pictures[combination.network] = picture
      let engagement = Engagement(
        flight: index, path: path, picture: picture,
        interceptor: scenario.interceptors.first { $0.id == combination.interceptor }!,
        basing: scenario.basings.first { $0.id == combination.basing }!, rules: scenario.rules, earth: world.earth,
        random: random)
      let border = path.borderCrossing
      return FlightRecord(
        flight: index, outcome: engagement.outcome,
        borderToDetection: zip(picture.firstDetection, border).map { $0 - $1 },
        borderToInterception: zip(engagement.interceptTime, border).map { $0 - $1 },
        flightHours: engagement.flightHours, interceptLatitude: engagement.interceptLatitude,
        interceptLongitude: engagement.interceptLongitude)
    }
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
  let buffer: UnsafeMutableBufferPointer<[FlightRecord]>
  init(_ buffer: UnsafeMutableBufferPointer<[FlightRecord]>) { self.buffer = buffer }
}
