/// The Monte Carlo's results reduced to what the comparison table needs, per combination, plus the full records, paths
/// and events of the first flights for the map layers. Its size does not depend on the number of flights.
public struct MonteCarloSummary: Sendable {
  /// One combination's figures.
  public struct Combination: Sendable, Equatable {
    public var combination: MonteCarlo.Combination
    public var flights: Int
    /// Flights per outcome (every outcome present, zero when none).
    public var outcomes: [FlightOutcome: Int]
    /// Interceptor flight hours over all flights, summed in flight order.
    public var flightHours: Double
    /// Seconds from the border crossing to the first detection reaching the command, and to the interception.
    public var detectionSeconds: TimePercentiles
    public var interceptionSeconds: TimePercentiles

    public init(
      combination: MonteCarlo.Combination, flights: Int, outcomes: [FlightOutcome: Int], flightHours: Double,
      detectionSeconds: TimePercentiles, interceptionSeconds: TimePercentiles
    ) {
      self.combination = combination
      self.flights = flights
      self.outcomes = outcomes
      self.flightHours = flightHours
      self.detectionSeconds = detectionSeconds
      self.interceptionSeconds = interceptionSeconds
    }

    /// The same figures from every flight's record, by sorting (the reference the streamed tally must match).
    public init(combination: MonteCarlo.Combination, records: [FlightRecord]) {
      var outcomes = Dictionary(uniqueKeysWithValues: FlightOutcome.allCases.map { ($0, 0) })
      for record in records { outcomes[record.outcome]! += 1 }
      self.init(
        combination: combination, flights: records.count, outcomes: outcomes,
        flightHours: records.reduce(0) { $0 + $1.flightHours },
        detectionSeconds: TimePercentiles(sorting: records.compactMap(\.borderToDetection)),
        interceptionSeconds: TimePercentiles(sorting: records.compactMap(\.borderToInterception)))
    }
  }

  /// The median and 90th percentile (nearest rank) of a set of times in seconds; nil when the set is empty.
  public struct TimePercentiles: Sendable, Equatable {
    public static let medianFraction = 0.5
    public static let p90Fraction = 0.9

    public var median: Double?
    public var p90: Double?

    public init(median: Double?, p90: Double?) {
      self.median = median
      self.p90 = p90
    }

    /// The percentiles of `seconds` by sorting them all.
    public init(sorting seconds: [Double]) {
      let sorted = seconds.sorted()
      let pick = { (fraction: Double) in
        sorted.isEmpty ? nil : sorted[SecondsTally.rank(fraction, count: sorted.count)]
      }
      self.init(median: pick(Self.medianFraction), p90: pick(Self.p90Fraction))
    }
  }

  /// Flights simulated.
  public var flights: Int
  /// Per combination, in the order the Monte Carlo ran them.
  public var combinations: [Combination]
  /// Every record of flights `0..<mappedFlights` per combination, in flight order.
  public var mappedRecords: [MonteCarlo.Combination: [FlightRecord]]
  /// Flights `0..<mappedFlights.count` with their paths, detections and tracks, in flight order.
  public var mappedFlights: [MappedFlight]
  /// Whether detection or interception percentiles needed a replay of the flights (see `SecondsTally`).
  public var replayed: Bool
}
