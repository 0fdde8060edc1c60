import Foundation
import RadarModels

/// Reads and validates a plan file (`airpicture plan`), resolving its relative paths against the file's folder and
/// reading the base network scenario it names. Errors name the file, line and field.
public enum SitingPlanReader {
  /// Reads the plan at `path`.
  public static func read(contentsOf path: String) throws -> SitingPlanFile {
    let text = try ScenarioText.read(path)
    return try parse(yaml: text, file: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent())
  }

  /// Parses a plan from `yaml`, named `file` in errors, with relative paths resolved against `folder`.
  public static func parse(yaml: String, file: String, folder: URL) throws -> SitingPlanFile {
    let document = try YAMLValue.document(yaml, file: file)
    let fields = try document.mapping(allowed: [
      "plan", "title", "network", "radar_types", "radar", "sites", "target", "configuration", "regions", "altitudes",
      "candidates", "screening", "objective", "basing",
    ])
    func resolve(_ value: YAMLValue) throws -> String {
      let text = try value.string()
      return text.hasPrefix("/") ? text : folder.appendingPathComponent(text).standardizedFileURL.path
    }
    let id = try fields.required("plan", in: document).identifier()
    let title = try fields.required("title", in: document).string()
    let networkPath = try resolve(try fields.required("network", in: document))
    let network = try ScenarioReader.read(contentsOf: networkPath)
    let catalog = try RadarTypeCatalog(contentsOf: try resolve(try fields.required("radar_types", in: document)))

    let radar = try fields.required("radar", in: document)
    let radarFields = try radar.mapping(allowed: ["type", "mast_m"])
    let typeField = try radarFields.required("type", in: radar)
    let typeID = try typeField.string()
    guard let type = catalog[RadarType.ID(typeID)] else {
      let known = catalog.types.map { ScenarioFileError.excerpt($0.id.rawValue, limit: 40) }.joined(separator: ", ")
      throw typeField.error("unknown radar type '\(ScenarioFileError.excerpt(typeID))' (known: \(known))")
    }
    let mast = try radarFields.required("mast_m", in: radar).sourced(in: 0...500)

    let sitesField = try fields.required("sites", in: document)
    let sites = try sitesField.sourced(in: 1...1_000)
    guard sites.value == sites.value.rounded() else { throw sitesField.error("give a whole number of sites") }

    let targetField = try fields.required("target", in: document)
    let targetID = try targetField.string()
    guard let target = network.targets.first(where: { $0.id == targetID }) else {
      throw targetField.error(
        "unknown target '\(ScenarioFileError.excerpt(targetID))' (the network's: "
          + network.targets.map(\.id).joined(separator: ", ") + ")")
    }
    let configurationField = try fields.required("configuration", in: document)
    let configurationID = try configurationField.string()
    guard let configuration = network.networks.first(where: { $0.id.rawValue == configurationID }) else {
      throw configurationField.error(
        "unknown network configuration '\(ScenarioFileError.excerpt(configurationID))' (the network's: "
          + network.networks.map(\.id.rawValue).joined(separator: ", ") + ")")
    }

    let regionsField = try fields.required("regions", in: document)
    let regions = try regionsField.list().map(region)
    guard !regions.isEmpty else { throw regionsField.error("give at least one region") }
    var seen = Set<String>()
    for name in regions.map(\.name) where !seen.insert(name).inserted {
      throw regionsField.error("duplicate region '\(ScenarioFileError.excerpt(name))'")
    }
    guard network.regionsFile != nil else {
      throw regionsField.error("the network scenario names no regions file to find these regions in")
    }

    let altitudes = try fields.required("altitudes", in: document)
    let altitudeFields = try altitudes.mapping(allowed: ["agl_m", "flight_levels"])
    let agl = try altitudeFields["agl_m"]?.list().map { try weighted($0, in: 0...30_000) } ?? []
    let levels = try altitudeFields["flight_levels"]?.list().map { try weighted($0, in: 0...600) } ?? []
    guard !agl.isEmpty || !levels.isEmpty, agl.count + levels.count <= 16 else {
      throw altitudes.error("give 1 to 16 altitudes (agl_m and flight_levels together)")
    }

    let candidatesField = try fields.required("candidates", in: document)
    let candidateFields = try candidatesField.mapping(allowed: ["from_dem", "file"])
    let fromDEM = try candidateFields["from_dem"].map { try demCandidates($0, regions: Set(regions.map(\.name))) }
    var pointFile: Sourced<String>?
    if let entry = candidateFields["file"] {
      let entryFields = try entry.mapping(allowed: ["path", "source", "assumption", "derived"])
      pointFile = Sourced(try resolve(try entryFields.required("path", in: entry)), try entry.provenance(entryFields))
    }
    guard fromDEM != nil || pointFile != nil else {
      throw candidatesField.error("give 'from_dem', 'file' or both")
    }
    let screening = try fields["screening"].map { try Self.screening($0, sites: sites.value) }
    var flights: SitingPlanFile.Flights?
    if let objective = fields["objective"] {
      let objectiveFields = try objective.mapping(allowed: ["flights"])
      if let entry = objectiveFields["flights"] { flights = try self.flights(entry, resolve: resolve) }
    }
    let basing = try fields["basing"].map {
      try AlertBasingSection.read(
        $0, baseNetwork: networkPath, baseConfigurations: network.networks.map(\.id), resolve: resolve)
    }
    return SitingPlanFile(
      id: id, title: title, networkFile: networkPath, network: network, radarType: type, mast: mast, sites: sites,
      target: target, configuration: configuration, regions: regions, altitudesAGL: agl.map { ($0.value, $0.weight) },
      flightLevels: levels.map { ($0.value, $0.weight) },
      candidates: SitingPlanFile.Candidates(fromDEM: fromDEM, file: pointFile), screening: screening, flights: flights,
      basing: basing)
  }

  /// `{scenario: interdiction-2025.yaml, count: {value: 1000, …}, seed: 1, weight_km2: {value: …, …}}`.
  private static func flights(_ entry: YAMLValue, resolve: (YAMLValue) throws -> String) throws
    -> SitingPlanFile.Flights
  {
    let fields = try entry.mapping(allowed: ["scenario", "count", "seed", "weight_km2"])
    let path = try resolve(try fields.required("scenario", in: entry))
    let countField = try fields.required("count", in: entry)
    let count = try countField.sourced(in: 1...1_000_000)
    guard count.value == count.value.rounded() else { throw countField.error("give a whole number of flights") }
    let seedField = try fields.required("seed", in: entry)
    let seed = try seedField.double(in: 0...9_007_199_254_740_992)
    guard seed == seed.rounded() else { throw seedField.error("give a whole number") }
    return SitingPlanFile.Flights(
      scenarioFile: path, scenario: try InterdictionScenarioReader.read(contentsOf: path), count: count,
      seed: UInt64(seed), weight: try fields.required("weight_km2", in: entry).sourced(in: 0...100_000_000))
  }

  /// `{name: "VRAEM", weight: {value: 1, assumption: "…"}}`.
  private static func region(_ entry: YAMLValue) throws -> SitingPlanFile.Region {
    let fields = try entry.mapping(allowed: ["name", "weight"])
    return SitingPlanFile.Region(
      name: try fields.required("name", in: entry).string(),
      weight: try fields.required("weight", in: entry).sourced(in: 0...1_000))
  }

  /// `{value: 300, weight: 1, assumption: "…"}`: an altitude with its provenance and an optional weight (1).
  private static func weighted(_ entry: YAMLValue, in range: ClosedRange<Double>) throws -> (
    value: Sourced<Double>, weight: Double
  ) {
    let fields = try entry.mapping(allowed: ["value", "weight", "source", "assumption", "derived"])
    let value = try fields.required("value", in: entry).double(in: range)
    let weight = try fields["weight"]?.double(in: 0...1_000) ?? 1
    return (Sourced(value, try entry.provenance(fields)), weight)
  }

  private static func demCandidates(_ entry: YAMLValue, regions: Set<String>) throws -> SitingPlanFile.DEMCandidates {
    let fields = try entry.mapping(allowed: [
      "prominence_radius_m", "min_prominence_m", "spacing_m", "max_ground_m", "top", "within", "bbox",
    ])
    var within: [String] = []
    if let field = fields["within"] {
      within = try field.strings()
      for (index, name) in within.enumerated() where !regions.contains(name) {
        throw try field.list()[index].error(
          "'\(ScenarioFileError.excerpt(name))' is not one of the plan's regions (\(regions.sorted().joined(separator: ", ")))"
        )
      }
    }
    var box: [Double]?
    if let field = fields["bbox"] {
      let values = try field.list().map { try $0.double(in: -180...180) }
      guard values.count == 4, values[0] < values[2], values[1] < values[3], values[1] >= -90, values[3] <= 90 else {
        throw field.error("expected [west, south, east, north] in degrees, west < east, south < north")
      }
      box = values
    }
    guard within.isEmpty != (box == nil) else {
      throw entry.error("give exactly one of 'within' (region names) or 'bbox' ([west, south, east, north])")
    }
    let topField = fields["top"]
    let top = try topField?.sourced(in: 1...100_000)
    if let top, top.value != top.value.rounded() { throw topField!.error("give a whole number") }
    return SitingPlanFile.DEMCandidates(
      prominenceRadius: try fields.required("prominence_radius_m", in: entry).sourced(in: 1...1_000_000),
      minimumProminence: try fields.required("min_prominence_m", in: entry).sourced(in: 0...10_000),
      spacing: try fields.required("spacing_m", in: entry).sourced(in: 0...10_000_000),
      maximumGround: try fields["max_ground_m"]?.sourced(in: -500...9_000), top: top, withinRegions: within,
      boundingBox: box)
  }
}
