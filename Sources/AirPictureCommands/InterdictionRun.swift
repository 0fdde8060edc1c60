import ArgumentParser
import CoveragePipeline
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import OutputFiles
import ScenarioFiles

/// What `run` and `compare` share: reading an interdiction scenario, building its world, running the Monte Carlo.
/// Flights are folded into the table as they complete, so memory does not grow with their number; only the first
/// `mapFlights` flights keep their records, paths and events, for the map layers.
struct InterdictionRun {
  let scenario: InterdictionScenario
  let monteCarlo: MonteCarlo
  /// Every combination's records of flights `0..<mapFlights`, in flight order.
  let mappedRecords: [MonteCarlo.Combination: [FlightRecord]]
  /// Flights `0..<mapFlights` with their paths, detections and tracks, as the Monte Carlo simulated them.
  let mappedFlights: [MappedFlight]
  let table: ComparisonTable

  /// Reads `path` (with the radar network of `network` instead of its own when given, as `--network` asks); throws a
  /// one-line error naming the file, line and field when it is bad, and one saying what to do when it is a coverage
  /// scenario.
  static func read(_ path: String, network: String? = nil) throws -> InterdictionScenario {
    do {
      return try InterdictionScenarioReader.read(contentsOf: path, network: network)
    } catch let mismatch as ScenarioKindMismatch where mismatch.file == path && mismatch.found == .coverage {
      throw CommandError(
        "'\(path)' is a coverage scenario; run `airpicture coverage \(path)` on it, or give an interdiction scenario "
          + "(one that names its radar network with `network:`, as Scenarios/interdiction-2025.yaml does)")
    }
  }

  /// Builds the world from `fields` (the network scenario's, see `CoverageFields(scenario:dem:threads:warn:)`) and
  /// runs `flights` flights with `seed` on `threads` threads, keeping the records, paths and events of the first
  /// `mapFlights` (whose memory `checkMapMemory` has checked before any work). Given the checked shard folders of a
  /// run or compare (`airpicture merge`), takes the flights' records from them (of the `shardScenario`-th scenario) and simulates only the mapped flights again.
  init(
    scenario: InterdictionScenario, fields: CoverageFields, flights: Int, seed: UInt64, threads: Int,
    mapFlights: Int = 0, shards: ShardSet? = nil, shardScenario: Int = 1, reporter: ProgressReporter
  )
    throws
  {
    let mapped = min(max(mapFlights, 0), flights)
    self.scenario = scenario
    let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { label, fraction in
      reporter.report(label, fraction)
    }
    monteCarlo = MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads)
    let label = "\(scenario.id): \(flights) flights x \(monteCarlo.combinations.count) combinations"
    let summary: MonteCarloSummary
    if let shards {
      reporter.finish()
      summary = try RunShardData.summary(
        of: shards, scenario: shardScenario, monteCarlo: monteCarlo, flights: flights, mapFlights: mapped,
        demPath: fields.demPath)
    } else {
      summary = monteCarlo.summarize(flights: flights, mappedFlights: mapped) { reporter.report(label, $0) }
      reporter.finish()
    }
    mappedRecords = summary.mappedRecords
    mappedFlights = summary.mappedFlights
    table = ComparisonTable(scenario: scenario, seed: seed, summary: summary)
  }

  /// Memory the map layers take per mapped flight (its records, path, detections and track segments as the Monte
  /// Carlo keeps them, their GeoPackage and KML features, one outcome per combination, and the KML document GDAL's
  /// LIBKML driver holds until it is written): 1.27 MB measured on `Scenarios/interdiction-2025.yaml` (maximum
  /// resident memory with 200 mapped flights less that with none, over 200), doubled for margin.
  static let mapBytesPerFlight: UInt64 = 2_600_000

  /// Refuses `--map-flights` whose layers would need more than half of `physicalMemory`.
  static func checkMapMemory(mapFlights: Int, physicalMemory: UInt64) throws {
    let needed = UInt64(max(mapFlights, 0)).multipliedReportingOverflow(by: mapBytesPerFlight)
    let limit = physicalMemory / 2
    guard needed.overflow || needed.partialValue > limit else { return }
    let gigabytes = { (bytes: UInt64) in String(format: "%.1f GB", Double(bytes) / 1e9) }
    throw ValidationError(
      "--map-flights \(mapFlights) needs about \(gigabytes(needed.overflow ? .max : needed.partialValue)) for the map "
        + "layers, more than half of this machine's \(gigabytes(physicalMemory)); lower --map-flights (at most "
        + "\(limit / mapBytesPerFlight) here)")
  }

  /// Refuses `--flights` out of 1...10000000 and `--threads` below 1 (for `run` and `compare`'s `validate()`).
  static func validate(flights: Int, threads: Int?) throws {
    guard flights >= 1, flights <= 10_000_000 else { throw ValidationError("--flights must be in 1...10000000") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }
}
