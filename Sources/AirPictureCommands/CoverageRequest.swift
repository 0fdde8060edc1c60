import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import OutputFiles

/// A validated `coverage` run: every input checked before any computing, every output written atomically.
struct CoverageRequest {
  /// The DEM, the sites placed on it and their fields.
  let fields: CoverageFields
  /// The radars in `--site` order.
  let radars: [PlacedRadar]
  /// The limits every radar shares.
  let limits: CoverageLimits
  let altitudes: [Float]
  let command: CoverageCommand
  let dem: String
  let outputs: CoverageOutputs
  let progress = ProgressReporter()

  /// Opens the DEM and places the sites of `command`, whose values `CoverageCommand.validate()` has checked.
  init(command: CoverageCommand) throws {
    self.command = command
    guard let dem = command.dem else { preconditionFailure("CoverageCommand.validate() lets no --dem through") }
    self.dem = dem
    altitudes = command.altitudesAGL.metres
    let names = command.site.enumerated().map { $1.name(ordinal: $0 + 1) }
    outputs = try CoverageOutputs(command: command, siteNames: names)
    let fields = try CoverageFields(
      demPath: dem, earth: EarthModel(refractionFactor: command.k),
      threads: command.threads ?? ProcessInfo.processInfo.activeProcessorCount, voidFillDistance: command.fillVoids,
      voidNote: "band 4 flags them", warn: progress.warn)
    self.fields = fields
    limits = CoverageLimits(
      minimumRange: command.minRangeKm * 1_000, maximumRange: command.rangeKm * 1_000, sector: command.sector?.sector,
      minimumElevation: command.minElevationDeg, maximumElevation: command.maxElevationDeg)
    radars = try zip(command.site, names).map { specification, name in
      try Self.checkNotSwapped(specification, name: name, on: fields)
      return try fields.place(
        name: name, latitude: specification.latitude, longitude: specification.longitude,
        antenna: specification.antenna, reach: command.rangeKm * 1_000,
        voidRemedy: "give its ground elevation in metres as a fifth field, --site LAT,LON,HEIGHT_AGL,NAME,GROUND_M")
    }
    try checkMemory()
  }

  /// Refuses a site that lies outside the DEM but would lie inside with its latitude and longitude swapped, saying so.
  private static func checkNotSwapped(_ site: SiteSpecification, name: String, on fields: CoverageFields) throws {
    let geometry = fields.terrain.geometry
    func inside(_ latitude: Double, _ longitude: Double) -> Bool {
      guard (-90...90).contains(latitude), (-180...180).contains(longitude),
        let point = try? fields.terrain.position(latitude: latitude, longitude: longitude)
      else { return false }
      return geometry.contains(point)
    }
    guard !inside(site.latitude, site.longitude), inside(site.longitude, site.latitude) else { return }
    let swapped = "\(format(site.longitude)),\(format(site.latitude))"
    throw CommandError(
      "site '\(name)' (latitude \(format(site.latitude)), longitude \(format(site.longitude))) lies outside the DEM "
        + "'\(fields.demPath)'; with latitude and longitude swapped it lies inside: --site takes the latitude "
        + "first (--site \(swapped),...)")
  }

  private static func format(_ degrees: Double) -> String { String(format: "%g", degrees) }

  /// Refuses a run that cannot fit in memory (before reading any terrain), and announces a big one.
  private func checkMemory() throws {
    let what =
      "coverage of \(radars.count) radar\(radars.count == 1 ? "" : "s") at \(Int(command.rangeKm)) km on '\(dem)'"
    let remedy =
      "lower --range-km, or use a coarser DEM (gdalwarp -tr), or set AIRPICTURE_MEMORY_LIMIT_MB if the machine has more"
    if let note = try MemoryBudget.check(
      study.peakBytes(quickLook: outputs.png != nil || outputs.kmz != nil), for: what, remedy: remedy)
    {
      FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8))
    }
  }

  /// The network study of the sites.
  var study: SiteNetworkStudy {
    SiteNetworkStudy(
      fields: fields, radars: radars, limits: limits, altitudesAGL: altitudes,
      flightLevels: (command.flightLevels ?? .standard).levels, metadata: metadata,
      rasterFiles: CoverageRasterFiles(cloudOptimised: command.cog))
  }

  func execute() throws {
    let transaction = try OutputTransaction(outputs.all, inputs: [RunInput(option: "--dem", path: dem)])
    let result: SiteNetworkStudy.Result
    do {
      let staged = SiteNetworkStudy.Destinations(
        raster: transaction.stagedPath(for: outputs.raster), perRadar: outputs.perRadar.map(transaction.stagedPath),
        png: outputs.png.map(transaction.stagedPath), csv: outputs.csv.map(transaction.stagedPath),
        json: outputs.json.map(transaction.stagedPath), style: transaction.stagedPath(for: outputs.style),
        perRadarStyles: outputs.perRadarStyles.map(transaction.stagedPath), kmz: outputs.kmz.map(transaction.stagedPath)
      )
      result = try study.run(writingTo: staged, progress: progress.report) { progress.warn($0) }
      progress.finish()
      try transaction.commit()
    } catch {
      progress.finish()
      transaction.discard()
      throw error
    }
    print("coverage grid: \(result.window.width) x \(result.window.height) cells")
    print(result.table.text)
    for output in outputs.all { print("wrote \(output.path)") }
    if outputs.png != nil { print("legend (lowest altitude at which a target is seen):\n\(CoverageMapStyle.legend)") }
  }

  /// Computes shard `selection`'s radars and writes its shard folder (`--out`).
  func executeShard(_ selection: ShardSelection) throws {
    guard let arguments = CoverageShardData.recordedArguments(), let out = command.out else {
      throw CommandError("--shard: cannot read this run's coverage arguments")
    }
    let slice = selection.slice(of: radars.count)
    let shard: NetworkShard
    do {
      shard = try study.shard(of: slice, progress: progress.report) { progress.warn($0) }
      progress.finish()
    } catch {
      progress.finish()
      throw error
    }
    try CoverageShardData.write(
      shard, selection: selection, radarCount: radars.count, slice: slice, arguments: arguments, dem: dem, out: out)
  }

  /// Combines the coverage shards `shards` (checked, of this run's radars) into the unsharded run's files, written
  /// into `folder` (the staging folder of the merge's output).
  func executeMerge(_ shards: ShardSet) throws {
    guard shards.manifests[0].items == radars.count else {
      throw CommandError(
        "merge: the shards split \(shards.manifests[0].items) radars, the arguments give \(radars.count)")
    }
    let study = self.study
    let window = study.window
    var combined = NetworkShard(
      geometry: fields.terrain.geometry.subgrid(window), altitudesAGL: study.altitudesAGL,
      altitudesMSL: study.flightLevels.map { Float($0.metresMSL) })
    try CoverageShardData.combine(shards, radarCount: radars.count, into: &combined)
    let destinations = SiteNetworkStudy.Destinations(
      raster: outputs.raster.path, perRadar: [], png: outputs.png?.path, csv: outputs.csv?.path,
      json: outputs.json?.path, style: outputs.style.path, kmz: outputs.kmz?.path)
    let result = try study.write(combined.network(radarCount: radars.count), window: window, to: destinations)
    print("coverage grid: \(result.window.width) x \(result.window.height) cells")
    print(result.table.text)
  }

  /// What the GeoTIFFs say about the run, before each file's radars.
  private var metadata: [(key: String, value: String)] {
    let earth = fields.earth
    var items: [(key: String, value: String)] = [
      ("AIRPICTURE_PRODUCT", "lowest visible altitude"),
      ("AIRPICTURE_DEM", dem),
      ("AIRPICTURE_EARTH", "effective radius k*R, k=\(earth.refractionFactor), R=\(earth.radius) m"),
      ("AIRPICTURE_RANGE_KM", "\(command.minRangeKm)-\(command.rangeKm)"),
    ]
    if let cells = command.fillVoids {
      items.append(("AIRPICTURE_VOIDS", "filled by GDALFillNodata up to \(cells) cells (estimated terrain)"))
    } else {
      items.append(("AIRPICTURE_VOIDS", "unknown terrain: lowest altitudes behind them are lower bounds (band 4)"))
    }
    if let low = command.minElevationDeg { items.append(("AIRPICTURE_MIN_ELEVATION_DEG", "\(low)")) }
    if let high = command.maxElevationDeg { items.append(("AIRPICTURE_MAX_ELEVATION_DEG", "\(high)")) }
    if let sector = command.sector { items.append(("AIRPICTURE_SECTOR_DEG", sector.text)) }
    return items
  }
}
