import Foundation
import InterdictionModels
import RadarModels

/// What drives the answer: the Monte Carlo run once on the scenario as written and once at each end of every
/// parameter's range (`SensitivityParameter`), each with the same seed and flights. Draws are counter-based per flight
/// and purpose, so every variant sees the same flights and the same random numbers (common random numbers): a
/// difference between variants comes from the parameter, not from noise.
///
/// The world (terrain, line-of-sight fields) is shared: a radar parameter (availability, RCS) changes only the
/// detection draws, and the cruise height changes the path flown through the same fields.
public struct SensitivityStudy: Sendable {
  /// One end of a parameter's range.
  public enum End: String, Sendable, CaseIterable {
    case low, high
  }

  /// One parameter's range and the comparison table at each end.
  public struct Entry: Sendable {
    public var parameter: SensitivityParameter
    /// The factors on the scenario's figures, with their provenance.
    public var range: Sourced<ClosedRange<Double>>
    /// Whether the scenario stated the range (`sensitivity:`), or the parameter's default assumption stands.
    public var stated: Bool
    /// The scenario's figures the factors apply to.
    public var baseFigures: String
    public var low: ComparisonTable
    public var high: ComparisonTable

    /// The factor at `end`.
    public func factor(_ end: End) -> Double { end == .low ? range.value.lowerBound : range.value.upperBound }

    /// The table at `end`.
    public func table(_ end: End) -> ComparisonTable { end == .low ? low : high }
  }

  public var scenario: InterdictionScenario
  public var flights: Int
  public var seed: UInt64
  /// The options compared, in table order (every table's rows follow it).
  public var combinations: [MonteCarlo.Combination]
  /// The scenario as written.
  public var base: ComparisonTable
  public var entries: [Entry]

  /// Runs the base and both ends of each of `parameters` over `combinations` (default all); `progress` gets a label
  /// per variant and the fraction of it done.
  public init(
    scenario: InterdictionScenario, world: SimulationWorld, parameters: [SensitivityParameter], flights: Int,
    seed: UInt64, threads: Int, combinations selected: [MonteCarlo.Combination]? = nil,
    progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }
  ) {
    self.scenario = scenario
    self.flights = flights
    self.seed = seed
    let grid = selected ?? MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads).combinations
    combinations = grid
    let variants = 1 + 2 * parameters.count
    var done = 0
    func table(_ variant: InterdictionScenario, _ label: String) -> ComparisonTable {
      done += 1
      let label =
        "\(scenario.id) sensitivity \(done)/\(variants) (\(label)): \(flights) flights x \(grid.count) options"
      let monteCarlo = MonteCarlo(
        scenario: variant, world: Self.world(world, for: variant), seed: seed, threads: threads)
      let summary = monteCarlo.summarize(flights: flights, combinations: grid) { progress(label, $0) }
      return ComparisonTable(scenario: variant, seed: seed, summary: summary)
    }
    base = table(scenario, "base")
    entries = parameters.map { parameter in
      let (range, stated) = parameter.range(in: scenario)
      let ends = End.allCases.map { end -> ComparisonTable in
        let factor = end == .low ? range.value.lowerBound : range.value.upperBound
        return table(Self.variant(of: scenario, parameter, factor), "\(parameter.key) \(end.rawValue)")
      }
      return Entry(
        parameter: parameter, range: range, stated: stated, baseFigures: parameter.baseFigures(scenario),
        low: ends[0], high: ends[1])
    }
  }

  /// `scenario` with `parameter` at `factor` times its figures.
  public static func variant(
    of scenario: InterdictionScenario, _ parameter: SensitivityParameter, _ factor: Double
  ) -> InterdictionScenario {
    var variant = scenario
    parameter.apply(&variant, factor)
    return variant
  }

  /// `world` with its radars' placements (type, availability) taken from `scenario`'s network; the line-of-sight
  /// fields stay as they are.
  public static func world(_ world: SimulationWorld, for scenario: InterdictionScenario) -> SimulationWorld {
    precondition(
      world.radars.count == scenario.network.radars.count, "the world was built from another network's radars")
    var world = world
    for index in world.radars.indices { world.radars[index].placement = scenario.network.radars[index] }
    return world
  }

  /// The metric's values for option `option` (an index into `combinations`) at low, base and high of `entry`.
  public func values(_ entry: Entry, option: Int, metric: SensitivityMetric) -> (
    low: Double?, base: Double?, high: Double?
  ) {
    (metric.value(entry.low.rows[option]), metric.value(base.rows[option]), metric.value(entry.high.rows[option]))
  }

  /// How far the metric moves across the parameter's range for one option: the largest of its values at low, base
  /// and high less the smallest; nil when it is undefined at any of them (a cost without interceptions).
  public func swing(_ entry: Entry, option: Int, metric: SensitivityMetric) -> Double? {
    let (low, base, high) = values(entry, option: option, metric: metric)
    guard let low, let base, let high else { return nil }
    return max(low, base, high) - min(low, base, high)
  }

  /// The entries ordered by swing for one option, largest first (undefined swings last, in table order).
  public func bySwing(option: Int, metric: SensitivityMetric) -> [(entry: Entry, swing: Double?)] {
    let swings = entries.map { ($0, swing($0, option: option, metric: metric)) }
    return swings.enumerated().sorted { a, b in
      switch (a.element.1, b.element.1) {
      case (let x?, let y?): return x != y ? x > y : a.offset < b.offset
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.offset < b.offset
      }
    }.map { (entry: $0.element.0, swing: $0.element.1) }
  }

  /// The network configurations compared, in table order.
  public var networks: [NetworkConfiguration.ID] {
    var seen = Set<NetworkConfiguration.ID>()
    return combinations.map(\.network).filter { seen.insert($0).inserted }
  }

  /// The best option (index into `combinations`) of `network` by P(intercept) in `table`: the highest estimate, the
  /// first in table order on a tie; `excluded` left out (for the runner-up). Nil when the network has no other option.
  public func best(in table: ComparisonTable, network: NetworkConfiguration.ID, excluding excluded: Int? = nil) -> Int?
  {
    var best: Int?
    for (index, combination) in combinations.enumerated() where combination.network == network && index != excluded {
      if best == nil || table.rows[index].interception.estimate > table.rows[best!].interception.estimate {
        best = index
      }
    }
    return best
  }

  /// Where the best option of `network` by P(intercept) at base is overtaken: each parameter end at which another
  /// option has a strictly higher P(intercept), with the best option there.
  public func rankingChanges(network: NetworkConfiguration.ID) -> [(entry: Entry, end: End, best: Int)] {
    let atBase = best(in: base, network: network)!
    return entries.flatMap { entry in
      End.allCases.compactMap { end in
        let table = entry.table(end)
        let there = best(in: table, network: network)!
        // A tie with the base's best is no change: only an option strictly ahead of it is.
        return table.rows[there].interception.estimate > table.rows[atBase].interception.estimate
          ? (entry, end, there) : nil
      }
    }
  }
}
