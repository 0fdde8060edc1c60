import CoverageStudy
import Foundation
import GeoRaster
import RadarModels
import ScenarioFiles

/// `airpicture coverage SCENARIO.yaml --out DIR`: a whole coverage study, written into a temporary folder beside
/// DIR and moved into place only when every file is complete.
struct ScenarioCoverageRun {
  let command: CoverageCommand
  let scenarioPath: String

  func execute() throws {
    let siteOptions: [(String, Bool)] = [
      ("--site", !command.site.isEmpty), ("--png", command.png != nil), ("--per-radar", command.perRadar != nil),
      ("--summary-csv", command.summaryCSV != nil), ("--summary-json", command.summaryJSON != nil),
      ("--sector", command.sector != nil),
    ]
    if let option = siteOptions.first(where: { $0.1 }) {
      throw CommandError("\(option.0) does not apply to a scenario run (the scenario defines the radars and outputs)")
    }
    if let threads = command.threads, threads < 1 { throw CommandError("--threads must be at least 1") }
    let scenario: Scenario
    do {
      scenario = try ScenarioReader.read(contentsOf: scenarioPath)
    } catch let error as ScenarioFileError {
      throw CommandError(error.description)
    }
    let out = command.out ?? "out/\(scenario.id)"
    let parent = (out as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw CommandError("output directory '\(parent)' does not exist") }
    let staging = (parent.isEmpty ? "." : parent) + "/.\((out as NSString).lastPathComponent).partial-\(getpid())"
    let reporter = ProgressReporter()
    do {
      let study = try CoverageStudy(
        scenario: scenario, dem: command.dem, outputDirectory: staging,
        threads: command.threads ?? ProcessInfo.processInfo.activeProcessorCount)
      print(
        "scenario \(scenario.id): \(scenario.radars.count) radars, \(scenario.targets.count) targets, "
          + "\(scenario.networks.count) network configurations; DEM \(study.demPath)")
      let result = try study.run { label, fraction in reporter.report(label, fraction) }
      reporter.finish()
      try publish(staging, as: out)
      let region = result.table.rows.first?.region ?? ""
      print(result.table.summary(region: region))
      print(
        "wrote \(result.files.count) files to \(out): coverage-table.csv/.json, coverage.kml, one GeoTIFF and one "
          + "PNG per configuration and target, per-radar GeoTIFFs")
    } catch {
      reporter.finish()
      try? FileManager.default.removeItem(atPath: staging)
      if let error = error as? GeoRasterError { throw CommandError(error.message) }
      throw error
    }
  }

  /// Moves the staged folder to `out`, or its entries into `out` when that folder already exists.
  private func publish(_ staging: String, as out: String) throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: out) else {
      try manager.moveItem(atPath: staging, toPath: out)
      return
    }
    for name in try manager.contentsOfDirectory(atPath: staging) {
      let target = (out as NSString).appendingPathComponent(name)
      if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
      try manager.moveItem(atPath: (staging as NSString).appendingPathComponent(name), toPath: target)
    }
    try manager.removeItem(atPath: staging)
  }
}
