import Foundation
import OutputFiles
import SitePlanning

/// A shard of `airpicture plan --shard I/N`: its `shard.json` (job `plan`, the hashes of the plan, network, radar
/// types, regions, candidate points and DEM, the screening and candidate count) and `footprints.bin` (its slice's
/// footprints, see `FootprintFile`), and how `merge` reads them back.
enum PlanShardData {
  /// The job kind in the manifest.
  static let job = "plan"
  /// The data file in a plan shard's folder.
  static let dataFile = "footprints.bin"

  /// The plan's input files, hashed: the plan, the base network scenario, the radar types files both name, the
  /// regions, the candidate point layer, the flight term's and the basing's interdiction
  /// scenarios with their networks, the basing's other networks and airfields, and the DEM. A GDAL virtual path (`/vsicurl/…`) is recorded by its path.
  static func inputs(planPath: String, setup: SitingPlanRun.Setup) throws -> [ShardManifest.Input] {
    let plan = setup.plan
    var files: [(String, String)] = [("plan", planPath), ("network", plan.networkFile)]
    if let types = referencedPath("radar_types", in: planPath) { files.append(("plan radar types", types)) }
    if let types = referencedPath("radar_types", in: plan.networkFile) { files.append(("network radar types", types)) }
    if let regions = plan.network.regionsFile { files.append(("regions", regions)) }
    if let points = plan.candidates.file?.value { files.append(("candidate points", points)) }
    if let flights = plan.flights {
      files.append(("flights scenario", flights.scenarioFile))
      if let network = referencedPath("network", in: flights.scenarioFile) {
        files.append(("flights network", network))
      }
    }
    if let basing = plan.basing {
      files.append(("basing scenario", basing.scenarioFile))
      if let network = referencedPath("network", in: basing.scenarioFile) { files.append(("basing network", network)) }
      for case .file(let path) in basing.networks.map(\.source) { files.append(("basing network \(path)", path)) }
      if let airfields = basing.airfieldsFile?.value { files.append(("basing airfields", airfields)) }
    }
    files.append(("dem", setup.demPath))
    return try files.map { role, path in
      path.hasPrefix("/vsi")
        ? ShardManifest.Input(role: role, remotePath: path) : try ShardManifest.Input(role: role, path: path)
    }
  }

  /// The path a top-level `key: PATH` line of the YAML file at `file` names, resolved against the file's folder.
  static func referencedPath(_ key: String, in file: String) -> String? {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
      var value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
      if let comment = value.range(of: " #") { value = String(value[..<comment.lowerBound]) }
      if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first {
        value = String(value.dropFirst().dropLast())
      }
      guard !value.isEmpty else { return nil }
      if value.hasPrefix("/") { return value }
      return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(value)
        .standardizedFileURL.path
    }
    return nil
  }

  /// The options that change which candidates are evaluated: the candidate count, and the screening with the
  /// candidates it kept (the plan file's hash covers the rest).
  static func options(setup: SitingPlanRun.Setup, screened: [Int]) -> [String: String] {
    var options = ["candidates": "\(setup.radars.count)", "screening": "off"]
    if let screening = setup.plan.screening {
      options["screening"] = "factor \(Int(screening.factor.value)), refine \(Int(screening.refine.value))"
      options["screened"] = screened.map(String.init).joined(separator: ",")
    }
    return options
  }

  /// Writes shard `selection`'s folder: the footprints of `slice` (candidate indices, of `screened`) and the manifest.
  static func write(
    selection: ShardSelection, setup: SitingPlanRun.Setup, screened: [Int], slice: [Int], coverages: [SiteCoverage],
    planPath: String, out given: String?
  ) throws {
    let out = given ?? "out/\(setup.plan.id)-shard-\(selection.index)-of-\(selection.count)"
    var manifest = ShardManifest(
      job: job, selection: selection, version: AirPictureCommand.version,
      inputs: try inputs(planPath: planPath, setup: setup), options: options(setup: setup, screened: screened),
      items: screened.count)
    try manifest.checkMayReplace(out, option: "--out")
    let geometry = setup.terrain.geometry
    let bytes = FootprintFile.encode(
      Array(zip(slice, coverages.map(\.footprint))).map { (index: $0.0, footprint: $0.1) },
      cellCount: geometry.width * geometry.height, altitudeCount: setup.altitudes.count)
    let output = try OutputFolder(
      out, option: "--out",
      inputs: [RunInput(option: "plan", path: planPath), RunInput(option: "DEM", path: setup.demPath)])
    do {
      try manifest.addDataFile(dataFile, bytes: bytes, in: output.staging)
      try manifest.write(in: output.staging)
      if let note = try output.publish() { setup.reporter.warn(note) }
    } catch {
      output.discard()
      throw error
    }
    print(
      "wrote shard \(selection) of plan \(setup.plan.id) (\(slice.count) of \(screened.count) candidates, "
        + "\(bytes.count) bytes of footprints) to \(out)")
  }

  /// The candidate indices the shards evaluated between them (all, or those the screening kept), checked against
  /// the plan's candidates now.
  static func screenedIndices(_ manifest: ShardManifest, candidates: Int) throws -> [Int] {
    guard manifest.options["candidates"] == "\(candidates)" else {
      throw CommandError(
        "merge: the shards were computed for \(manifest.options["candidates"] ?? "?") candidates; the plan gives "
          + "\(candidates) now")
    }
    guard let list = manifest.options["screened"] else { return Array(0..<candidates) }
    let indices = list.split(separator: ",").compactMap { Int($0) }
    guard indices.count == manifest.items, indices == indices.sorted(), indices.allSatisfy({ $0 < candidates }) else {
      throw CommandError("merge: the shards' list of screened candidates is damaged")
    }
    return indices
  }

  /// The coverages of `indices` read from every shard's footprints, each shard checked to hold exactly its slice.
  static func read(_ shards: ShardSet, setup: SitingPlanRun.Setup, indices: [Int]) throws -> [SiteCoverage] {
    guard shards.manifests[0].items == indices.count else {
      throw CommandError("merge: the shards split \(shards.manifests[0].items) candidates, not \(indices.count)")
    }
    let geometry = setup.terrain.geometry
    var footprints = [Int: CoverageFootprint]()
    for (folder, manifest) in zip(shards.folders, shards.manifests) {
      let bytes = try manifest.readDataFile(dataFile, in: folder)
      let entries: [(index: Int, footprint: CoverageFootprint)]
      do {
        entries = try FootprintFile.decode(
          bytes, cellCount: geometry.width * geometry.height, altitudeCount: setup.altitudes.count,
          candidateCount: setup.radars.count)
      } catch {
        throw CommandError("merge: '\(folder)/\(dataFile)': \(error.description)")
      }
      let selection = try ShardSelection(index: manifest.shard, count: manifest.shardCount)
      let expected = selection.slice(of: indices.count).map { indices[$0] }
      guard entries.map(\.index) == expected else {
        throw CommandError("merge: '\(folder)' does not hold the candidates of shard \(selection)")
      }
      for entry in entries { footprints[entry.index] = entry.footprint }
    }
    return indices.map { index in
      let radar = setup.radars[index]
      return SiteCoverage(name: radar.name, availability: radar.availability, footprint: footprints[index]!)
    }
  }
}
