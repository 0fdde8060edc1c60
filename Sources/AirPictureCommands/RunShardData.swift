import CoveragePipeline
import Foundation
import Interdiction
import InterdictionModels
import OutputFiles

/// A shard of `airpicture run --shard I/N`: its `shard.json` (job `run`, the hashes of the interdiction scenario, its
/// network, radar types, regions, borders, known strips and DEM, and the options that change results) and
/// `records.bin` (every record of the flights of its days, see `FlightRecordFile`), and how `merge` reads them back.
/// Shard I takes the I-th of N contiguous runs of whole simulated days.
enum RunShardData {
  /// The job kind in the manifest.
  static let job = "run"
  /// The data file in a run shard's folder.
  static let dataFile = "records.bin"

  /// The job kind of `compare --shard` in the manifest.
  static let compareJob = "compare"

  /// The data file of the `number`-th (from 1) scenario of a compare shard; a run shard's is `records.bin`.
  static func compareDataFile(_ number: Int) -> String { "records-\(number).bin" }

  /// One scenario of a sharded run or compare, ready to simulate: its path as given, what was read from it, its
  /// Monte Carlo and the DEM its fields read.
  struct Simulation {
    var path: String
    var scenario: InterdictionScenario
    var monteCarlo: MonteCarlo
    var demPath: String
  }

  /// A scenario's input files, hashed, under roles starting with `prefix`: the interdiction scenario, its network (or
  /// `--network`'s), the network's radar types, regions and borders, the known strips and the DEM. A GDAL virtual
  /// path (`/vsicurl/…`) is recorded by its path.
  static func inputs(of simulation: Simulation, network override: String?, prefix: String = "") throws
    -> [ShardManifest.Input]
  {
    let scenario = simulation.scenario
    var files: [(String, String)] = [("scenario", simulation.path)]
    if let network = override ?? PlanShardData.referencedPath("network", in: simulation.path) {
      files.append(("network", network))
      if let types = PlanShardData.referencedPath("radar_types", in: network) { files.append(("radar types", types)) }
    }
    if let regions = scenario.network.regionsFile { files.append(("regions", regions)) }
    if let borders = scenario.network.bordersFile { files.append(("borders", borders)) }
    if let strips = scenario.pattern.strips.knownStripsFile { files.append(("known strips", strips)) }
    files.append(("dem", simulation.demPath))
    return try files.map { role, path in
      path.hasPrefix("/vsi")
        ? ShardManifest.Input(role: prefix + role, remotePath: path)
        : try ShardManifest.Input(role: prefix + role, path: path)
    }
  }

  /// The options that change what a run or compare writes (threads do not).
  static func options(
    flights: Int, seed: UInt64, mapFlights: Int, noCoverageMaps: Bool, dem: String?, network: String?
  ) -> [String: String] {
    [
      "flights": "\(flights)", "seed": "\(seed)", "map-flights": "\(mapFlights)",
      "coverage-maps": noCoverageMaps ? "off" : "on", "dem": dem == nil ? "scenario's" : "given",
      "network": network == nil ? "scenario's" : "given",
    ]
  }

  /// Simulates shard `selection`'s days of every scenario of `simulations` and writes its folder `out`: each
  /// scenario's records (`records.bin` for a run, `records-K.bin` for a compare's K-th scenario) and the manifest.
  static func write(
    job: String, selection: ShardSelection, simulations: [Simulation], network: String?, options: [String: String],
    flights count: Int, out: String, reporter: ProgressReporter
  ) throws {
    var inputs: [ShardManifest.Input] = []
    for (number, simulation) in simulations.enumerated() {
      inputs += try Self.inputs(
        of: simulation, network: network, prefix: job == Self.job ? "" : "scenario \(number + 1) ")
    }
    var manifest = ShardManifest(
      job: job, selection: selection, version: AirPictureCommand.version, inputs: inputs,
      options: options.merging(["scenarios": "\(simulations.count)"]) { $1 },
      items: simulations.reduce(0) { $0 + $1.monteCarlo.days.days(for: count) })
    try manifest.checkMayReplace(out, option: "--out")
    let output = try OutputFolder(
      out, option: "--out",
      inputs: simulations.flatMap {
        [RunInput(option: "scenario", path: $0.path), RunInput(option: "DEM", path: $0.demPath)]
      })
    do {
      var written: [String] = []
      for (number, simulation) in simulations.enumerated() {
        let monteCarlo = simulation.monteCarlo
        let days = monteCarlo.shardDays(flights: count, index: selection.index, of: selection.count)
        let label = "\(simulation.scenario.id): shard \(selection), days \(days.lowerBound + 1)-\(days.upperBound)"
        let flights = monteCarlo.records(flights: count, days: days) { reporter.report(label, $0) }
        reporter.finish()
        let first = monteCarlo.days.flights(on: days.lowerBound, count: count).lowerBound
        let bytes = FlightRecordFile.encode(flights, firstFlight: first, combinations: monteCarlo.combinations.count)
        try manifest.addDataFile(
          job == Self.job ? dataFile : compareDataFile(number + 1), bytes: bytes, in: output.staging)
        written.append(
          "\(simulation.scenario.id): flights \(first + 1)-\(first + flights.count) of \(count), \(bytes.count) bytes")
      }
      try manifest.write(in: output.staging)
      if let note = try output.publish() { reporter.warn(note) }
      print("wrote shard \(selection) of \(job) (\(written.joined(separator: "; "))) to \(out)")
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }

  /// The arguments for `run` or `compare` that every sharded job shares, rebuilt from the manifest's options.
  static func sharedArguments(of manifest: ShardManifest, prefix: String) throws -> [String] {
    let options = manifest.options
    guard let flights = options["flights"], let seed = options["seed"], let mapFlights = options["map-flights"] else {
      throw CommandError("merge: the shards' manifest lacks the flights, seed or map flights")
    }
    func input(_ role: String) throws -> String {
      guard let path = manifest.inputs.first(where: { $0.role == prefix + role })?.path else {
        throw CommandError("merge: the shards' manifest names no \(prefix + role) file")
      }
      return path
    }
    var arguments = ["--flights", flights, "--seed", seed, "--map-flights", mapFlights]
    if options["dem"] == "given" { arguments += ["--dem", try input("dem")] }
    if options["network"] == "given" { arguments += ["--network", try input("network")] }
    if options["coverage-maps"] == "off" { arguments.append("--no-coverage-maps") }
    return arguments
  }

  /// The unsharded compare's command rebuilt from the shards' manifest, writing to `out`.
  static func compareCommand(of shards: ShardSet, out: String, threads: Int?) throws -> CompareCommand {
    let manifest = shards.manifests[0]
    guard let count = manifest.options["scenarios"].flatMap(Int.init), count >= 1 else {
      throw CommandError("merge: the shards' manifest does not say how many scenarios they compare")
    }
    let paths = try (1...count).map { number in
      guard let path = manifest.inputs.first(where: { $0.role == "scenario \(number) scenario" })?.path else {
        throw CommandError("merge: the shards' manifest names no scenario \(number)")
      }
      return path
    }
    return try CompareCommand.parse(
      paths + (try sharedArguments(of: manifest, prefix: "scenario 1 ")) + ["--out", out]
        + (threads.map { ["--threads", "\($0)"] } ?? []))
  }

  /// The unsharded run's command rebuilt from the shards' manifest, writing to `out`.
  static func command(of shards: ShardSet, out: String, threads: Int?) throws -> RunCommand {
    let manifest = shards.manifests[0]
    guard let scenario = manifest.inputs.first(where: { $0.role == "scenario" })?.path else {
      throw CommandError("merge: the shards' manifest names no scenario file")
    }
    return try RunCommand.parse(
      [scenario] + (try sharedArguments(of: manifest, prefix: "")) + ["--out", out]
        + (threads.map { ["--threads", "\($0)"] } ?? []))
  }

  /// The summary of the shards' records, in flight order, with the mapped flights simulated again; each shard checked
  /// to hold exactly its days' flights.
  static func summary(
    of shards: ShardSet, scenario number: Int, monteCarlo: MonteCarlo, flights: Int, mapFlights: Int, demPath: String
  ) throws -> MonteCarloSummary {
    let compare = shards.job == compareJob
    let dataFile = compare ? compareDataFile(number) : Self.dataFile
    let recorded = shards.manifests[0].inputs.first { $0.role == (compare ? "scenario \(number) dem" : "dem") }?.path
    let resolved = demPath.hasPrefix("/vsi") ? demPath : URL(fileURLWithPath: demPath).standardizedFileURL.path
    guard recorded == resolved else {
      throw CommandError(
        "merge: the run resolves its DEM to '\(demPath)' here, the shards read '\(recorded ?? "?")'; merge where "
          + "the shards' DEM is found")
    }
    let combinations = monteCarlo.combinations.count
    let maps = monteCarlo.mappedFlights(mapFlights, of: flights)
    return try monteCarlo.summarize(maps: maps) { consume in
      for (folder, manifest) in zip(shards.folders, shards.manifests) {
        let bytes = try manifest.readDataFile(dataFile, in: folder)
        let decoded: (firstFlight: Int, flights: [[FlightRecord]])
        do {
          decoded = try FlightRecordFile.decode(bytes, combinations: combinations)
        } catch {
          throw CommandError("merge: '\(folder)/\(dataFile)': \(error)")
        }
        let days = monteCarlo.shardDays(flights: flights, index: manifest.shard, of: manifest.shardCount)
        let first = monteCarlo.days.flights(on: days.lowerBound, count: flights).lowerBound
        let end = monteCarlo.days.flights(on: days.upperBound, count: flights).lowerBound
        guard decoded.firstFlight == first, decoded.flights.count == end - first else {
          throw CommandError(
            "merge: '\(folder)' does not hold the flights of shard \(manifest.shard)/\(manifest.shardCount)")
        }
        for records in decoded.flights { consume(records) }
      }
    }
  }
}
