import CoverageKernel
import CoverageStudy
import Foundation
import GeoRaster
import OutputFiles

/// A validated `coverage` run: every input checked before any computing, every output written atomically.
struct CoverageRequest {
  let terrain: TerrainSource
  let sites: [RadarSite]
  let altitudes: [Float]
  let earth: EarthModel
  let threads: Int
  let command: CoverageCommand
  let dem: String
  let outputs: CoverageOutputs

  init(command: CoverageCommand) throws {
    self.command = command
    guard let dem = command.dem else {
      throw CommandError("give --dem DEM and --site LAT,LON,HEIGHT_AGL, or a scenario file")
    }
    self.dem = dem
    guard command.rangeKm > 0, command.rangeKm.isFinite else { throw CommandError("--range-km must be positive") }
    guard command.rangeKm <= 1_500 else { throw CommandError("--range-km must be at most 1500") }
    guard command.minRangeKm >= 0, command.minRangeKm < command.rangeKm else {
      throw CommandError("--min-range-km must be in [0, --range-km)")
    }
    guard command.k > 0, command.k.isFinite else { throw CommandError("--k must be positive") }
    if let threads = command.threads, threads < 1 { throw CommandError("--threads must be at least 1") }
    for (name, value) in [
      ("--min-elevation-deg", command.minElevationDeg), ("--max-elevation-deg", command.maxElevationDeg),
    ] {
      if let value, !(-90...90).contains(value) { throw CommandError("\(name) must be within -90...90") }
    }
    if let low = command.minElevationDeg, let high = command.maxElevationDeg, low >= high {
      throw CommandError("--min-elevation-deg must be below --max-elevation-deg")
    }
    guard !command.site.isEmpty else { throw CommandError("give at least one --site LAT,LON,HEIGHT_AGL[,NAME]") }
    altitudes = try Self.parseAltitudes(command.altitudesAGL)
    let sector = try command.sector.map(Self.parseSector)
    let specifications = try command.site.enumerated().map { try SiteSpecification(parsing: $1, ordinal: $0 + 1) }
    outputs = try CoverageOutputs(command: command, siteNames: specifications.map(\.name))
    let terrain: TerrainSource
    do {
      terrain = try TerrainSource(path: dem)
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    }
    self.terrain = terrain
    for warning in terrain.warnings { FileHandle.standardError.write(Data("airpicture: \(warning)\n".utf8)) }
    earth = EarthModel(refractionFactor: command.k)
    threads = command.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let limits = CoverageLimits(
      minimumRange: command.minRangeKm * 1_000, maximumRange: command.rangeKm * 1_000, sector: sector,
      minimumElevation: command.minElevationDeg, maximumElevation: command.maxElevationDeg)
    sites = try specifications.map { specification in
      let position = try terrain.position(latitude: specification.latitude, longitude: specification.longitude)
      guard terrain.geometry.contains(position) else {
        throw CommandError(
          "site '\(specification.name)' (\(specification.latitude), \(specification.longitude)) lies outside the DEM '\(dem)'"
        )
      }
      return RadarSite(
        name: specification.name, position: position, antenna: .aboveGround(specification.antennaHeight),
        limits: limits)
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
    let windows = sites.map {
      terrain.geometry.window(around: $0.position, radius: $0.limits.maximumRange, earthRadius: earth.radius)!
    }
    let union = windows.dropFirst().reduce(windows[0]) { $0.union($1) }
    var network = NetworkCoverage(geometry: terrain.geometry.subgrid(union), altitudesAGL: altitudes)
    let kernel = LineOfSightKernel(earth: earth, threads: threads)
    let progress = ProgressReporter()
    let workspace = CoverageWorkspace()
    for (index, site) in sites.enumerated() {
      progress.begin("radar \(index + 1)/\(sites.count) \(site.name)")
      let window = try terrain.read(windows[index])
      let field = try kernel.coverage(of: site, over: window, workspace: workspace) { progress.update($0) }
      network.merge(field)
      if !outputs.perRadar.isEmpty {
        let path = transaction.stagedPath(for: outputs.perRadar[index])
        try GeoTIFFWriter.write(
          [
            RasterBand(description: "lowest visible altitude MSL (m)", values: field.lowestAltitudeMSL),
            RasterBand(description: "lowest visible altitude AGL (m)", values: field.lowestAltitudeAGL),
          ], georeference: terrain.georeference(of: windows[index]), metadata: metadata(sites: [site]), to: path)
      }
      workspace.recycle(field)
    }
    progress.finish()
    try writeNetwork(network, window: union, into: transaction)
    let table = SummaryTable(summary: CoverageSummary(network: network, earth: earth), radars: sites.map(\.name))
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
      ], georeference: georeference, metadata: metadata(sites: sites), to: transaction.stagedPath(for: outputs.raster))
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
    if let low = command.minElevationDeg { items.append(("AIRPICTURE_MIN_ELEVATION_DEG", "\(low)")) }
    if let high = command.maxElevationDeg { items.append(("AIRPICTURE_MAX_ELEVATION_DEG", "\(high)")) }
    if let sector = command.sector { items.append(("AIRPICTURE_SECTOR_DEG", sector)) }
    for (index, site) in sites.enumerated() {
      items.append(
        ("AIRPICTURE_RADAR_\(index)", "\(site.name) at x=\(site.position.x) y=\(site.position.y), \(site.antenna)"))
    }
    return items
  }

  static func parseAltitudes(_ text: String) throws -> [Float] {
    let values = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.count <= 16, values.allSatisfy({ $0 != nil && $0! >= 0 && $0!.isFinite }) else {
      throw CommandError("--altitudes-agl must be 1 to 16 comma-separated non-negative metres, got '\(text)'")
    }
    return values.map { $0! }
  }

  static func parseSector(_ text: String) throws -> AzimuthSector {
    let parts = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, parts.allSatisfy({ $0.isFinite }) else {
      throw CommandError("--sector must be START,END in degrees, got '\(text)'")
    }
    return try AzimuthSector(start: parts[0], end: parts[1])
  }

  static func fileName(for name: String, index: Int) -> String {
    let safe = name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
    return String(format: "%02d-", index) + String(safe)
  }
}
