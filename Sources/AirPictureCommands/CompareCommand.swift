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
    abstract: "Compare interdiction scenarios over network x interceptor x basing in one table and report.")

  @Argument(help: "Interdiction scenarios (YAML).")
  var scenarios: [String]

  @Option(help: "Number of simulated flights per scenario.")
  var flights: Int = 1_000

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Output folder.")
  var out: String = "out/compare"

  @Option(help: "DEM (geographic) overriding the network scenarios'.")
  var dem: String?

  @Option(help: "Worker threads (default: all cores).")
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
    let output = try OutputFolder(
      out, option: "--out",
      inputs: scenarios.map { RunInput(option: "scenario", path: $0) }
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? []))
    let reporter = ProgressReporter()
    do {
      var tables: [ComparisonTable] = []
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      for scenario in read {
        let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
        let run = try InterdictionRun(
          scenario: scenario, fields: fields, flights: flights, seed: seed, threads: threads, reporter: reporter)
        print("\(scenario.id):\n\(run.table.text)")
        tables.append(run.table)
      }
      let folder = output.staging as NSString
      try AtomicOutput.writeText(
        ComparisonTable.csv(combining: tables), to: folder.appendingPathComponent("comparison.csv"))
      try AtomicOutput.writeText(
        try ComparisonTable.json(combining: tables), to: folder.appendingPathComponent("comparison.json"))
      try AtomicOutput.writeText(
        InterdictionReport.html(scenarios: read, tables: tables, flights: flights, seed: seed, maps: []),
        to: folder.appendingPathComponent("report.html"))
      if let note = try output.publish() { reporter.warn(note) }
      print("wrote \(output.destination): comparison.csv/.json, report.html")
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }
}
