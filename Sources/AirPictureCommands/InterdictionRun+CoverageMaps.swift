import CoveragePipeline
import CoverageStudy
import InterdictionModels

extension InterdictionRun {
  /// The network's coverage study of `scenario` into `folder`, run before the simulation world so that the world
  /// takes every field they share from `fields` (each radar at its instrumented range) instead of computing it again.
  /// Maps say so when the scenario's real DEM is missing and the coarse fallback stands in. Returns the maps the
  /// interdiction map draws over.
  static func coverageMaps(
    of scenario: InterdictionScenario, fields: CoverageFields, into folder: String, label: String,
    reporter: ProgressReporter
  ) throws -> [CoverageMapBackground] {
    try SimulationWorldBuilder.reserveFields(of: scenario, in: fields)
    var study = try CoverageStudy(scenario: scenario.network, fields: fields, outputDirectory: folder)
    study.mapsMarkCoarseTerrain = fields.demChoice?.isFallback ?? false
    let maps = try study.run { reporter.report("\(label): \($0)", $1) }.maps
    reporter.finish()
    return maps
  }
}
