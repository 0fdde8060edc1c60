import Foundation
import Interdiction
import Testing

/// The Monte Carlo split into shards of whole simulated days (`airpicture run --shard`), on the synthetic theatre with
/// one alert pair for three flights a day: the shards' records, put together in flight order, are the unsharded run's
/// and summarize to its table; a split inside a day would not be.
@Suite struct ShardedRecordsTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)
  static let flights = 121
  static let seed: UInt64 = 7
  static let monteCarlo = MonteCarlo(scenario: scenario, world: world, seed: seed, threads: 2)

  /// Every field of a record, bit for bit.
  static func key(_ record: FlightRecord) -> String {
    let bits = { (value: Double?) in value.map { String($0.bitPattern, radix: 16) } ?? "-" }
    return "\(record.flight) \(record.outcome.rawValue) \(bits(record.borderToDetection)) "
      + "\(bits(record.borderToInterception)) \(bits(record.flightHours)) \(bits(record.interceptLatitude)) "
      + "\(bits(record.interceptLongitude))"
  }

  /// The records of shards 1…`count`, in shard order, flight by flight.
  static func shardRecords(count: Int) -> [[FlightRecord]] {
    (1...count).flatMap { index in
      monteCarlo.records(flights: flights, days: monteCarlo.shardDays(flights: flights, index: index, of: count))
    }
  }

  @Test func shardsOfWholeDaysGiveTheUnshardedRecordsAndTable() throws {
    let reference = Self.monteCarlo.run(flights: Self.flights)
    let grid = Self.monteCarlo.combinations
    for count in [1, 2, 3, 5, 41, 50] {
      let flights = Self.shardRecords(count: count)
      #expect(flights.count == Self.flights, "\(count) shards")
      for (index, combination) in grid.enumerated() {
        #expect(flights.map { Self.key($0[index]) } == reference[combination]!.map(Self.key), "\(count) shards")
      }
    }
    // Summarized from the records (with 12 mapped flights simulated again), and with every percentile picked by a
    // second pass: the same table and maps as the streamed Monte Carlo.
    let flights = Self.shardRecords(count: 3)
    let maps = Self.monteCarlo.mappedFlights(12, of: Self.flights)
    for limit in [SecondsTally.defaultDistinctLimit, 0] {
      let streamed = Self.monteCarlo.summarize(flights: Self.flights, mappedFlights: 12, distinctLimit: limit)
      let merged = Self.monteCarlo.summarize(maps: maps, distinctLimit: limit) { consume in flights.forEach(consume) }
      #expect(merged.replayed == (limit == 0))
      #expect(merged.mappedFlights == streamed.mappedFlights)
      let table = { (summary: MonteCarloSummary) in
        ComparisonTable(scenario: Self.scenario, seed: Self.seed, summary: summary)
      }
      #expect(table(merged).csv == table(streamed).csv, "limit \(limit)")
      #expect(try table(merged).json() == table(streamed).json(), "limit \(limit)")
    }
  }

  @Test func aSplitInsideADayWouldChangeItsFlights() {
    // Flights of one day compete for its alert pair; cut each day after its first flight and some first flight's
    // record changes: shards must hold whole days.
    let full = Self.monteCarlo.records(flights: Self.flights, days: 0..<40)
    var changed = 0
    for day in 0..<40 {
      let cut = Self.monteCarlo.records(flights: 3 * day + 1, days: day..<(day + 1))
      #expect(cut.count == 1)
      if cut[0].map(Self.key) != full[3 * day].map(Self.key) { changed += 1 }
    }
    #expect(changed > 0)
  }

  @Test func recordFilesKeepEveryBitAndRefuseDamage() throws {
    let flights = Array(Self.shardRecords(count: 1)[30..<60])
    let combinations = Self.monteCarlo.combinations.count
    let bytes = FlightRecordFile.encode(flights, firstFlight: 30, combinations: combinations)
    let decoded = try FlightRecordFile.decode(bytes, combinations: combinations)
    #expect(decoded.firstFlight == 30)
    #expect(decoded.flights.map { $0.map(Self.key) } == flights.map { $0.map(Self.key) })
    #expect(flights.contains { $0.contains { $0.borderToInterception != nil } })
    #expect(throws: FlightRecordFileError.self) {
      try FlightRecordFile.decode(bytes.dropLast(4).map { $0 }, combinations: combinations)
    }
    #expect(throws: FlightRecordFileError.self) { try FlightRecordFile.decode(bytes + [0], combinations: combinations) }
    #expect(throws: FlightRecordFileError.self) { try FlightRecordFile.decode(bytes, combinations: combinations + 1) }
    #expect(throws: FlightRecordFileError.self) {
      try FlightRecordFile.decode(Array(bytes[1...]), combinations: combinations)
    }
  }
}
