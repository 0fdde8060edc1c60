import CoverageStudy
import Foundation
import GeoRaster
import Interdiction
import ScenarioFiles

/// What `run` and `compare` share: reading an interdiction scenario, building its world, running the Monte Carlo.
struct InterdictionRun {
  let scenario: InterdictionScenario
  let monteCarlo: MonteCarlo
  let results: [MonteCarlo.Combination: [FlightRecord]]
  let table: ComparisonTable
  let demPath: String

  /// Reads `path`; throws a one-line error naming the file, line and field when it is bad.
  static func read(_ path: String) throws -> InterdictionScenario {
    do {
      return try InterdictionScenarioReader.read(contentsOf: path)
    } catch let error as ScenarioFileError {
      throw CommandError(error.description)
    }
  }

  /// Builds the world and runs `flights` flights with `seed` on `threads` threads.
  init(
    scenario: InterdictionScenario, dem: String?, flights: Int, seed: UInt64, threads: Int, reporter: ProgressReporter
  )
    throws
  {
    self.scenario = scenario
    do {
      let built = try SimulationWorldBuilder.build(scenario: scenario, dem: dem, threads: threads) { label, fraction in
        reporter.report(label, fraction)
      }
      demPath = built.demPath
      monteCarlo = MonteCarlo(scenario: scenario, world: built.world, seed: seed, threads: threads)
    } catch let error as GeoRasterError {
      reporter.finish()
      throw CommandError(error.message)
    }
    let label = "\(scenario.id): \(flights) flights x \(monteCarlo.combinations.count) combinations"
    results = monteCarlo.run(flights: flights) { reporter.report(label, $0) }
    reporter.finish()
    table = ComparisonTable(scenario: scenario, seed: seed, results: results, order: monteCarlo.combinations)
  }

  static func validate(flights: Int, threads: Int?) throws {
    guard flights >= 1, flights <= 10_000_000 else { throw CommandError("--flights must be in 1...10000000") }
    if let threads, threads < 1 { throw CommandError("--threads must be at least 1") }
  }
}
