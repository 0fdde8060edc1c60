import Foundation
import RadarModels

/// Reads and validates a scenario file (`Scenarios/*.yaml`), resolving its relative paths against the file's folder.
public enum ScenarioReader {
  /// Reads the scenario at `path`.
  public static func read(contentsOf path: String) throws -> Scenario {
    let text = try ScenarioText.read(path)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    return try parse(yaml: text, file: path, folder: folder)
  }

  /// Parses a scenario from `yaml`, named `file` in errors, with relative paths resolved against `folder`.
  public static func parse(yaml: String, file: String, folder: URL) throws -> Scenario {
    let document = try YAMLValue.document(yaml, file: file)
    try ScenarioKind.check(document, is: .coverage)
    let fields = try document.mapping(allowed: [
      "scenario", "title", "dem", "radar_types", "earth", "detection", "targets", "sites", "networks", "regions",
      "borders", "altitudes_agl_m", "map_altitude_agl_m", "flight_levels",
    ])
    func resolve(_ value: YAMLValue) throws -> String {
      let text = try value.string()
      return text.hasPrefix("/") ? text : folder.appendingPathComponent(text).standardizedFileURL.path
    }
    let demField = try fields.required("dem", in: document)
    let dems = try (try? demField.list()).map { try $0.map(resolve) } ?? [resolve(demField)]
    let catalogField = try fields.required("radar_types", in: document)
    let catalogPath = try resolve(catalogField)
    let catalog = try RadarTypeCatalog(contentsOf: catalogPath)

    let earth = try fields.required("earth", in: document)
    let earthFields = try earth.mapping(allowed: ["k"])
    let detection = try fields.required("detection", in: document)
    let detectionFields = try detection.mapping(allowed: ["pfa", "coverage_pd"])

    let targets = try fields.required("targets", in: document).list().map(target)
    try unique(targets.map(\.id), in: fields["targets"]!, what: "target id")
    let radars = try fields.required("sites", in: document).list().map { try site($0, catalog: catalog) }
    try unique(radars.map(\.name), in: fields["sites"]!, what: "site name")
    let operators = Set(radars.map(\.operator))
    let networks = try fields.required("networks", in: document).list().map { try network($0, operators: operators) }
    try unique(networks.map(\.id.rawValue), in: fields["networks"]!, what: "network id")

    var regionsFile: String?
    var regionField = "name"
    if let regions = fields["regions"] {
      let regionFields = try regions.mapping(allowed: ["file", "name_field"])
      regionsFile = try resolve(try regionFields.required("file", in: regions))
      regionField = try regionFields["name_field"]?.string() ?? "name"
    }
    let altitudeField = try fields.required("altitudes_agl_m", in: document)
    let altitudes = try altitudeField.list().map { try $0.double(in: 0...30_000) }
    guard !altitudes.isEmpty, altitudes.count <= 16 else { throw altitudeField.error("give 1 to 16 altitudes") }
    guard !targets.isEmpty else { throw fields["targets"]!.error("give at least one target") }
    guard !radars.isEmpty else { throw fields["sites"]!.error("give at least one site") }
    guard !networks.isEmpty else { throw fields["networks"]!.error("give at least one network configuration") }
    let mapField = try fields.required("map_altitude_agl_m", in: document)
    let mapAltitude = try mapField.double(in: 0...30_000)
    // The map altitude is tracked beside the table's, and a network tracks at most 16.
    guard altitudes.contains(mapAltitude) || altitudes.count < 16 else {
      throw mapField.error("not among the 16 altitudes_agl_m, and a scenario tracks at most 16 altitudes in all")
    }
    let flightLevels = try fields["flight_levels"].map(flightLevelList) ?? []
    if let field = fields["flight_levels"] {
      let tracked = altitudes.count + (altitudes.contains(mapAltitude) ? 0 : 1) + flightLevels.count
      guard tracked <= 16 else {
        throw field.error(
          "\(flightLevels.count) flight levels with \(tracked - flightLevels.count) altitudes above ground: a scenario "
            + "tracks at most 16 altitudes in all")
      }
    }
    return Scenario(
      id: try fields.required("scenario", in: document).identifier(),
      title: try fields.required("title", in: document).string(), demCandidates: dems,
      refractionFactor: try earthFields.required("k", in: earth).sourced(in: 0.1...10),
      falseAlarmProbability: try detectionFields.required("pfa", in: detection).sourced(in: 1e-12...0.1),
      coverageProbability: try detectionFields.required("coverage_pd", in: detection).sourced(in: 0.01...0.999),
      targets: targets, radars: radars, networks: networks, regionsFile: regionsFile, regionNameField: regionField,
      bordersFile: try fields["borders"].map(resolve), altitudesAGL: altitudes,
      mapAltitudeAGL: mapAltitude, flightLevels: flightLevels)
  }

  /// `flight_levels: [{value: 150, source: …}, …]`: 1 to 16 distinct flight levels (hundreds of feet, whole
  /// numbers from 1 to 600), each with its provenance.
  private static func flightLevelList(_ field: YAMLValue) throws -> [Sourced<Int>] {
    let entries = try field.list()
    guard !entries.isEmpty, entries.count <= 16 else { throw field.error("give 1 to 16 flight levels") }
    let levels = try entries.map { entry in
      let level = try entry.sourced(in: 1...600)
      guard level.value.rounded() == level.value else {
        throw entry.error("a flight level is a whole number of hundreds of feet (150 for FL150), got \(level.value)")
      }
      return Sourced(Int(level.value), level.provenance)
    }
    try unique(levels.map { "FL\($0.value)" }, in: field, what: "flight level")
    return levels
  }

  private static func unique(_ values: [String], in field: YAMLValue, what: String) throws {
    var seen = Set<String>()
    for value in values where !seen.insert(value).inserted {
      throw field.error("duplicate \(what) '\(ScenarioFileError.excerpt(value))'")
    }
  }

  private static func target(_ entry: YAMLValue) throws -> TargetClass {
    let fields = try entry.mapping(allowed: ["id", "name", "rcs_m2", "transponder"])
    return TargetClass(
      id: try fields.required("id", in: entry).identifier(), name: try fields.required("name", in: entry).string(),
      radarCrossSection: try fields.required("rcs_m2", in: entry).sourced(in: 0.001...10_000),
      transponderOn: try fields.required("transponder", in: entry).bool())
  }

  private static func site(_ entry: YAMLValue, catalog: RadarTypeCatalog) throws -> RadarPlacement {
    let fields = try entry.mapping(allowed: [
      "name", "operator", "type", "lat", "lon", "antenna_agl_m", "notional", "source", "assumption", "derived",
    ])
    let typeField = try fields.required("type", in: entry)
    let typeID = try typeField.string()
    guard let type = catalog[RadarType.ID(typeID)] else {
      let known = catalog.types.map { ScenarioFileError.excerpt($0.id.rawValue, limit: 40) }.joined(separator: ", ")
      throw typeField.error("unknown radar type '\(ScenarioFileError.excerpt(typeID))' (known: \(known))")
    }
    let notional = try fields["notional"]?.bool() ?? false
    return RadarPlacement(
      name: try fields.required("name", in: entry).string(),
      operator: try fields.required("operator", in: entry).string(), type: type,
      latitude: try fields.required("lat", in: entry).double(in: -90...90),
      longitude: try fields.required("lon", in: entry).double(in: -180...180),
      antennaHeight: try fields["antenna_agl_m"]?.sourced(in: 0...500) ?? type.antennaHeight, notional: notional,
      provenance: try entry.provenance(fields))
  }

  private static func network(_ entry: YAMLValue, operators: Set<String>) throws -> NetworkConfiguration {
    let fields = try entry.mapping(allowed: ["id", "description", "real_time", "fusion_latency_s", "voice_relay"])
    let realTimeField = try fields.required("real_time", in: entry)
    let realTime = try realTimeField.strings()
    for name in realTime where !operators.contains(name) {
      throw realTimeField.error("no site has operator '\(ScenarioFileError.excerpt(name))'")
    }
    var relay: NetworkConfiguration.VoiceRelay?
    if let relayField = fields["voice_relay"] {
      let relayFields = try relayField.mapping(allowed: ["operators", "delay_s", "probability"])
      let relayOperators = try relayFields.required("operators", in: relayField).strings()
      for name in relayOperators where !operators.contains(name) {
        throw relayFields["operators"]!.error("no site has operator '\(ScenarioFileError.excerpt(name))'")
      }
      relay = NetworkConfiguration.VoiceRelay(
        operators: relayOperators, delay: try relayFields.required("delay_s", in: relayField).sourced(in: 0...86_400),
        probability: try relayFields.required("probability", in: relayField).sourced(in: 0...1))
    }
    return NetworkConfiguration(
      id: NetworkConfiguration.ID(try fields.required("id", in: entry).identifier()),
      description: try fields.required("description", in: entry).string(), realTimeOperators: realTime,
      fusionLatency: try fields.required("fusion_latency_s", in: entry).sourced(in: 0...3_600), voiceRelay: relay)
  }
}
