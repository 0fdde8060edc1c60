import ArgumentParser
import CoveragePipeline
import Foundation
import GeoRaster
import Interdiction
import OutputFiles

/// `airpicture compare`: several interdiction scenarios (say, today's radars and the planned ones), each over its
/// grid of network configuration × interceptor × basing, in one table and one report.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare interdiction scenarios over network x interceptor x basing in one table and report.",
    discussion: """
      Each scenario is an interdiction scenario (see `airpicture run --help`), run with the same flights and seed. \
      Writes comparison.csv/.json and report.html to --out.

      Examples:
        airpicture compare Scenarios/interdiction-2025.yaml \\
            Scenarios/interdiction-planned.yaml --flights 2000 --out out/compare
      """)

  @Argument(help: ArgumentHelp("Interdiction scenarios (YAML).", valueName: "scenario.yaml"))
  var scenarios: [String]

  @Option(help: ArgumentHelp("Number of simulated flights per scenario.", valueName: "n"))
  var flights: Int = 1_000

  @Option(help: ArgumentHelp("Random seed; the same seed gives the same results.", valueName: "n"))
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Output folder.", valueName: "folder"))
  var out: String = "out/compare"

  @Option(help: ArgumentHelp("DEM (geographic) overriding the network scenarios'.", valueName: "dem"))
  var dem: String?

  @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
  var threads: Int?

  /// Refuses counts out of range and a scenario given twice (under any path).
  func validate() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario") }
    var seen: [String: String] = [:]
    for path in scenarios {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      if let first = seen[key] {
        throw ValidationError("scenario '\(path)' is given twice (also as '\(first)'): compare distinct scenarios")
      }
      seen[key] = path
    }
  }

  func run() throws {
    let read = try scenarios.map(InterdictionRun.read)
    let leaflet = try LeafletAssets.load()
    let output = try OutputFolder(
      out, option: "--out",
      inputs: scenarios.map { RunInput(option: "scenario", path: $0) }
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? []))
    let reporter = ProgressReporter()
    do {
      var tables: [ComparisonTable] = []
      var dems: [String] = []
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      for scenario in read {
        let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
        let run = try InterdictionRun(
          scenario: scenario, fields: fields, flights: flights, seed: seed, threads: threads, reporter: reporter)
        print("\(scenario.id):\n\(run.table.text)")
        tables.append(run.table)
        dems.append(fields.demPath)
      }
      let folder = output.staging as NSString
      try AtomicOutput.writeText(
        ComparisonTable.csv(combining: tables), to: folder.appendingPathComponent("comparison.csv"))
      try AtomicOutput.writeText(
        try ComparisonTable.json(combining: tables), to: folder.appendingPathComponent("comparison.json"))
      try BriefingReport.write(
        studies: zip(read, tables).map { ReportStudy(scenario: $0, table: $1) }, scenarioPaths: scenarios, dems: dems,
        seed: seed, flights: flights, leaflet: leaflet, folder: output.staging)
      if let note = try output.publish() { reporter.warn(note) }
      print("wrote \(output.destination): comparison.csv/.json, report.html")
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }
}
