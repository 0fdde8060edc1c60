import CoverageKernel

extension MonteCarlo {
  /// The days a shard of `count` flights simulates: shard `index` of `shards` (1-based) takes the `index`-th of
  /// `shards` contiguous runs of whole days (the runs differ by at most one day; a shard gets none when there are fewer
  /// days than shards). Whole days, because a day's flights share its radar outages and alert pairs.
  package func shardDays(flights count: Int, index: Int, of shards: Int) -> Range<Int> {
    let total = days.days(for: count)
    return total * (index - 1) / shards..<total * index / shards
  }

  /// The flights of the days `dayRange` (among the first `count`), each with its records under every combination in
  /// grid order, in flight order: what a shard of `airpicture run` keeps. Every draw is a function of (seed, flight,
  /// day), so these are exactly the records an unsharded run makes for those flights.
  package func records(
    flights count: Int, days dayRange: Range<Int>, progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) -> [[FlightRecord]] {
    let grid = combinations
    var flights: [[FlightRecord]] = []
    let first = days.flights(on: dayRange.lowerBound, count: count).lowerBound
    let done = ProgressCounter(total: max(1, days.flights(on: dayRange.upperBound, count: count).lowerBound - first))
    forEachWave(
      flights: count, days: dayRange, grid: grid,
      wave: Self.flightsPerWave(combinations: grid.count, threads: threads), mappedFlights: 0,
      progress: { progress(done.add($0)) }
    ) { records, _ in flights.append(records) }
    return flights
  }

  /// Flights `0..<count` (of `total`) with their paths, detections and tracks, as the Monte Carlo simulates them
  /// (their days simulated again under no combination: the maps do not depend on the grid).
  package func mappedFlights(_ count: Int, of total: Int) -> [MappedFlight] {
    let mapped = min(max(count, 0), total)
    guard mapped > 0 else { return [] }
    return (0...days.day(of: mapped - 1)).flatMap { day in
      simulate(day: day, flights: total, grid: [], mappedFlights: mapped).compactMap(\.map)
    }
  }

  /// The summary `summarize(flights:mappedFlights:)` makes, from records already simulated: `pass` hands every
  /// flight's records (one per combination, grid order) to its argument in flight order, and may be called twice
  /// (the second time to pick percentiles a tally kept only per second, as the replay does). `maps` are flights
  /// `0..<maps.count`.
  package func summarize(
    maps: [MappedFlight], distinctLimit: Int = SecondsTally.defaultDistinctLimit,
    pass: (([FlightRecord]) -> Void) throws -> Void
  ) rethrows -> MonteCarloSummary {
    let grid = combinations
    var accumulator = MonteCarloAccumulator(grid: grid, mappedFlights: maps.count, distinctLimit: distinctLimit)
    try pass { records in
      let flight = accumulator.flights
      accumulator.add(records, map: flight < maps.count ? maps[flight] : nil)
    }
    let pending = accumulator.pendingPercentiles
    guard !pending.isEmpty else { return accumulator.summary(resolved: [:]) }
    var found = [[Double]](repeating: [], count: pending.count)
    try pass { records in
      for (number, request) in pending.enumerated() {
        let record = records[request.key.gridIndex]
        let value = request.key.kind == .detection ? record.borderToDetection : record.borderToInterception
        if let value, SecondsTally.second(of: value) == request.second { found[number].append(value) }
      }
    }
    var resolved: [MonteCarloAccumulator.PercentileKey: Double] = [:]
    for (number, request) in pending.enumerated() {
      let values = found[number].sorted()
      precondition(request.rank < values.count, "the records disagree with their first pass")
      resolved[request.key] = values[request.rank]
    }
    return accumulator.summary(resolved: resolved)
  }
}
