import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster

/// A network of sites given one by one (`coverage --site`), every radar under the same limits: each radar's field
/// from the pipeline, merged into the network, written as the network GeoTIFF (and, on request, each radar's own
/// GeoTIFF, a quick-look PNG and the covered-area table).
public struct SiteNetworkStudy {
  /// Where the DEM, the placement and the fields come from.
  public let fields: CoverageFields
  /// The radars, in site order (band 3's index).
  public let radars: [PlacedRadar]
  /// The limits every radar shares.
  public let limits: CoverageLimits
  /// The table's altitudes above ground, metres.
  public let altitudesAGL: [Float]
  /// The table's flight levels (pressure altitude taken as MSL: `FlightLevel.assumption`).
  public let flightLevels: [FlightLevel]
  /// GeoTIFF metadata that describes the run (DEM, Earth model, ranges, voids, elevation limits); each file adds
  /// its radars.
  public let metadata: [(key: String, value: String)]
  /// Whether the DEM is the coarse fallback, which the quick-look map then says.
  public var mapsMarkCoarseTerrain = false

  /// How the GeoTIFFs are written (tiled, or Cloud-Optimised with overviews).
  public let rasterFiles: CoverageRasterFiles

  /// Where each output goes; nil or empty for those not asked for.
  public struct Destinations {
    public var raster: String
    /// One per radar, in site order, or none.
    public var perRadar: [String]
    public var png: String?
    public var csv: String?
    public var json: String?
    /// The QGIS style of `raster` (nil: none), and of each per-radar GeoTIFF (empty: none).
    public var style: String?
    public var perRadarStyles: [String]
    /// The Google Earth overlay of the quick-look's classes, or nil.
    public var kmz: String?

    public init(
      raster: String, perRadar: [String], png: String?, csv: String?, json: String?, style: String? = nil,
      perRadarStyles: [String] = [], kmz: String? = nil
    ) {
      self.raster = raster
      self.perRadar = perRadar
      self.png = png
      self.csv = csv
      self.json = json
      self.style = style
      self.perRadarStyles = perRadarStyles
      self.kmz = kmz
    }
  }

  /// What the study found.
  public struct Result {
    /// The covered-area table.
    public var table: SummaryTable
    /// The network's window of the DEM (the union of the radars' windows).
    public var window: GridWindow
  }

  /// At most 16 altitudes in all (`altitudesAGL` and `flightLevels`).
  public init(
    fields: CoverageFields, radars: [PlacedRadar], limits: CoverageLimits, altitudesAGL: [Float],
    flightLevels: [FlightLevel] = [], metadata: [(key: String, value: String)],
    rasterFiles: CoverageRasterFiles = CoverageRasterFiles()
  ) {
    self.fields = fields
    self.radars = radars
    self.limits = limits
    self.altitudesAGL = altitudesAGL
    self.flightLevels = flightLevels
    self.metadata = metadata
    self.rasterFiles = rasterFiles
  }

  /// The network's cells and what computing it takes at most: the largest radar's kernel run, and the network's
  /// planes (none of its own for one radar, whose planes it shares; else MSL, ground, radar, coverage bits, void
  /// flags: 13 bytes a cell), a Cloud-Optimised GeoTIFF's in-memory copy of its four bands (tiled GeoTIFFs are
  /// converted strip by strip), and, with a quick-look, its terrain, colours and the map canvas (19 bytes
  /// a cell: terrain 4, classes 1, hillshade 1, class colours 3, background 3, Cairo's surface 4, the
  /// composed planes 3).
  public func peakBytes(quickLook: Bool) throws -> Int {
    var largest = 0
    for radar in radars { largest = max(largest, try fields.resourceEstimate(of: radar, limits).peakBytes) }
    let writing = rasterFiles.layout == .cloudOptimised ? 16 : 0
    let network = radars.count == 1 ? 0 : 13
    return largest + radars.map(\.window).union!.cellCount * (network + writing + (quickLook ? 19 : 0))
  }

  /// Computes the network and writes `destinations`. `progress` gets a stage label and the fraction done of it;
  /// `warn` gets what the DEM's reading found (implausible heights, filled voids).
  public func run(
    writingTo destinations: Destinations, progress: @escaping @Sendable (String, Double) -> Void = { _, _ in },
    warn: (String) -> Void = { _ in }
  ) throws -> Result {
    let terrain = fields.terrain
    let openingWarnings = terrain.warnings
    let window = radars.map(\.window).union!
    var network = NetworkCoverage(
      geometry: terrain.geometry.subgrid(window), altitudesAGL: altitudesAGL,
      altitudesMSL: flightLevels.map { Float($0.metresMSL) })
    for (index, radar) in radars.enumerated() {
      let label = "radar \(index + 1)/\(radars.count) \(radar.name)"
      progress(label, 0)
      let field = try fields.field(of: radar, limits) { progress(label, $0) }
      network.merge(field)
      if !destinations.perRadar.isEmpty {
        try writeRaster(
          CoverageBands.field(field), georeference: terrain.georeference(of: radar.window),
          metadata: metadata(radars: [radar]), to: destinations.perRadar[index],
          style: destinations.perRadarStyles.isEmpty ? nil : destinations.perRadarStyles[index])
      }
      fields.recycle(field)
    }
    for warning in terrain.warnings where !openingWarnings.contains(warning) { warn(warning) }
    if terrain.filledVoidCells > 0 {
      warn(
        "filled \(terrain.filledVoidCells) void cells of the DEM by inverse-distance interpolation (--fill-voids "
          + "\(terrain.voidFillDistance ?? 0)): the coverage behind them rests on estimated terrain")
    }
    return try write(network, window: window, to: destinations)
  }

  /// The network's grid: the union of the radars' windows.
  public var window: GridWindow { radars.map(\.window).union! }

  /// Computes the part of the network that the radars `indices` (increasing, of `radars`) see, on the whole
  /// network grid: a shard of `coverage --shard I/N`, which `NetworkShard.combine` joins with the others.
  public func shard(
    of indices: [Int], progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }, warn: (String) -> Void
  ) throws -> NetworkShard {
    let terrain = fields.terrain
    let openingWarnings = terrain.warnings
    var shard = NetworkShard(
      geometry: terrain.geometry.subgrid(window), altitudesAGL: altitudesAGL,
      altitudesMSL: flightLevels.map { Float($0.metresMSL) })
    for index in indices {
      let radar = radars[index]
      let label = "radar \(index + 1)/\(radars.count) \(radar.name)"
      progress(label, 0)
      let field = try fields.field(of: radar, limits) { progress(label, $0) }
      shard.merge(field, radar: index)
      fields.recycle(field)
    }
    for warning in terrain.warnings where !openingWarnings.contains(warning) { warn(warning) }
    return shard
  }

  /// Writes the network GeoTIFF, quick-look, overlay and tables of `network` (on `window`) to `destinations`
  /// (per-radar GeoTIFFs aside), as `run` does once it has merged every radar.
  public func write(_ network: NetworkCoverage, window: GridWindow, to destinations: Destinations) throws -> Result {
    try writeNetwork(network, window: window, to: destinations)
    var table = SummaryTable(
      summary: CoverageSummary(network: network, earth: fields.earth), radars: radars.map(\.name))
    if let flags = network.voidDependence {
      let inRange = network.lowestAltitudeMSL.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
      let flagged = flags.reduce(0) { $0 + Int($1) }
      table.voidDependentPercent = 100 * Double(flagged) / Double(max(inRange, 1))
    }
    if let csv = destinations.csv { try AtomicOutput.writeText(table.csv, to: csv) }
    if let json = destinations.json { try AtomicOutput.writeText(try table.json(), to: json) }
    return Result(table: table, window: window)
  }

  private func writeNetwork(_ network: NetworkCoverage, window: GridWindow, to destinations: Destinations) throws {
    let georeference = fields.terrain.georeference(of: window)
    try writeRaster(
      CoverageBands.network(network, radarOrder: "0-based, --site order", radarNames: radars.map(\.name))
        + Self.voidBand(network),
      georeference: georeference, metadata: metadata(radars: radars), to: destinations.raster,
      style: destinations.style)
    let classes =
      destinations.png == nil && destinations.kmz == nil ? [] : CoverageMapStyle.classes(of: network)
    if let png = destinations.png {
      let elevation = try fields.terrain.read(window).heights
      try QuickLookMap(
        title: radars.count > 3
          ? "Radar coverage of \(radars.count) sites" : "Radar coverage: " + radars.map(\.name).joined(separator: ", "),
        elevation: elevation,
        classes: classes, georeference: georeference,
        sites: radars.map { ($0.name, $0.position) }, earthRadius: fields.earth.radius,
        coarseTerrain: mapsMarkCoarseTerrain
      ).write(to: png)
    }
    if let kmz = destinations.kmz {
      try GroundOverlayWriter.write(
        classes: classes, palette: CoverageMapStyle.classes,
        georeference: georeference, name: "coverage of \(radars.map(\.name).joined(separator: ", "))",
        description: "Lowest altitude above ground at which a target is seen:\n\(CoverageMapStyle.legend)", to: kmz)
    }
  }

  /// Writes a GeoTIFF in the study's layout, and its QGIS style when `style` names one.
  private func writeRaster(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)],
    to raster: String, style: String?
  ) throws {
    if let style {
      try rasterFiles.write(bands, georeference: georeference, metadata: metadata, to: raster, style: style)
    } else {
      try GeoTIFFWriter.write(
        bands, georeference: georeference, metadata: metadata, layout: rasterFiles.layout, to: raster)
    }
  }

  /// The run's metadata and one item per radar of `radars` (numbered from 0).
  private func metadata(radars: [PlacedRadar]) -> [(key: String, value: String)] {
    metadata
      + radars.enumerated().map { index, radar in
        let site = radar.site(limits)
        return (
          "AIRPICTURE_RADAR_\(index)", "\(site.name) at x=\(site.position.x) y=\(site.position.y), \(site.antenna)"
        )
      }
  }

  /// Band 4, only when some cell's lowest altitude depends on a DEM void: 1 there.
  /// No-data elsewhere (band 1 says which cells are in range), so the band compresses to almost nothing.
  static func voidBand(_ network: NetworkCoverage) -> [RasterBand] {
    guard let flags = network.voidDependence else { return [] }
    return [
      RasterBand(
        description: "1 where the lowest visible altitude looks past a DEM void (a lower bound), no-data elsewhere",
        flags: flags)
    ]
  }

  /// A per-radar file's name (without extension), the same in ad-hoc runs and scenario studies: its two-digit
  /// index, '-', and its name in lower case with every run of characters other than letters and digits as one '-'
  /// ("Lima primary (Northrop Grumman)" at index 1 is "01-lima-primary-northrop-grumman").
  public static func fileName(for name: String, index: Int) -> String {
    var slug = ""
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    if slug.last == "-" { slug.removeLast() }
    return String(format: "%02d-", index) + (slug.isEmpty ? "radar" : slug)
  }
}
