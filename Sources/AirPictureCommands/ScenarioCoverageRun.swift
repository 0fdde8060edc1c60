import CoveragePipeline
import CoverageStudy
import Foundation
import OutputFiles
import RadarModels
import ScenarioFiles

/// `airpicture coverage SCENARIO.yaml --out DIR`: a whole coverage study, written into a temporary folder beside
/// DIR and moved into place only when every file is complete.
struct ScenarioCoverageRun {
  let command: CoverageCommand
  let scenarioPath: String

  func execute() throws {
    let scenario = try Self.read(scenarioPath)
    let out = command.out ?? "out/\(scenario.id)"
    let output = try OutputFolder(out, option: "--out", inputs: inputs(of: scenario))
    let reporter = ProgressReporter()
    do {
      let fields = try CoverageFields(
        scenario: scenario, dem: command.dem, threads: command.threads ?? ProcessInfo.processInfo.activeProcessorCount,
        warn: reporter.warn)
      var study = try CoverageStudy(
        scenario: scenario, fields: fields, outputDirectory: output.staging,
        rasterFiles: CoverageRasterFiles(cloudOptimised: command.cog))
      study.mapsMarkCoarseTerrain = fields.demChoice?.isFallback ?? false
      print(
        "scenario \(scenario.id): \(scenario.radars.count) radars, \(scenario.targets.count) targets, "
          + "\(scenario.networks.count) network configurations; DEM \(study.demPath)")
      let result = try study.run { label, fraction in reporter.report(label, fraction) }
      reporter.finish()
      if let note = try output.publish() { reporter.warn(note) }
      let region = result.table.rows.first?.region ?? ""
      print(result.table.summary(region: region))
      print(
        "wrote \(result.files.count) files to \(out): coverage-table.csv/.json, coverage.kml, "
          + "coverage-polygons.kml/.gpkg, per configuration and target a GeoTIFF (and one with the voice relay) with "
          + "its QGIS style (.qml), PNG maps (at the map altitude and each flight level) and a Google Earth overlay "
          + "(.kmz), per-radar GeoTIFFs, "
          + "\(RunManifest.fileName)")
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }
}

extension ScenarioCoverageRun {
  /// Reads the coverage scenario at `path`; an interdiction scenario is refused with what to do instead.
  static func read(_ path: String) throws -> Scenario {
    do {
      return try ScenarioReader.read(contentsOf: path)
    } catch let mismatch as ScenarioKindMismatch where mismatch.file == path && mismatch.found == .interdiction {
      throw CommandError(
        "'\(path)' is an interdiction scenario; run `airpicture run \(path)` (or `airpicture compare`) on it, or "
          + "give a coverage scenario (one with `sites:` and `networks:`, as Scenarios/peru-2025.yaml has)")
    }
  }

  /// The files the study reads, which its output folder must not hold.
  func inputs(of scenario: Scenario) -> [RunInput] {
    [RunInput(option: "scenario", path: scenarioPath)]
      + (command.dem.map { [RunInput(option: "--dem", path: $0)] }
        ?? scenario.demCandidates.map { RunInput(option: "DEM", path: $0) })
      + [scenario.regionsFile, scenario.bordersFile].compactMap { $0 }.map { RunInput(option: "regions", path: $0) }
  }
}
