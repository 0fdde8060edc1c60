import CoverageKernel
import Foundation
import OutputFiles

/// A shard of `airpicture coverage --dem DEM --site ... --shard I/N --out SHARD_DIR`: its `shard.json` (job
/// `coverage`, the DEM's hash, the run's arguments, the radar count) and `network-shard.bin` (see
/// `NetworkShardFile`), and how `merge` combines the shards into the files the unsharded run writes.
///
/// The contract: a shard computes the fields of its radars (of the `--site` list, round robin: shard I takes
/// sites I, I+N, …) on the whole network grid. `merge SHARD_DIR... --out DIR` writes into DIR what the unsharded
/// `coverage` run writes with `--out DIR/coverage.tif` and each of `--png`, `--summary-csv`, `--summary-json`,
/// `--kmz` given as `DIR/NAME`, where NAME is the file name the shards were given for it (a shard keeps only the
/// name). `--per-radar` does not shard.
enum CoverageShardData {
  /// The job kind in the manifest.
  static let job = "coverage"
  /// The data file in a coverage shard's folder.
  static let dataFile = "network-shard.bin"
  /// The network GeoTIFF's name in the merged folder.
  static let rasterName = "coverage.tif"
  /// The output options a shard records by file name; merge writes them into its folder.
  static let outputOptions: Set<String> = ["--png", "--summary-csv", "--summary-json", "--kmz"]
  /// The options a shard leaves out of its recorded arguments: they change no result.
  static let droppedOptions: Set<String> = ["--shard", "--out", "--threads"]

  /// The `coverage` arguments of this process as the shard records them: without `--shard`, `--out` and
  /// `--threads`, each output option's value cut to its file name. Nil when this process did not run `coverage`.
  static func recordedArguments(_ commandLine: [String] = CommandLine.arguments) -> [String]? {
    guard let start = commandLine.firstIndex(of: CoverageCommand.configuration.commandName!) else { return nil }
    var recorded: [String] = []
    var rest = commandLine[(start + 1)...].makeIterator()
    while let argument = rest.next() {
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      let inline = argument.contains("=") && argument.hasPrefix("--")
      if droppedOptions.contains(name) {
        if !inline { _ = rest.next() }
      } else if outputOptions.contains(name) {
        let value = inline ? String(argument.dropFirst(name.count + 1)) : (rest.next() ?? "")
        recorded += [name, URL(fileURLWithPath: value).lastPathComponent]
      } else {
        recorded.append(argument)
      }
    }
    return recorded
  }

  /// Writes shard `selection`'s folder `out`: the part of the network its radars see, and the manifest.
  static func write(
    _ shard: NetworkShard, selection: ShardSelection, radarCount: Int, slice: [Int], arguments: [String], dem: String,
    out: String
  ) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var manifest = ShardManifest(
      job: job, selection: selection, version: AirPictureCommand.version,
      inputs: [
        dem.hasPrefix("/vsi")
          ? ShardManifest.Input(role: "dem", remotePath: dem) : try ShardManifest.Input(role: "dem", path: dem)
      ],
      options: ["arguments": String(decoding: try encoder.encode(arguments), as: UTF8.self)], items: radarCount)
    try manifest.checkMayReplace(out, option: "--out")
    let bytes = NetworkShardFile.encode(shard)
    let output = try OutputFolder(out, option: "--out", inputs: [RunInput(option: "--dem", path: dem)])
    do {
      try manifest.addDataFile(dataFile, bytes: bytes, in: output.staging)
      try manifest.write(in: output.staging)
      if let note = try output.publish() { FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8)) }
    } catch {
      output.discard()
      throw error
    }
    print(
      "wrote shard \(selection) of the coverage of \(radarCount) radars (\(slice.count) of them, \(bytes.count) "
        + "bytes) to \(out)")
  }

  /// The arguments of the unsharded run the shards stand for, writing into `folder`: the recorded ones with `--out
  /// folder/coverage.tif` and each output option's file name put in `folder`. The DEM is given as the shards gave
  /// it when that still names the file they read, else by the absolute path they recorded.
  static func arguments(of manifest: ShardManifest, writingInto folder: String) throws -> [String] {
    guard let text = manifest.options["arguments"],
      let recorded = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    else { throw CommandError("merge: the coverage shards' manifest records no arguments") }
    let dem = manifest.inputs.first { $0.role == "dem" }
    var arguments: [String] = []
    var rest = recorded.makeIterator()
    while let argument = rest.next() {
      if outputOptions.contains(argument), let name = rest.next() {
        arguments += [argument, folder + "/" + name]
      } else if argument == "--dem", let given = rest.next() {
        let sameFile = dem.map { URL(fileURLWithPath: given).standardizedFileURL.path == $0.path } ?? true
        arguments += ["--dem", sameFile || given.hasPrefix("/vsi") ? given : dem!.path]
      } else {
        arguments.append(argument)
      }
    }
    return arguments + ["--out", folder + "/" + rasterName]
  }

  /// Combines the shards' data files into `combined` (empty, on the network grid), one file after another, each
  /// read row by row, so that only the network and one row are held; every file is checked against its
  /// manifest's size and SHA-256, and every cell against its shard's radars.
  static func combine(_ shards: ShardSet, radarCount: Int, into combined: inout NetworkShard) throws {
    for (folder, manifest) in zip(shards.folders, shards.manifests) {
      let selection = try ShardSelection(index: manifest.shard, count: manifest.shardCount)
      var owned = [Bool](repeating: false, count: radarCount)
      for radar in selection.slice(of: radarCount) { owned[radar] = true }
      let path = folder + "/" + dataFile
      guard let listed = manifest.files.first(where: { $0.name == dataFile }) else {
        throw CommandError("merge: '\(folder)': \(ShardManifest.fileName) lists no data file '\(dataFile)'")
      }
      do {
        try NetworkShardFile.read(path, expecting: listed, into: &combined) { radar in
          radar == -1 || (0..<radarCount).contains(Int(radar)) && owned[Int(radar)]
        }
      } catch let error as NetworkShardFile.ReadError {
        throw CommandError("merge: '\(path)': \(error.description)")
      }
    }
  }
}
