import ArgumentParser
import CoveragePipeline
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
      the budget), flights.gpkg and flights.kml (the first --map-flights flights in time and 3D: tracks, detections, \
      track segments, intercept points and each flight's outcome per combination, with radar sites, bases and \
      combat-radius rings, origin and strip areas), coverage/ (the network's coverage maps) and report.html. Same \
      seed, same results.

      The scenario is an interdiction scenario: it names a coverage scenario as its radar network (network:) and adds \
      the suspect aircraft, interceptors and basings. A coverage scenario is refused; run `airpicture coverage` on it.

      Examples:
        airpicture run Scenarios/interdiction-2025.yaml --flights 2000 --seed 1 \\
            --out out/interdiction-2025
        airpicture run Scenarios/interdiction-2025.yaml --flights 200 \\
            --no-coverage-maps --out /tmp/quick
      """)

  @Argument(
    help: ArgumentHelp("Interdiction scenario (YAML, see Scenarios/interdiction-*.yaml).", valueName: "scenario.yaml"))
  var scenario: String

  @Option(help: ArgumentHelp("Number of simulated flights.", valueName: "n"))
  var flights: Int = 1_000

  @Option(help: ArgumentHelp("Random seed; the same seed gives the same results.", valueName: "n"))
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Output folder (default out/SCENARIO).", valueName: "folder"))
  var out: String?

  @Option(help: ArgumentHelp("DEM (geographic) overriding the network scenario's.", valueName: "dem"))
  var dem: String?

  @Option(
    help: ArgumentHelp(
      "Radar network (a coverage scenario, such as the network.yaml `airpicture plan` writes) replacing the one the "
        + "interdiction scenario names; the scenario's rules must name a classification time for each of its "
        + "configurations.", valueName: "network.yaml"))
  var network: String?

  @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
  var threads: Int?

  @Option(
    name: .customLong("map-flights"),
    help: ArgumentHelp("Flights drawn in the GeoPackage and KML layers (the first ones simulated).", valueName: "n"))
  var mapFlights: Int = 100

  @Flag(name: .customLong("no-coverage-maps"), help: "Skip the network's coverage maps.")
  var noCoverageMaps = false

  func validate() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    guard mapFlights >= 0 else { throw ValidationError("--map-flights must not be negative") }
    try InterdictionRun.checkMapMemory(
      mapFlights: min(mapFlights, flights), physicalMemory: ProcessInfo.processInfo.physicalMemory)
  }

  func run() throws {
    let scenario = try InterdictionRun.read(self.scenario, network: network)
    let leaflet = try LeafletAssets.load()
    let output = try OutputFolder(
      out ?? "out/\(scenario.id)", option: "--out",
      inputs: [RunInput(option: "scenario", path: self.scenario)]
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? [])
        + (network.map { [RunInput(option: "--network", path: $0)] } ?? []))
    let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let reporter = ProgressReporter()
    do {
      let start = Date()
      let folder = output.staging as NSString
      // One set of fields for the coverage maps and the simulation world: the study runs first and hands the world
      // every field they share (each radar at its instrumented range), so none is computed twice.
      let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
      // Maps say so when the scenario's real DEM is missing and the coarse fallback stands in.
      let coarseTerrain = fields.demChoice?.isFallback ?? false
      var coverageMaps: [CoverageMapBackground] = []
      if !noCoverageMaps {
        coverageMaps = try InterdictionRun.coverageMaps(
          of: scenario, fields: fields, into: folder.appendingPathComponent("coverage"), label: "coverage maps",
          reporter: reporter)
      }
      let run = try InterdictionRun(
        scenario: scenario, fields: fields, flights: flights, seed: seed, threads: threads, mapFlights: mapFlights,
        reporter: reporter)
      print(
        "\(scenario.id): \(flights) flights, seed \(seed), \(run.monteCarlo.combinations.count) combinations, "
          + String(format: "%.1f s", Date().timeIntervalSince(start)) + "; DEM \(fields.demPath); "
          + "\(fields.kernelRuns) line-of-sight fields computed")
      print(run.table.text)
      try AtomicOutput.writeText(run.table.csv, to: folder.appendingPathComponent("comparison.csv"))
      try AtomicOutput.writeText(try run.table.json(), to: folder.appendingPathComponent("comparison.json"))
      let layers = SimulationLayers.files(
        monteCarlo: run.monteCarlo, mappedFlights: run.mappedFlights, mappedRecords: run.mappedRecords)
      try FeatureWriter.write(layers.geoPackage, driver: "GPKG", to: folder.appendingPathComponent("flights.gpkg"))
      try FeatureWriter.write(
        layers.kml, driver: "LIBKML", to: folder.appendingPathComponent("flights.kml"), styles: layers.kmlStyles)
      try InterdictionMap(
        scenario: scenario, coverageMaps: coverageMaps, combinations: run.monteCarlo.combinations,
        flights: run.mappedFlights, records: run.mappedRecords, earthRadius: fields.earth.radius,
        coarseTerrain: coarseTerrain
      )?.write(to: folder.appendingPathComponent("interdiction-map.png"))
      try BriefingReport.write(
        studies: [
          ReportStudy(
            scenario: scenario, table: run.table, mappedFlights: run.mappedFlights, mappedRecords: run.mappedRecords)
        ], scenarioPaths: [self.scenario], dems: [fields.demPath], seed: seed, flights: flights, leaflet: leaflet,
        folder: output.staging)
      if let note = try output.publish() { reporter.warn(note) }
      print(
        "wrote \(output.destination): comparison.csv/.json, flights.gpkg, flights.kml, report.html"
          + (noCoverageMaps ? "" : ", coverage/, interdiction-map.png"))
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }
}
