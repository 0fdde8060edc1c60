import CoverageKernel
import Foundation
import Interdiction
import TestSupport
import Testing

/// The streamed Monte Carlo (`MonteCarlo.summarize`) against the table of every record, on the synthetic theatre:
/// same bytes, whatever the thread count, the wave size, or whether percentiles need a replay of the flights.
@Suite struct StreamedSummaryTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)
  static let flights = 240
  static let seed: UInt64 = 11

  static func monteCarlo(threads: Int) -> MonteCarlo {
    MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads)
  }

  /// The reference: every record kept, percentiles by sorting.
  static let reference: (records: [MonteCarlo.Combination: [FlightRecord]], table: ComparisonTable) = {
    let full = monteCarlo(threads: 2)
    let records = full.run(flights: flights)
    return (records, ComparisonTable(scenario: scenario, seed: seed, results: records, order: full.combinations))
  }()

  func streamedTable(threads: Int, distinctLimit: Int, wave: Int?, mapped: Int = 0) -> (
    ComparisonTable, MonteCarloSummary
  ) {
    let summary = Self.monteCarlo(threads: threads).summarize(
      flights: Self.flights, mappedFlights: mapped, distinctLimit: distinctLimit, flightsPerWave: wave)
    return (ComparisonTable(scenario: Self.scenario, seed: Self.seed, summary: summary), summary)
  }

  @Test func theStreamedSummaryGivesTheTableOfEveryRecord() throws {
    let reference = Self.reference.table
    // The theatre must exercise the percentiles: some detections and interceptions in every network.
    #expect(reference.rows.contains { $0.interceptionMinutesMedian != nil })
    #expect(reference.rows.isNonEmptyAndAll { $0.detectionMinutesP90 != nil })
    // Exact tallies in one wave, then several waves of uneven size.
    for wave in [nil, 7, 100] {
      let (table, summary) = streamedTable(threads: 2, distinctLimit: SecondsTally.defaultDistinctLimit, wave: wave)
      #expect(!summary.replayed)
      #expect(table.csv == reference.csv, "wave \(wave ?? 0)")
      #expect(try table.json() == reference.json(), "wave \(wave ?? 0)")
    }
  }

  @Test func percentilesFromCountsPerSecondAndAReplayAreExact() throws {
    // A limit of 0 (or a few) distinct values forces every time tally to counts per second and a replay.
    for limit in [0, 3] {
      let (table, summary) = streamedTable(threads: 2, distinctLimit: limit, wave: 50)
      #expect(summary.replayed)
      #expect(table.csv == Self.reference.table.csv, "limit \(limit)")
      #expect(try table.json() == Self.reference.table.json(), "limit \(limit)")
    }
  }

  @Test func theStreamedTableDoesNotDependOnTheThreadCount() throws {
    for limit in [SecondsTally.defaultDistinctLimit, 0] {
      let (one, _) = streamedTable(threads: 1, distinctLimit: limit, wave: 60)
      let (three, _) = streamedTable(threads: 3, distinctLimit: limit, wave: nil)
      #expect(one.csv == three.csv, "limit \(limit)")
      #expect(try one.json() == three.json(), "limit \(limit)")
    }
  }

  @Test func onlyTheMappedFlightsKeepTheirRecords() {
    let mapped = 15
    let (_, summary) = streamedTable(
      threads: 2, distinctLimit: SecondsTally.defaultDistinctLimit, wave: 8, mapped: mapped)
    #expect(summary.mappedFlights.map(\.flight) == Array(0..<mapped))
    #expect(summary.mappedRecords.count == Self.reference.records.count)
    for (combination, records) in summary.mappedRecords {
      let full = Self.reference.records[combination]!
      #expect(records.map(\.flight) == Array(0..<mapped))
      for (kept, all) in zip(records, full) {
        #expect(kept.outcome == all.outcome && kept.flightHours == all.flightHours)
        #expect(kept.borderToDetection == all.borderToDetection)
        #expect(kept.borderToInterception == all.borderToInterception)
        #expect(kept.interceptLatitude == all.interceptLatitude && kept.interceptLongitude == all.interceptLongitude)
      }
    }
    let (_, none) = streamedTable(threads: 2, distinctLimit: SecondsTally.defaultDistinctLimit, wave: nil)
    // One (empty) entry per combination: the check below meets every combination.
    #expect(none.mappedRecords.count == none.combinations.count && !none.combinations.isEmpty)
    #expect(none.mappedRecords.values.allSatisfy { $0.isEmpty } && none.mappedFlights.isEmpty)
  }

  @Test func aTallyGivesTheNearestRankPercentilesOfSorting() {
    for count in [1, 2, 9, 10, 11, 500] {
      // Scattered values with ties, several per second, negative ones included (a detection before the border).
      let values = (0..<count).map { Double(($0 * 7_919) % 101 - 50) * 0.37 + 0.25 }
      var exact = SecondsTally()
      var binned = SecondsTally(distinctLimit: 0)
      for value in values {
        exact.add(value)
        binned.add(value)
      }
      let sorted = values.sorted()
      for fraction in [0.5, 0.9] {
        let expected = sorted[SecondsTally.rank(fraction, count: count)]
        #expect(exact.percentile(fraction) == expected)
        #expect(binned.needsReplay && binned.percentile(fraction) == nil)
        // The located second holds the value, at the located rank among that second's values.
        let location = binned.percentileLocation(fraction)!
        let inSecond = sorted.filter { SecondsTally.second(of: $0) == location.second }
        #expect(inSecond[location.rank] == expected)
      }
    }
    #expect(SecondsTally().percentile(0.5) == nil)
  }
}
