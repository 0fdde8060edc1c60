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

      On a cluster, `--shard I/N` simulates only shard I's run of whole simulated days and writes a shard folder \
      (shard.json and the flights' records); `airpicture merge` takes all N folders and writes the same files as \
      the unsharded run:
        airpicture run Scenarios/interdiction-2025.yaml --flights 4000 --shard 1/2 --out shards/1
        airpicture run Scenarios/interdiction-2025.yaml --flights 4000 --shard 2/2 --out shards/2
        airpicture merge shards/1 shards/2 --out out/interdiction-2025
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

  @Option(
    help: ArgumentHelp(
      "Simulate only shard I of N of the simulated days (I from 1 to N) and write a shard folder for `merge`; 'auto' "
        + "takes I and N from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with AIRPICTURE_SHARD_COUNT.",
      valueName: "I/N|auto"))
  var shard: String?

  func validate() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    guard mapFlights >= 0 else { throw ValidationError("--map-flights must not be negative") }
    try InterdictionRun.checkMapMemory(
      mapFlights: min(mapFlights, flights), physicalMemory: ProcessInfo.processInfo.physicalMemory)
    if let shard { _ = try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment) }
  }

  func run() throws { try execute() }

  /// Runs the Monte Carlo and writes the folder; with `--shard`, simulates its slice of days and writes a shard
  /// folder instead; given the checked shard folders of a run (`airpicture merge`), takes the flights' records from
  /// them instead of simulating.
  func execute(shards: ShardSet? = nil) throws {
    let scenario = try InterdictionRun.read(self.scenario, network: network)
    if let shard {
      let selection = try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment)
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      let reporter = ProgressReporter()
      let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
      let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { reporter.report($0, $1) }
      let monteCarlo = MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads)
      try RunShardData.write(
        job: RunShardData.job, selection: selection,
        simulations: [
          RunShardData.Simulation(
            path: self.scenario, scenario: scenario, monteCarlo: monteCarlo, demPath: fields.demPath)
        ], network: network,
        options: RunShardData.options(
          flights: flights, seed: seed, mapFlights: mapFlights, noCoverageMaps: noCoverageMaps, dem: dem,
          network: network), flights: flights,
        out: out ?? "out/\(scenario.id)-shard-\(selection.index)-of-\(selection.count)", reporter: reporter)
      return
    }
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
        shards: shards, reporter: reporter)
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
