import ArgumentParser
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import OutputFiles

/// `airpicture compare`: several interdiction scenarios (say, today's radars and the planned ones), each over its
/// grid of network configuration × interceptor × basing, in one table and one report.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare interdiction scenarios over network x interceptor x basing in one table and report.",
    discussion: """
      Each scenario is an interdiction scenario (see `airpicture run --help`), run with the same flights and seed. \
      Writes comparison.csv/.json, coverage/<scenario-id>/ (each scenario's coverage maps) and report.html to --out; \
      the report's map holds every scenario's coverage and its first --map-flights flights with their outcomes.

      Examples:
        airpicture compare Scenarios/interdiction-2025.yaml \\
            Scenarios/interdiction-planned.yaml --flights 2000 --out out/compare
        airpicture compare Scenarios/interdiction-2025.yaml \\
            Scenarios/interdiction-planned.yaml --flights 200 \\
            --no-coverage-maps --out /tmp/quick

      On a cluster, `--shard I/N` simulates only shard I's run of whole simulated days of every scenario and writes \
      a shard folder; `airpicture merge` takes all N folders and writes the same files as the unsharded compare.
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

  @Option(
    help: ArgumentHelp(
      "Radar network (a coverage scenario, such as the network.yaml `airpicture plan` writes) replacing the one the "
        + "interdiction scenario names; the scenario's rules must name a classification time for each of its "
        + "configurations.", valueName: "network.yaml"))
  var network: String?

  @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
  var threads: Int?

  /// The same default as `run`'s: enough tracks to read the pattern, few enough to keep the report light.
  @Option(
    name: .customLong("map-flights"),
    help: ArgumentHelp("Flights per scenario drawn on the report's map (the first ones simulated).", valueName: "n"))
  var mapFlights: Int = 100

  @Flag(name: .customLong("no-coverage-maps"), help: "Skip the scenarios' coverage maps.")
  var noCoverageMaps = false

  @Option(
    help: ArgumentHelp(
      "Simulate only shard I of N of each scenario's simulated days (I from 1 to N) and write a shard folder for "
        + "`merge`; 'auto' takes I and N from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with "
        + "AIRPICTURE_SHARD_COUNT.", valueName: "I/N|auto"))
  var shard: String?

  /// Refuses counts out of range, map flights that would not fit in memory, and a scenario given twice (under any
  /// path).
  func validate() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    guard mapFlights >= 0 else { throw ValidationError("--map-flights must not be negative") }
    // Every scenario's mapped flights are held until the report is written: the check counts them all (by `run`'s
    // measure per flight, which also covers the GeoPackage and KML layers compare does not build, so it errs safe).
    do {
      try InterdictionRun.checkMapMemory(
        mapFlights: min(mapFlights, flights) * scenarios.count,
        physicalMemory: ProcessInfo.processInfo.physicalMemory)
    } catch let error as ValidationError where scenarios.count > 1 {
      throw ValidationError("\(scenarios.count) scenarios with " + error.message)
    }
    guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario") }
    var seen: [String: String] = [:]
    for path in scenarios {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      if let first = seen[key] {
        throw ValidationError("scenario '\(path)' is given twice (also as '\(first)'): compare distinct scenarios")
      }
      seen[key] = path
    }
    if let shard { _ = try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment) }
  }

  func run() throws { try execute() }

  /// Runs every scenario's Monte Carlo and writes the folder; with `--shard`, simulates its slice of days of each and
  /// writes a shard folder instead; given the checked shard folders of a compare (`airpicture merge`), takes the
  /// flights' records from them instead of simulating.
  func execute(shards: ShardSet? = nil) throws {
    let read = try scenarios.map { try InterdictionRun.read($0, network: network) }
    // Each scenario's coverage maps go to coverage/<scenario-id>: two scenarios with one id would overwrite each other.
    var paths: [String: String] = [:]
    for (scenario, path) in zip(read, scenarios) {
      if let first = paths[scenario.id] {
        throw CommandError("scenarios '\(first)' and '\(path)' share the id '\(scenario.id)': give each its own id")
      }
      paths[scenario.id] = path
    }
    if let shard {
      try writeShard(try ShardSelection(parsing: shard, environment: ProcessInfo.processInfo.environment), of: read)
      return
    }
    let leaflet = try LeafletAssets.load()
    let output = try OutputFolder(
      out, option: "--out",
      inputs: scenarios.map { RunInput(option: "scenario", path: $0) }
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? [])
        + (network.map { [RunInput(option: "--network", path: $0)] } ?? []))
    let reporter = ProgressReporter()
    do {
      var tables: [ComparisonTable] = []
      var studies: [ReportStudy] = []
      var dems: [String] = []
      let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
      let folder = output.staging as NSString
      for (number, scenario) in read.enumerated() {
        // As in `run`: one set of fields per scenario for its coverage maps and its simulation world, so none is
        // computed twice.
        let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
        let coverageFolder = "coverage/\(scenario.id)"
        if !noCoverageMaps {
          _ = try InterdictionRun.coverageMaps(
            of: scenario, fields: fields, into: folder.appendingPathComponent(coverageFolder),
            label: "\(scenario.id) coverage maps", reporter: reporter)
        }
        let run = try InterdictionRun(
          scenario: scenario, fields: fields, flights: flights, seed: seed, threads: threads, mapFlights: mapFlights,
          shards: shards, shardScenario: number + 1, reporter: reporter)
        print("\(scenario.id):\n\(run.table.text)")
        tables.append(run.table)
        studies.append(
          ReportStudy(
            scenario: scenario, table: run.table, mappedFlights: run.mappedFlights, mappedRecords: run.mappedRecords,
            coverageFolder: coverageFolder))
        dems.append(fields.demPath)
      }
      try AtomicOutput.writeText(
        ComparisonTable.csv(combining: tables), to: folder.appendingPathComponent("comparison.csv"))
      try AtomicOutput.writeText(
        try ComparisonTable.json(combining: tables), to: folder.appendingPathComponent("comparison.json"))
      try BriefingReport.write(
        studies: studies, scenarioPaths: scenarios, dems: dems,
        seed: seed, flights: flights, leaflet: leaflet, folder: output.staging)
      if let note = try output.publish() { reporter.warn(note) }
      print(
        "wrote \(output.destination): comparison.csv/.json, report.html" + (noCoverageMaps ? "" : ", coverage/"))
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }

  /// Simulates shard `selection`'s days of every scenario of `read` and writes the shard folder.
  private func writeShard(_ selection: ShardSelection, of read: [InterdictionScenario]) throws {
    let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let reporter = ProgressReporter()
    let simulations = try zip(scenarios, read).map { path, scenario -> RunShardData.Simulation in
      let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
      let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { reporter.report($0, $1) }
      return RunShardData.Simulation(
        path: path, scenario: scenario,
        monteCarlo: MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads),
        demPath: fields.demPath)
    }
    try RunShardData.write(
      job: RunShardData.compareJob, selection: selection, simulations: simulations, network: network,
      options: RunShardData.options(
        flights: flights, seed: seed, mapFlights: mapFlights, noCoverageMaps: noCoverageMaps, dem: dem,
        network: network), flights: flights,
      out: out == "out/compare" ? "out/compare-shard-\(selection.index)-of-\(selection.count)" : out,
      reporter: reporter)
  }
}
