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

  /// The run's input files, hashed: the interdiction scenario, its network (or `--network`'s), the network's radar
  /// types, regions and borders, the known strips and the DEM. A GDAL virtual path (`/vsicurl/…`) is recorded by its
  /// path.
  static func inputs(command: RunCommand, scenario: InterdictionScenario, demPath: String) throws
    -> [ShardManifest.Input]
  {
    var files: [(String, String)] = [("scenario", command.scenario)]
    if let network = command.network ?? PlanShardData.referencedPath("network", in: command.scenario) {
      files.append(("network", network))
      if let types = PlanShardData.referencedPath("radar_types", in: network) { files.append(("radar types", types)) }
    }
    if let regions = scenario.network.regionsFile { files.append(("regions", regions)) }
    if let borders = scenario.network.bordersFile { files.append(("borders", borders)) }
    if let strips = scenario.pattern.strips.knownStripsFile { files.append(("known strips", strips)) }
    files.append(("dem", demPath))
    return try files.map { role, path in
      path.hasPrefix("/vsi")
        ? ShardManifest.Input(role: role, remotePath: path) : try ShardManifest.Input(role: role, path: path)
    }
  }

  /// The options that change what a run writes (threads do not).
  static func options(command: RunCommand) -> [String: String] {
    [
      "flights": "\(command.flights)", "seed": "\(command.seed)", "map-flights": "\(command.mapFlights)",
      "coverage-maps": command.noCoverageMaps ? "off" : "on", "dem": command.dem == nil ? "scenario's" : "given",
      "network": command.network == nil ? "scenario's" : "given",
    ]
  }

  /// Simulates shard `selection`'s days of `run` and writes its folder: the records and the manifest.
  static func write(
    selection: ShardSelection, command: RunCommand, scenario: InterdictionScenario, monteCarlo: MonteCarlo,
    demPath: String, reporter: ProgressReporter
  ) throws {
    let out = command.out ?? "out/\(scenario.id)-shard-\(selection.index)-of-\(selection.count)"
    let days = monteCarlo.shardDays(flights: command.flights, index: selection.index, of: selection.count)
    var manifest = ShardManifest(
      job: job, selection: selection, version: AirPictureCommand.version,
      inputs: try inputs(command: command, scenario: scenario, demPath: demPath), options: options(command: command),
      items: monteCarlo.days.days(for: command.flights))
    try manifest.checkMayReplace(out, option: "--out")
    let output = try OutputFolder(
      out, option: "--out",
      inputs: [RunInput(option: "scenario", path: command.scenario), RunInput(option: "DEM", path: demPath)])
    do {
      let label = "\(scenario.id): shard \(selection), days \(days.lowerBound + 1)-\(days.upperBound)"
      let flights = monteCarlo.records(flights: command.flights, days: days) { reporter.report(label, $0) }
      reporter.finish()
      let first = monteCarlo.days.flights(on: days.lowerBound, count: command.flights).lowerBound
      let bytes = FlightRecordFile.encode(
        flights, firstFlight: first, combinations: monteCarlo.combinations.count)
      try manifest.addDataFile(dataFile, bytes: bytes, in: output.staging)
      try manifest.write(in: output.staging)
      if let note = try output.publish() { reporter.warn(note) }
      print(
        "wrote shard \(selection) of run \(scenario.id) (flights \(first + 1)-\(first + flights.count) of "
          + "\(command.flights), \(bytes.count) bytes of records) to \(out)")
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }

  /// The unsharded run's command rebuilt from the shards' manifest, writing to `out`.
  static func command(of shards: ShardSet, out: String, threads: Int?) throws -> RunCommand {
    let manifest = shards.manifests[0]
    func input(_ role: String) throws -> String {
      guard let path = manifest.inputs.first(where: { $0.role == role })?.path else {
        throw CommandError("merge: the shards' manifest names no \(role) file")
      }
      return path
    }
    let options = manifest.options
    guard let flights = options["flights"], let seed = options["seed"], let mapFlights = options["map-flights"] else {
      throw CommandError("merge: the shards' manifest lacks the run's flights, seed or map flights")
    }
    var arguments = [try input("scenario"), "--flights", flights, "--seed", seed, "--map-flights", mapFlights]
    if options["dem"] == "given" { arguments += ["--dem", try input("dem")] }
    if options["network"] == "given" { arguments += ["--network", try input("network")] }
    if options["coverage-maps"] == "off" { arguments.append("--no-coverage-maps") }
    arguments += ["--out", out] + (threads.map { ["--threads", "\($0)"] } ?? [])
    return try RunCommand.parse(arguments)
  }

  /// The summary of the shards' records, in flight order, with the mapped flights simulated again; each shard checked
  /// to hold exactly its days' flights.
  static func summary(
    of shards: ShardSet, monteCarlo: MonteCarlo, flights: Int, mapFlights: Int, demPath: String
  ) throws -> MonteCarloSummary {
    let recorded = shards.manifests[0].inputs.first { $0.role == "dem" }?.path
    let resolved = demPath.hasPrefix("/vsi") ? demPath : URL(fileURLWithPath: demPath).standardizedFileURL.path
    guard recorded == resolved else {
      throw CommandError(
        "merge: the run resolves its DEM to '\(demPath)' here, the shards read '\(recorded ?? "?")'; merge where "
          + "the shards' DEM is found")
    }
    guard shards.manifests[0].items == monteCarlo.days.days(for: flights) else {
      throw CommandError("merge: the shards split \(shards.manifests[0].items) days, the run has another number")
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
