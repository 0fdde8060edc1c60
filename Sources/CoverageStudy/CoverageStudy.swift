import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
import RadarModels

/// A scenario's coverage study: for every target, each radar's coverage once (its range set by its detection model
/// for that target, its elevation limits by its type), merged into every network configuration, then tables,
/// GeoTIFFs (real time, and with the voice relay) with QGIS styles, maps (at the map altitude above ground and at each
/// flight level: `CONFIG--TARGET.png`, `CONFIG--TARGET--FL150.png`), Google Earth overlays (KMZ), coverage
/// polygons (KML, GeoPackage) and the KML of sites and outlines in one output folder.
public struct CoverageStudy {
  public let scenario: Scenario
  /// Where the DEM, the sites' placement and the radars' fields come from (shared with other users of the same
  /// fields, such as the simulation world of `run`).
  public let fields: CoverageFields
  public let outputDirectory: String
  /// Whether the DEM is the coarse fallback, which every map then says.
  public var mapsMarkCoarseTerrain = false
  /// How the GeoTIFFs are written (tiled, or Cloud-Optimised with overviews).
  public let rasterFiles: CoverageRasterFiles

  /// The DEM's path.
  public var demPath: String { fields.demPath }

  /// What the study wrote and found.
  public struct Result {
    public var table: StudyTable
    public var files: [String]
    /// Each configuration's map of the first target (terrain and coverage classes), in scenario order, for other
    /// maps to draw on.
    public var maps: [CoverageMapBackground]
  }

  /// Prepares a study of `scenario` over the DEM of `fields`, whose Earth model must be the scenario's.
  public init(
    scenario: Scenario, fields: CoverageFields, outputDirectory: String,
    rasterFiles: CoverageRasterFiles = CoverageRasterFiles()
  ) throws {
    guard fields.earth.refractionFactor == scenario.refractionFactor.value else {
      throw StudyError(
        "scenario '\(scenario.id)' has k = \(scenario.refractionFactor.value), its fields k = "
          + "\(fields.earth.refractionFactor)")
    }
    self.scenario = scenario
    self.fields = fields
    self.outputDirectory = outputDirectory
    self.rasterFiles = rasterFiles
  }

  /// Runs the study; `progress` gets a stage label and the fraction done of that stage.
  public func run(progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }) throws -> Result {
    let placed = try scenario.radars.map(fields.place)
    let studyWindow = try self.studyWindow(placed: placed)
    let grid = fields.terrain.geometry.subgrid(studyWindow)
    try checkMemory(placed: placed, studyCells: grid.width * grid.height)
    // The regions are checked before anything is written.
    let area = try StudyArea(
      window: studyWindow, georeference: fields.terrain.georeference(of: studyWindow),
      terrain: fields.terrain.read(studyWindow).heights,
      regions: regionAreas(georeference: fields.terrain.georeference(of: studyWindow)))
    try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
    let networks = try computeNetworks(placed: placed, grid: grid, progress: progress)
    var files = networks.files
    var rows: [StudyTable.Row] = []
    var outlines: [KMLWriter.Outline] = []
    var maps: [CoverageMapBackground] = []
    for (targetNumber, target) in scenario.targets.enumerated() {
      var baselineCovered: [[Double]] = []
      for (number, configuration) in scenario.networks.enumerated() {
        let written = try writeConfiguration(
          configuration, target: target, realTime: networks.realTime[targetNumber][number],
          withRelay: networks.withRelay[targetNumber][number],
          radarNames: (networks.realTimeNames[targetNumber][number], networks.withRelayNames[targetNumber][number]),
          area: area, placed: placed, baselineCovered: &baselineCovered)
        files += written.files
        rows += written.rows
        if targetNumber == 0 {
          maps.append(
            CoverageMapBackground(
              configuration: configuration.id.rawValue, elevation: area.terrain, classes: written.classes,
              georeference: area.georeference,
              description: "\(configuration.id) | \(target.name) | covered at \(Int(scenario.mapAltitudeAGL)) m AGL"))
        }
        outlines.append(written.outline)
      }
    }
    let table = StudyTable(scenario: scenario.id, rows: rows)
    files += try writeSummaries(table: table, outlines: outlines)
    files += try writePolygons(networks: networks, area: area)
    return Result(table: table, files: files, maps: maps)
  }

  /// The study's terrain, georeference and regions.
  private struct StudyArea {
    var window: GridWindow
    var georeference: RasterGeoreference
    var terrain: [Float]
    var regions: RegionAreas
  }

  /// Every target's networks, per configuration, in real time and with the voice relay, with the names of the
  /// radars each merged (in merge order: band 3's indices); and the per-radar files.
  private struct StudyNetworks {
    var realTime: [[NetworkCoverage]]
    var withRelay: [[NetworkCoverage]]
    var realTimeNames: [[[String]]]
    var withRelayNames: [[[String]]]
    var files: [String]
  }

  /// The union of the radars' windows and the regions' extent.
  private func studyWindow(placed: [PlacedRadar]) throws -> GridWindow {
    let terrain = fields.terrain
    var window = placed.map(\.window).union!
    if let regions = scenario.regionsFile,
      let extent = try VectorFeatures.extent(
        path: regions, georeference: terrain.georeference(of: fullWindow(terrain))),
      let regionWindow = Self.window(covering: extent, in: terrain.geometry)
    {
      window = window.union(regionWindow)
    }
    return window
  }

  /// Radar by radar: each radar's field is computed once per distinct range (targets of the same RCS share it, and
  /// a user of the same fields who reserved one takes it from there), written as the radar's own GeoTIFF per
  /// target, and merged into every target's and configuration's network.
  private func computeNetworks(
    placed: [PlacedRadar], grid: GridGeometry, progress: @escaping @Sendable (String, Double) -> Void
  ) throws -> StudyNetworks {
    let emptyNetworks = scenario.networks.map { _ in
      NetworkCoverage(
        geometry: grid, altitudesAGL: Self.trackedAltitudes(scenario),
        altitudesMSL: Self.flightLevels(scenario).map { Float($0.metresMSL) })
    }
    var realTime = scenario.targets.map { _ in emptyNetworks }
    var withRelay = realTime
    var realTimeNames = scenario.targets.map { _ in scenario.networks.map { _ in [String]() } }
    var withRelayNames = realTimeNames
    var files: [String] = []
    for target in scenario.targets {
      try FileManager.default.createDirectory(atPath: path("per-radar/\(target.id)"), withIntermediateDirectories: true)
    }
    for (index, radar) in scenario.radars.enumerated() {
      let label = "radar \(index + 1)/\(scenario.radars.count) \(radar.name)"
      progress(label, 0)
      let ranges = scenario.targets.map { target in
        radar.type.coverageRange(
          of: target, minimumProbability: scenario.coverageProbability.value,
          falseAlarmProbability: scenario.falseAlarmProbability.value)
      }
      for range in ranges where range > 0 { fields.reserve(placed[index], radar.limits(range: range)) }
      for (number, target) in scenario.targets.enumerated() {
        let range = ranges[number]
        guard range > 0 else { continue }  // an SSR and a silent transponder: nothing to merge
        let field = try fields.field(of: placed[index], radar.limits(range: range)) { progress(label, $0) }
        for (configurationNumber, configuration) in scenario.networks.enumerated() {
          if configuration.isRealTime(radar) {
            realTime[number][configurationNumber].merge(field)
            realTimeNames[number][configurationNumber].append(radar.name)
          }
          if configuration.isRealTime(radar) || configuration.isRelayed(radar) {
            withRelay[number][configurationNumber].merge(field)
            withRelayNames[number][configurationNumber].append(radar.name)
          }
        }
        let file = path("per-radar/\(target.id)/\(SiteNetworkStudy.fileName(for: radar.name, index: index)).tif")
        files += try rasterFiles.write(
          CoverageBands.field(field), georeference: fields.terrain.georeference(of: placed[index].window),
          metadata: metadata(target: target, configuration: nil) + [
            ("AIRPICTURE_RADAR", describe(radar, range: range))
          ],
          besideStyle: file)
        fields.recycle(field)
      }
    }
    return StudyNetworks(
      realTime: realTime, withRelay: withRelay, realTimeNames: realTimeNames, withRelayNames: withRelayNames,
      files: files)
  }

  /// One configuration's network for one target: its GeoTIFFs (real time; with the voice relay when the
  /// configuration has one) with their styles, its Google Earth overlay, table rows (against the first
  /// configuration, whose covered areas `baselineCovered` keeps), maps (at the map altitude and at each flight
  /// level) and KML outline.
  private func writeConfiguration(
    _ configuration: NetworkConfiguration, target: TargetClass, realTime: NetworkCoverage,
    withRelay: NetworkCoverage, radarNames: (realTime: [String], withRelay: [String]), area: StudyArea,
    placed: [PlacedRadar], baselineCovered: inout [[Double]]
  ) throws -> (files: [String], rows: [StudyTable.Row], outline: KMLWriter.Outline, classes: [UInt8]) {
    let earth = fields.earth
    let altitudes = Self.trackedAltitudes(scenario)
    let name = "\(configuration.id)--\(target.id)"
    let order = "0-based, in the order of the band's category names"
    var files = try rasterFiles.write(
      CoverageBands.network(realTime, radarOrder: order, radarNames: radarNames.realTime),
      georeference: area.georeference,
      metadata: metadata(target: target, configuration: configuration)
        + [("AIRPICTURE_PICTURE", "real time: the radars of the configuration's real-time operators")],
      besideStyle: path("\(name).tif"))
    if let relay = configuration.voiceRelay {
      files += try rasterFiles.write(
        CoverageBands.network(withRelay, radarOrder: order, radarNames: radarNames.withRelay),
        georeference: area.georeference,
        metadata: metadata(target: target, configuration: configuration) + [
          (
            "AIRPICTURE_PICTURE",
            "with the voice relay: the real-time radars and those of \(relay.operators.joined(separator: ", ")), "
              + "reported by voice after \(relay.delay.value) s (\(relay.delay.provenance.label))"
          )
        ],
        besideStyle: path("\(Self.relayName(name)).tif"))
    }
    let overlay = path("\(name).kmz")
    try GroundOverlayWriter.write(
      classes: CoverageMapStyle.classes(of: realTime), palette: CoverageMapStyle.classes,
      georeference: area.georeference,
      name: "\(configuration.id): \(target.name), lowest altitude seen in real time",
      description: "\(configuration.description). Lowest altitude above ground at which a target is seen in real "
        + "time (Pd per scan >= \(scenario.coverageProbability.value)):\n\(CoverageMapStyle.legend)",
      to: overlay)
    files.append(overlay)
    let live = area.regions.areas(of: realTime, terrain: area.terrain, earthRadius: earth.radius)
    let relayed = area.regions.areas(of: withRelay, terrain: area.terrain, earthRadius: earth.radius)
    if baselineCovered.isEmpty { baselineCovered = live.covered }
    var rows: [StudyTable.Row] = []
    let flightLevels = Self.flightLevels(scenario)
    // The table's altitudes: the scenario's AGL ones (the map altitude is tracked but not listed unless asked for),
    // then its flight levels, each with its bit in the networks.
    let tableAltitudes: [(reference: AltitudeReference, metres: Double, flightLevel: Int?, bit: Int)] =
      altitudes.enumerated().compactMap { bit, altitude in
        scenario.altitudesAGL.contains(Double(altitude)) ? (.aboveGroundLevel, Double(altitude), nil, bit) : nil
      }
      + flightLevels.enumerated().map { number, level in
        (.meanSeaLevel, level.metresMSL, level.hundredsOfFeet, realTime.bit(altitudeMSL: number))
      }
    for (region, regionName) in area.regions.names.enumerated() {
      for altitude in tableAltitudes {
        let bit = altitude.bit
        let regionArea = live.region[region]
        let percent = { (value: Double) in regionArea > 0 ? 100 * value / regionArea : 0 }
        let difference = live.covered[region][bit] - baselineCovered[region][bit]
        rows.append(
          StudyTable.Row(
            configuration: configuration.id.rawValue, target: target.id, region: regionName,
            altitudeReference: altitude.reference, altitude: altitude.metres, flightLevel: altitude.flightLevel,
            regionKm2: regionArea, coveredKm2: live.covered[region][bit],
            coveredPercent: percent(live.covered[region][bit]),
            coveredWithRelayKm2: relayed.covered[region][bit],
            coveredWithRelayPercent: percent(relayed.covered[region][bit]), baseline: scenario.networks[0].id.rawValue,
            differenceVsBaselineKm2: difference, differenceVsBaselinePercentPoints: percent(difference)))
      }
    }
    let mapMask = UInt16(1) << UInt16(altitudes.firstIndex(of: Float(scenario.mapAltitudeAGL))!)
    let classes = Self.classes(realTime: realTime, withRelay: withRelay, mask: mapMask)
    let writeMap = { (file: String, subtitle: String, notes: [String], classes: [UInt8]) throws in
      _ = try StudyMap(
        title: self.scenario.title, subtitle: subtitle, notes: notes, georeference: area.georeference,
        elevation: area.terrain, classes: classes, bordersFile: self.scenario.bordersFile,
        regionsFile: self.scenario.regionsFile,
        sites: zip(placed, self.scenario.radars).map { StudyMap.Site(position: $0.position, placement: $1) },
        earthRadius: earth.radius, coarseTerrain: self.mapsMarkCoarseTerrain
      ).write(to: file)
    }
    let map = path("\(name).png")
    try writeMap(
      map, "\(configuration.id) | \(target.name) | covered at \(Int(scenario.mapAltitudeAGL)) m AGL", notes(),
      classes)
    // One map per flight level, classed by that level's bit as the AGL map by the map altitude's.
    var levelMaps: [String] = []
    for (number, level) in flightLevels.enumerated() {
      let mask = UInt16(1) << UInt16(realTime.bit(altitudeMSL: number))
      let levelMap = path("\(name)--\(level).png")
      try writeMap(
        levelMap,
        "\(configuration.id) | \(target.name) | covered at \(level) (\(Int(level.feet)) ft, "
          + "\(String(format: "%.0f", level.metresMSL)) m; pressure altitude taken as MSL)",
        notes() + FlightLevel.assumption.components(separatedBy: "; "),
        Self.classes(realTime: realTime, withRelay: withRelay, mask: mask))
      levelMaps.append(levelMap)
    }
    let outline = KMLWriter.Outline(
      name: "\(configuration.id): \(target.name), \(Int(scenario.mapAltitudeAGL)) m AGL",
      description: "\(configuration.description). Covered in real time where Pd per scan >= "
        + "\(scenario.coverageProbability.value).",
      mask: classes.map { $0 == 1 ? 1 : 0 }, georeference: area.georeference,
      style: "PEN(c:#009646,w:2px);BRUSH(fc:#00964650)")
    return (files + [map] + levelMaps, rows, outline, classes)
  }

  /// The covered-area table (CSV, JSON) and the KML of sites and outlines; returns their paths.
  private func writeSummaries(table: StudyTable, outlines: [KMLWriter.Outline]) throws -> [String] {
    try AtomicOutput.writeText(table.csv, to: path("coverage-table.csv"))
    try AtomicOutput.writeText(try table.json(), to: path("coverage-table.json"))
    let kml = path("coverage.kml")
    try KMLWriter.write(
      placemarks: scenario.radars.map { radar in
        KMLWriter.Placemark(
          name: radar.name, description: describe(radar, range: radar.type.instrumentedRange.value),
          longitude: radar.longitude, latitude: radar.latitude,
          style: "SYMBOL(c:\(OperatorStyle.hex(OperatorStyle.colour(for: radar))))")
      }, placemarkFolder: "Radar sites", outlines: outlines, to: kml)
    return [path("coverage-table.csv"), path("coverage-table.json"), kml]
  }

  /// The coverage polygons of every configuration and target at the scenario's table altitudes, as KML (Google
  /// Earth) and GeoPackage (QGIS), one layer per configuration and target; returns their paths.
  private func writePolygons(networks: StudyNetworks, area: StudyArea) throws -> [String] {
    let destinations = [
      (driver: "LIBKML", path: path("coverage-polygons.kml")), (driver: "GPKG", path: path("coverage-polygons.gpkg")),
    ]
    try ClassPolygonWriter.write(to: destinations) { writer in
      for (targetNumber, target) in scenario.targets.enumerated() {
        for (number, configuration) in scenario.networks.enumerated() {
          try writer.add(
            CoveragePolygons.layer(
              name: "\(configuration.id)--\(target.id)", realTime: networks.realTime[targetNumber][number],
              withRelay: networks.withRelay[targetNumber][number], terrain: area.terrain,
              altitudes: scenario.altitudesAGL, georeference: area.georeference,
              realTimeColour: OperatorStyle.hex(OperatorStyle.realTime),
              relayColour: OperatorStyle.hex(OperatorStyle.relayOnly)))
        }
      }
    }
    return destinations.map(\.path)
  }

  /// The classes of the study's maps: covered in real time, and covered only through the voice relay.
  public static var mapClasses: (realTime: ColourClass, relayOnly: ColourClass) {
    (StudyMap.realTime, StudyMap.relayOnly)
  }

  /// The name of a configuration's GeoTIFF with the voice relay, from its real-time name `name`.
  static func relayName(_ name: String) -> String { name + "--with-voice-relay" }

  private func fullWindow(_ terrain: TerrainSource) -> GridWindow {
    GridWindow(column: 0, row: 0, width: terrain.geometry.width, height: terrain.geometry.height)
  }

  /// The scenario's flight levels (pressure altitude taken as MSL: `FlightLevel.assumption`).
  static func flightLevels(_ scenario: Scenario) -> [FlightLevel] {
    scenario.flightLevels.map { FlightLevel($0.value) }
  }

  /// The scenario's table altitudes plus the map altitude, in metres above ground.
  static func trackedAltitudes(_ scenario: Scenario) -> [Float] {
    var values = scenario.altitudesAGL.map(Float.init)
    if !values.contains(Float(scenario.mapAltitudeAGL)) { values.append(Float(scenario.mapAltitudeAGL)) }
    return values
  }

  static func window(
    covering extent: (minX: Double, minY: Double, maxX: Double, maxY: Double), in geometry: GridGeometry
  )
    -> GridWindow?
  {
    let left = max(0, Int(geometry.column(ofX: extent.minX).rounded(.down)))
    let right = min(geometry.width - 1, Int(geometry.column(ofX: extent.maxX).rounded(.up)))
    let top = max(0, Int(geometry.row(ofY: extent.maxY).rounded(.down)))
    let bottom = min(geometry.height - 1, Int(geometry.row(ofY: extent.minY).rounded(.up)))
    guard left <= right, top <= bottom else { return nil }
    return GridWindow(column: left, row: top, width: right - left + 1, height: bottom - top + 1)
  }

  private func regionAreas(georeference: RasterGeoreference) throws -> RegionAreas {
    guard let file = scenario.regionsFile else {
      return RegionAreas(
        names: ["study area"], masks: [[UInt8](repeating: 1, count: georeference.width * georeference.height)])
    }
    return try RegionAreas.read(path: file, nameField: scenario.regionNameField, georeference: georeference)
  }

  private func notes() -> [String] {
    [
      "DEM: \((demPath as NSString).lastPathComponent); k = \(scenario.refractionFactor.value)",
      "covered: per-scan Pd >= \(scenario.coverageProbability.value), Pfa \(scenario.falseAlarmProbability.value)",
    ]
  }

  private func describe(_ radar: RadarPlacement, range: Double) -> String {
    "\(radar.type.name); operator \(radar.operator); antenna \(radar.antennaHeight.value) m AGL "
      + "(\(radar.antennaHeight.provenance.label)); range \(String(format: "%.0f", range / 1_000)) km"
      + (radar.notional ? "; NOTIONAL site" : "") + "; siting \(radar.provenance.label)"
  }

  private func metadata(target: TargetClass, configuration: NetworkConfiguration?) -> [(key: String, value: String)] {
    var items: [(key: String, value: String)] = [
      ("AIRPICTURE_SCENARIO", scenario.id), ("AIRPICTURE_DEM", demPath),
      (
        "AIRPICTURE_TARGET",
        "\(target.name), RCS \(target.radarCrossSection.value) m2, transponder \(target.transponderOn ? "on" : "off")"
      ),
      ("AIRPICTURE_K", "\(scenario.refractionFactor.value) (\(scenario.refractionFactor.provenance.label))"),
      ("AIRPICTURE_COVERAGE_PD", "\(scenario.coverageProbability.value)"),
    ]
    if let configuration { items.append(("AIRPICTURE_NETWORK", "\(configuration.id): \(configuration.description)")) }
    if !scenario.flightLevels.isEmpty {
      let levels = scenario.flightLevels.map { level in
        let flightLevel = FlightLevel(level.value)
        return "\(flightLevel) = \(Int(flightLevel.feet)) ft = \(String(format: "%.0f", flightLevel.metresMSL)) m MSL "
          + "(\(level.provenance.label))"
      }
      items.append(
        (
          "AIRPICTURE_FLIGHT_LEVELS",
          levels.joined(separator: "; ") + ". Covered at a flight level: the lowest visible altitude MSL is at "
            + "or below it, over terrain below it. \(FlightLevel.assumption)"
        ))
    }
    return items
  }

  private func path(_ name: String) -> String { (outputDirectory as NSString).appendingPathComponent(name) }
}

extension CoverageStudy {
  /// Refuses a study that cannot fit in memory before any terrain is read: the study grid's terrain, every
  /// target × configuration network (real time and with the relay), and the largest radar's kernel run times the
  /// fields it keeps (one per distinct range).
  fileprivate func checkMemory(placed: [PlacedRadar], studyCells: Int) throws {
    var largest = 0
    for (radar, site) in zip(scenario.radars, placed) {
      let estimate = try fields.resourceEstimate(of: site, radar.instrumentedLimits)
      largest = max(largest, estimate.peakBytes + (scenario.targets.count - 1) * estimate.fieldBytes)
    }
    let networks = scenario.targets.count * scenario.networks.count * 2
    let studyBytes = studyCells * (4 + 13 * networks + 8)
    let what =
      "scenario '\(scenario.id)' (\(scenario.radars.count) radars, \(networks) networks on \(studyCells / 1_000_000) M cells)"
    if let note = try MemoryBudget.check(
      largest + studyBytes, for: what,
      remedy: "use a coarser DEM (--dem, e.g. gdalwarp -tr), or set AIRPICTURE_MEMORY_LIMIT_MB if the machine has more")
    {
      FileHandle.standardError.write(Data("airpicture: \(note)\n".utf8))
    }
  }
}

extension CoverageStudy {
  /// Per cell 1 where the real-time picture covers the altitude of `mask`, 2 where only the voice relay does, 0
  /// elsewhere.
  static func classes(realTime: NetworkCoverage, withRelay: NetworkCoverage, mask: UInt16) -> [UInt8] {
    (0..<realTime.geometry.width * realTime.geometry.height).map { index in
      realTime.coveredBits(at: index) & mask != 0 ? 1 : (withRelay.coveredBits(at: index) & mask != 0 ? 2 : 0)
    }
  }
}
