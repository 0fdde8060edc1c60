import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
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
  /// What the DEM's opening warned about (said once; reading may find more).
  let openingWarnings: [String]
  let progress = ProgressReporter()

  var terrain: TerrainSource { fields.terrain }
  var earth: EarthModel { fields.earth }
  var sites: [RadarSite] { radars.map { $0.site(limits) } }
  var windows: [GridWindow] { radars.map(\.window) }

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
    openingWarnings = fields.terrain.warnings
    limits = CoverageLimits(
      minimumRange: command.minRangeKm * 1_000, maximumRange: command.rangeKm * 1_000, sector: command.sector?.sector,
      minimumElevation: command.minElevationDeg, maximumElevation: command.maxElevationDeg)
    radars = try zip(command.site, names).map { specification, name in
      try fields.place(
        name: name, latitude: specification.latitude, longitude: specification.longitude,
        antenna: specification.antenna, reach: command.rangeKm * 1_000,
        voidRemedy: "give its ground elevation in metres as a fifth field, --site LAT,LON,HEIGHT_AGL,NAME,GROUND_M")
    }
    try checkMemory()
  }

  /// Refuses a run that cannot fit in memory (before reading any terrain), and announces a big one.
  private func checkMemory() throws {
    var largest = 0
    for radar in radars { largest = max(largest, try fields.resourceEstimate(of: radar, limits).peakBytes) }
    let union = windows.union!
    // The network's planes (MSL, AGL, radar, coverage bits, void flags), the band conversion when writing, and the
    // quick-look's terrain and colours.
    let networkBytes = union.cellCount * (13 + 4 + (outputs.png == nil ? 0 : 12))
    let what =
      "coverage of \(sites.count) radar\(sites.count == 1 ? "" : "s") at \(Int(command.rangeKm)) km on '\(dem)'"
    let remedy =
      "lower --range-km, or use a coarser DEM (gdalwarp -tr), or set AIRPICTURE_MEMORY_LIMIT_MB if the machine has more"
    if let note = try MemoryBudget.check(largest + networkBytes, for: what, remedy: remedy) {
      FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8))
    }
  }

  func execute() throws {
    let transaction = try OutputTransaction(outputs.all, inputs: [RunInput(option: "--dem", path: dem)])
    do {
      try compute(into: transaction)
      try transaction.commit()
    } catch {
      transaction.discard()
      throw error
    }
    for output in outputs.all { print("wrote \(output.path)") }
    if outputs.png != nil { print("legend (lowest altitude at which a target is seen):\n\(CoverageMapStyle.legend)") }
  }

  private func compute(into transaction: OutputTransaction) throws {
    let union = windows.union!
    var network = NetworkCoverage(geometry: terrain.geometry.subgrid(union), altitudesAGL: altitudes)
    for (index, radar) in radars.enumerated() {
      progress.begin("radar \(index + 1)/\(radars.count) \(radar.name)")
      let field: CoverageField
      let progress = self.progress
      do {
        field = try fields.field(of: radar, limits) { progress.update($0) }
      } catch {
        progress.finish()
        throw error
      }
      network.merge(field)
      if !outputs.perRadar.isEmpty {
        let path = transaction.stagedPath(for: outputs.perRadar[index])
        try GeoTIFFWriter.write(
          [
            RasterBand(description: "lowest visible altitude MSL (m)", values: field.lowestAltitudeMSL),
            RasterBand(description: "lowest visible altitude AGL (m)", values: field.lowestAltitudeAGL),
          ], georeference: terrain.georeference(of: radar.window), metadata: metadata(sites: [radar.site(limits)]),
          to: path)
      }
      fields.recycle(field)
    }
    progress.finish()
    for warning in terrain.warnings where !openingWarnings.contains(warning) { progress.warn(warning) }
    if terrain.filledVoidCells > 0 {
      progress.warn(
        "filled \(terrain.filledVoidCells) void cells of the DEM by inverse-distance interpolation (--fill-voids "
          + "\(command.fillVoids ?? 0)): the coverage behind them rests on estimated terrain")
    }
    try writeNetwork(network, window: union, into: transaction)
    var table = SummaryTable(summary: CoverageSummary(network: network, earth: earth), radars: sites.map(\.name))
    if let flags = network.voidDependence {
      let inRange = network.lowestAltitudeMSL.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
      let flagged = flags.reduce(0) { $0 + Int($1) }
      table.voidDependentPercent = 100 * Double(flagged) / Double(max(inRange, 1))
    }
    print(table.text)
    if let csv = outputs.csv { try AtomicOutput.writeText(table.csv, to: transaction.stagedPath(for: csv)) }
    if let json = outputs.json { try AtomicOutput.writeText(try table.json(), to: transaction.stagedPath(for: json)) }
  }

  private func writeNetwork(_ network: NetworkCoverage, window: GridWindow, into transaction: OutputTransaction) throws
  {
    let georeference = terrain.georeference(of: window)
    try GeoTIFFWriter.write(
      [
        RasterBand(description: "lowest visible altitude MSL (m)", values: network.lowestAltitudeMSL),
        RasterBand(description: "lowest visible altitude AGL (m)", values: network.lowestAltitudeAGL),
        RasterBand(
          description: "index of the radar that sees lowest (0-based, --site order)",
          values: network.radarIndex.map { $0 < 0 ? .nan : Float($0) }),
      ] + voidBand(network), georeference: georeference, metadata: metadata(sites: sites),
      to: transaction.stagedPath(for: outputs.raster))
    print("coverage grid: \(window.width) x \(window.height) cells")
    if let png = outputs.png {
      let elevation = try terrain.read(window).heights
      try QuickLookRenderer.render(
        elevation: elevation, classes: network.lowestAltitudeAGL.map(CoverageMapStyle.classify),
        palette: CoverageMapStyle.classes, georeference: georeference, to: transaction.stagedPath(for: png))
    }
  }

  private func metadata(sites: [RadarSite]) -> [(key: String, value: String)] {
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
    for (index, site) in sites.enumerated() {
      items.append(
        ("AIRPICTURE_RADAR_\(index)", "\(site.name) at x=\(site.position.x) y=\(site.position.y), \(site.antenna)"))
    }
    return items
  }

  static func fileName(for name: String, index: Int) -> String {
    let safe = name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
    return String(format: "%02d-", index) + String(safe)
  }
}

extension CoverageRequest {
  /// Band 4, only when some cell's lowest altitude depends on a DEM void: 1 there.
  /// No-data elsewhere (band 1 says which cells are in range), so the band compresses to almost nothing.
  func voidBand(_ network: NetworkCoverage) -> [RasterBand] {
    guard let flags = network.voidDependence else { return [] }
    return [
      RasterBand(
        description: "1 where the lowest visible altitude looks past a DEM void (a lower bound), no-data elsewhere",
        values: flags.map { $0 == 0 ? Float.nan : 1 })
    ]
  }
}
