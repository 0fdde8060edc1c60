import CoverageKernel
import CoveragePipeline
import Interdiction
import ScenarioFiles
import SitePlanning

/// The simulated suspect flights of a plan's flight objective: the interdiction scenario's world built on the plan's
/// DEM as `airpicture run` builds it (its network's fields, the routes its traffickers plan around the radars they
/// know of), then flights 0 ..< count drawn from the seed exactly as the Monte Carlo draws them, kept as their
/// airborne samples.
enum SitingPlanFlights {
  static func flights(
    _ entry: SitingPlanFile.Flights, dem: String, threads: Int, reporter: ProgressReporter
  ) throws -> [PlanningFlight] {
    let scenario = entry.scenario
    let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
    let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { reporter.report($0, $1) }
    let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: entry.seed))
    let count = Int(entry.count.value)
    var flights = [PlanningFlight?](repeating: nil, count: count)
    flights.withUnsafeMutableBufferPointer { slots in
      let output = slots
      ParallelWork.forEachChunk(count: count, threads: threads, chunkSize: 8) { chunk in
        for index in chunk {
          let path = generator.flight(index)
          output[index] = PlanningFlight(
            samples: path.samples.filter(\.airborne).map {
              PlanningFlight.Sample(latitude: $0.latitude, longitude: $0.longitude, altitude: $0.altitude)
            })
        }
      }
    }
    reporter.finish()
    return flights.map { $0! }
  }
}
