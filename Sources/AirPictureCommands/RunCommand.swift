import ArgumentParser
import CoverageStudy
import Foundation
import GeoRaster
import Interdiction
import OutputFiles

/// `airpicture run`: the Monte Carlo of one interdiction scenario over every network configuration, interceptor and
/// basing, with tables, map layers, coverage maps and an HTML report.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Simulate suspect flights against a radar network and interceptor options (Monte Carlo).",
    discussion: """
      Writes to --out: comparison.csv/.json (per network x interceptor x basing: probabilities of detection, track and \
      interception with 95 % intervals, times from the border, flight hours and cost per interception, fleet within \
      the budget), flights.gpkg and flights.kml (tracks, detections, track segments, intercept points of the first \
      --map-flights flights), coverage/ (the network's coverage maps) and report.html. Same seed, same results.
      """)

  @Argument(help: "Interdiction scenario (YAML, see Scenarios/interdiction-*.yaml).")
  var scenario: String

  @Option(help: "Number of simulated flights.")
  var flights: Int = 1_000

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Output folder (default out/SCENARIO).")
  var out: String?

  @Option(help: "DEM (geographic) overriding the network scenario's.")
  var dem: String?

  @Option(help: "Worker threads (default: all cores).")
  var threads: Int?

  @Option(name: .customLong("map-flights"), help: "Flights drawn in the GeoPackage and KML layers.")
  var mapFlights: Int = 100

  @Flag(name: .customLong("no-coverage-maps"), help: "Skip the network's coverage maps.")
  var noCoverageMaps = false

  func run() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    guard mapFlights >= 0 else { throw CommandError("--map-flights must not be negative") }
    let scenario = try InterdictionRun.read(self.scenario)
    let output = try OutputFolder(
      out ?? "out/\(scenario.id)", option: "--out",
      inputs: [RunInput(option: "scenario", path: self.scenario)]
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? []))
    let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let reporter = ProgressReporter()
    do {
      let start = Date()
      let run = try InterdictionRun(
        scenario: scenario, dem: dem, flights: flights, seed: seed, threads: threads, mapFlights: mapFlights,
        reporter: reporter)
      print(
        "\(scenario.id): \(flights) flights, seed \(seed), \(run.monteCarlo.combinations.count) combinations, "
          + String(format: "%.1f s", Date().timeIntervalSince(start)) + "; DEM \(run.demPath)")
      print(run.table.text)
      let folder = output.staging as NSString
      try AtomicOutput.writeText(run.table.csv, to: folder.appendingPathComponent("comparison.csv"))
      try AtomicOutput.writeText(try run.table.json(), to: folder.appendingPathComponent("comparison.json"))
      let layers = SimulationLayers.layers(
        mappedFlights: run.mappedFlights, mappedRecords: run.mappedRecords,
        combinations: run.monteCarlo.combinations)
      try FeatureWriter.write(layers, driver: "GPKG", to: folder.appendingPathComponent("flights.gpkg"))
      try FeatureWriter.write(layers, driver: "KML", to: folder.appendingPathComponent("flights.kml"))
      var maps: [String] = []
      if !noCoverageMaps {
        let study = try CoverageStudy(
          scenario: scenario.network, dem: dem, outputDirectory: folder.appendingPathComponent("coverage"),
          threads: threads)
        _ = try study.run(progress: { reporter.report("coverage maps: \($0)", $1) }, warn: reporter.warn)
        reporter.finish()
        maps = scenario.network.networks.map { "coverage/\($0.id)--\(scenario.network.targets[0].id).png" }
      }
      try AtomicOutput.writeText(
        InterdictionReport.html(scenarios: [scenario], tables: [run.table], flights: flights, seed: seed, maps: maps),
        to: folder.appendingPathComponent("report.html"))
      if let note = try output.publish() { reporter.warn(note) }
      print(
        "wrote \(output.destination): comparison.csv/.json, flights.gpkg, flights.kml, report.html"
          + (maps.isEmpty ? "" : ", coverage/"))
    } catch {
      reporter.finish()
      output.discard()
      if let error = error as? GeoRasterError { throw CommandError(error.message) }
      throw error
    }
  }
}
