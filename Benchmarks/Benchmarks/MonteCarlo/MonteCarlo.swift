import Benchmark
import CoveragePipeline
import Foundation
import Interdiction
import ScenarioFiles

/// The scenario runner's regression benchmark: 10,000 suspect flights across every combination of network
/// configuration, interceptor and basing of `Scenarios/interdiction-2025.yaml` (32), on all cores. The world (terrain,
/// radar line-of-sight fields) is built once, outside the measurement, on the 30" composite when it is there. The run is
/// the commands' streamed one (`summarize`: tallies as flights complete, no records kept).
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(60),
    maxIterations: 3)
  let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  guard
    let scenario = try? InterdictionScenarioReader.read(
      contentsOf: repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path),
    let fields = try? CoverageFields(
      scenario: scenario.network, dem: nil, threads: ProcessInfo.processInfo.activeProcessorCount),
    let world = try? SimulationWorldBuilder.build(scenario: scenario, fields: fields)
  else { return }
  let monteCarlo = MonteCarlo(
    scenario: scenario, world: world, seed: 1, threads: ProcessInfo.processInfo.activeProcessorCount)
  Benchmark("10,000 flights x \(monteCarlo.combinations.count) combinations, interdiction-2025") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(monteCarlo.summarize(flights: 10_000).combinations.count)
    }
  }
}
