/// Folds each flight's records into per-combination counts, flight hours and time tallies as flights complete.
/// Flights must be added in flight order (the flight-hour sums are then the same, bit for bit, as a sum over every
/// record); only the records and maps of the first `mappedFlights` flights are kept.
struct MonteCarloAccumulator {
  /// Which time of a record a percentile is about.
  enum TimeKind: Hashable {
    case detection
    case interception
  }

  /// A percentile of one tally: detection times are tallied once per network configuration, under the first
  /// combination of that network in the grid (every combination of a network shares its picture).
  struct PercentileKey: Hashable {
    var gridIndex: Int
    var kind: TimeKind
    var fraction: Double
  }

  /// A percentile known only to its second: the replay collects the values of that second and picks `rank`.
  struct PendingPercentile {
    var key: PercentileKey
    var second: Int
    var rank: Int
  }

  let grid: [MonteCarlo.Combination]
  let mappedFlights: Int
  private(set) var flights = 0
  private var outcomes: [[Int]]
  private var flightHours: [Double]
  private var interceptions: [SecondsTally]
  /// Grid index of each combination's detection tally, and the tallies by that index.
  private let detectionOwner: [Int]
  private var detections: [Int: SecondsTally]
  private var mapped: [[FlightRecord]]
  private var maps: [MappedFlight] = []

  init(grid: [MonteCarlo.Combination], mappedFlights: Int, distinctLimit: Int) {
    self.grid = grid
    self.mappedFlights = max(mappedFlights, 0)
    outcomes = Array(repeating: Array(repeating: 0, count: FlightOutcome.allCases.count), count: grid.count)
    flightHours = Array(repeating: 0, count: grid.count)
    interceptions = Array(repeating: SecondsTally(distinctLimit: distinctLimit), count: grid.count)
    detectionOwner = grid.map { combination in grid.firstIndex { $0.network == combination.network }! }
    detections = Dictionary(
      uniqueKeysWithValues: Set(detectionOwner).map { ($0, SecondsTally(distinctLimit: distinctLimit)) })
    mapped = Array(repeating: [], count: grid.count)
  }

  /// Adds the next flight's records, one per combination in grid order, and its map: present exactly when the flight
  /// is one of the first `mappedFlights`.
  mutating func add(_ records: [FlightRecord], map: MappedFlight?) {
    precondition(records.count == grid.count && records.allSatisfy { $0.flight == flights }, "flights out of order")
    precondition((map != nil) == (flights < mappedFlights) && (map?.flight ?? flights) == flights, "map out of place")
    if let map { maps.append(map) }
    for (index, record) in records.enumerated() {
      outcomes[index][Self.outcomeIndex[record.outcome]!] += 1
      flightHours[index] += record.flightHours
      if let seconds = record.borderToInterception { interceptions[index].add(seconds) }
      if detectionOwner[index] == index, let seconds = record.borderToDetection { detections[index]!.add(seconds) }
      if flights < mappedFlights { mapped[index].append(record) }
    }
    flights += 1
  }

  /// The percentiles whose tallies kept only counts per second.
  var pendingPercentiles: [PendingPercentile] {
    let tallies =
      detections.sorted(by: { $0.key < $1.key }).map { ($0.key, TimeKind.detection, $0.value) }
      + interceptions.enumerated().map { ($0.offset, TimeKind.interception, $0.element) }
    let fractions = [MonteCarloSummary.TimePercentiles.medianFraction, MonteCarloSummary.TimePercentiles.p90Fraction]
    return tallies.flatMap { index, kind, tally in
      fractions.compactMap { fraction in
        tally.percentileLocation(fraction).map { location in
          PendingPercentile(
            key: PercentileKey(gridIndex: index, kind: kind, fraction: fraction), second: location.second,
            rank: location.rank)
        }
      }
    }
  }

  /// The summary, with the values `resolved` by a replay for the pending percentiles.
  func summary(resolved: [PercentileKey: Double]) -> MonteCarloSummary {
    func percentiles(_ tally: SecondsTally, gridIndex: Int, kind: TimeKind) -> MonteCarloSummary.TimePercentiles {
      let pick = { (fraction: Double) in
        tally.percentile(fraction) ?? resolved[PercentileKey(gridIndex: gridIndex, kind: kind, fraction: fraction)]
      }
      return MonteCarloSummary.TimePercentiles(
        median: pick(MonteCarloSummary.TimePercentiles.medianFraction),
        p90: pick(MonteCarloSummary.TimePercentiles.p90Fraction))
    }
    let combinations = grid.enumerated().map { index, combination in
      MonteCarloSummary.Combination(
        combination: combination, flights: flights,
        outcomes: Dictionary(
          uniqueKeysWithValues: FlightOutcome.allCases.enumerated().map { ($1, outcomes[index][$0]) }),
        flightHours: flightHours[index],
        detectionSeconds: percentiles(
          detections[detectionOwner[index]]!, gridIndex: detectionOwner[index], kind: .detection),
        interceptionSeconds: percentiles(interceptions[index], gridIndex: index, kind: .interception))
    }
    return MonteCarloSummary(
      flights: flights, combinations: combinations,
      mappedRecords: Dictionary(zip(grid, mapped)) { first, _ in first }, mappedFlights: maps,
      replayed: !resolved.isEmpty)
  }

  private static let outcomeIndex = Dictionary(
    uniqueKeysWithValues: FlightOutcome.allCases.enumerated().map { ($1, $0) })
}
