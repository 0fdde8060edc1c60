import Foundation
import InterdictionModels
import RadarModels

/// Reads an interdiction scenario (`Scenarios/interdiction-*.yaml`): the radar network scenario it builds on, the
/// suspect aircraft and flight pattern, interceptors, basings and rules. Units are converted to SI on reading.
public enum InterdictionScenarioReader {
  static let knot = 1_852.0 / 3_600
  static let foot = 0.3048

  /// Reads the scenario at `path`; `network` (a coverage scenario's path), when given, replaces the radar network
  /// the scenario names, as it is: its radars, configurations and DEM. The rules must still name a classification
  /// time for each of its configurations (the reader refuses it otherwise, located in the scenario file).
  public static func read(contentsOf path: String, network override: String? = nil) throws -> InterdictionScenario {
    let text = try ScenarioText.read(path)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let document = try YAMLValue.document(text, file: path)
    try ScenarioKind.check(document, is: .interdiction)
    let fields = try document.mapping(allowed: [
      "scenario", "title", "network", "budget_usd", "aircraft_per_alert_pair", "aircraft", "flights", "interceptors",
      "basings", "rules", "sensitivity", "calibration",
    ])
    let networkField = try fields.required("network", in: document)
    let networkText = try networkField.string()
    let networkPath =
      networkText.hasPrefix("/") ? networkText : folder.appendingPathComponent(networkText).standardizedFileURL.path
    let network = try ScenarioReader.read(contentsOf: override ?? networkPath)
    let aircraft = try fields.required("aircraft", in: document).list().map(narcoAircraft)
    let interceptors = try fields.required("interceptors", in: document).list().map(interceptor)
    let basings = try fields.required("basings", in: document).list().map(basing)
    for (name, list) in [
      ("aircraft", aircraft.map(\.id)), ("interceptors", interceptors.map(\.id.rawValue)),
      ("basings", basings.map(\.id.rawValue)),
    ] {
      guard !list.isEmpty else { throw fields[name]!.error("give at least one") }
      guard Set(list).count == list.count else { throw fields[name]!.error("identifiers must be unique") }
    }
    var scenario = InterdictionScenario(
      id: try fields.required("scenario", in: document).identifier(),
      title: try fields.required("title", in: document).string(), network: network, aircraft: aircraft,
      pattern: try pattern(try fields.required("flights", in: document), folder: folder), interceptors: interceptors,
      basings: basings, rules: try rules(try fields.required("rules", in: document), networks: network.networks),
      budget: try fields.required("budget_usd", in: document).sourced(in: 0...1e12),
      aircraftPerAlertPair: try fields.required("aircraft_per_alert_pair", in: document).sourced(in: 1...100))
    scenario.sensitivityRanges = try fields["sensitivity"].map(sensitivityRanges) ?? [:]
    scenario.calibration = try fields["calibration"]?.list().map(calibrationFigure) ?? []
    return scenario
  }

  private static func scaled(_ value: Sourced<Double>, _ factor: Double) -> Sourced<Double> {
    Sourced(value.value * factor, value.provenance)
  }

  private static func narcoAircraft(_ entry: YAMLValue) throws -> NarcoAircraft {
    let fields = try entry.mapping(allowed: [
      "id", "name", "share", "cruise_kt", "climb_fpm", "ceiling_ft", "endurance_h", "rcs_m2",
      "transponder_on_probability", "cruise_agl_m", "ground_time_min",
    ])
    let ground = try fields.required("ground_time_min", in: entry).sourcedRange(in: 0...600)
    return NarcoAircraft(
      id: try fields.required("id", in: entry).string(), name: try fields.required("name", in: entry).string(),
      share: try fields.required("share", in: entry).double(in: 0...1_000),
      cruiseSpeed: scaled(try fields.required("cruise_kt", in: entry).sourced(in: 30...600), knot),
      climbRate: scaled(try fields.required("climb_fpm", in: entry).sourced(in: 100...10_000), foot / 60),
      ceiling: scaled(try fields.required("ceiling_ft", in: entry).sourced(in: 1_000...60_000), foot),
      endurance: scaled(try fields.required("endurance_h", in: entry).sourced(in: 0.5...48), 3_600),
      radarCrossSection: try fields.required("rcs_m2", in: entry).sourced(in: 0.001...1_000),
      transponderOnProbability: try fields.required("transponder_on_probability", in: entry).sourced(in: 0...1),
      cruiseHeight: try fields.required("cruise_agl_m", in: entry).sourced(in: 10...10_000),
      groundTime: Sourced((ground.value.lowerBound * 60)...(ground.value.upperBound * 60), ground.provenance))
  }

  private static func area(_ entry: YAMLValue, destination: Bool) throws -> FlightPattern.Area {
    let fields = try entry.mapping(
      allowed: Set(["name", "lat", "lon", "radius_km", "waypoints", "source", "assumption", "derived"])
        .union(destination ? ["share"] : []))
    _ = try entry.provenance(fields)
    let waypoints = try fields["waypoints"]?.list().map { point -> GeoCoordinate in
      let pair = try point.list()
      guard pair.count == 2 else { throw point.error("a waypoint is [lat, lon]") }
      return GeoCoordinate(latitude: try pair[0].double(in: -90...90), longitude: try pair[1].double(in: -180...180))
    }
    return FlightPattern.Area(
      name: try fields.required("name", in: entry).string(),
      latitude: try fields.required("lat", in: entry).double(in: -90...90),
      longitude: try fields.required("lon", in: entry).double(in: -180...180),
      radius: try fields.required("radius_km", in: entry).double(in: 0...500) * 1_000, waypoints: waypoints ?? [],
      share: try fields["share"]?.sourced(in: 0...1_000))
  }

  private static func pattern(_ entry: YAMLValue, folder: URL) throws -> FlightPattern {
    let fields = try entry.mapping(allowed: [
      "per_day", "entry_hour_local", "entry_spread_h", "origins", "destinations", "routing", "strips",
    ])
    let origins = try fields.required("origins", in: entry).list().map { try area($0, destination: false) }
    let destinationsField = try fields.required("destinations", in: entry)
    let destinations = try destinationsField.list().map { try area($0, destination: true) }
    guard !origins.isEmpty else { throw fields["origins"]!.error("give at least one origin") }
    guard !destinations.isEmpty else { throw fields["destinations"]!.error("give at least one destination") }
    let shares = destinations.compactMap(\.share?.value)
    guard shares.isEmpty || shares.count == destinations.count else {
      throw destinationsField.error("give every destination a share, or none (then all weigh alike)")
    }
    guard shares.isEmpty || shares.reduce(0, +) > 0 else {
      throw destinationsField.error("destination shares must not all be zero")
    }
    return FlightPattern(
      origins: origins, destinations: destinations,
      flightsPerDay: try fields.required("per_day", in: entry).sourced(in: 0...1_000),
      entryHour: try fields.required("entry_hour_local", in: entry).sourced(in: 0...24),
      entrySpread: try fields.required("entry_spread_h", in: entry).sourced(in: 0...12),
      routing: try fields["routing"].map(routing) ?? .direct,
      strips: try fields["strips"].map { try strips($0, folder: folder) } ?? .anywhere)
  }

  /// `routing:`: the share of flights on a least-exposure route, the weight of exposure, and the radars known.
  private static func routing(_ entry: YAMLValue) throws -> TraffickerRouting {
    let fields = try entry.mapping(allowed: ["planned_share", "exposure_weight", "known_radars"])
    let known = try fields.required("known_radars", in: entry)
    let knownFields = try known.mapping(allowed: ["value", "source", "assumption", "derived"])
    let choice = try knownFields.required("value", in: known)
    let choices = TraffickerRouting.KnownRadars.allCases.map(\.rawValue)
    guard let radars = TraffickerRouting.KnownRadars(rawValue: try choice.string()) else {
      throw choice.error("expected one of: \(choices.joined(separator: ", "))")
    }
    return TraffickerRouting(
      plannedShare: try fields.required("planned_share", in: entry).sourced(in: 0...1),
      exposureWeight: try fields.required("exposure_weight", in: entry).sourced(in: 0...10_000),
      knownRadars: Sourced(radars, try known.provenance(knownFields)))
  }

  /// `strips:`: the slope and altitude caps of strip sites, and an optional point layer of known strips.
  private static func strips(_ entry: YAMLValue, folder: URL) throws -> StripSiting {
    let fields = try entry.mapping(allowed: ["max_slope_percent", "max_altitude_m", "known_strips_file"])
    let slope = try fields.required("max_slope_percent", in: entry).sourced(in: 0...100)
    var file: String?
    if let field = fields["known_strips_file"] {
      let text = try field.string()
      let path = text.hasPrefix("/") ? text : folder.appendingPathComponent(text).standardizedFileURL.path
      guard FileManager.default.fileExists(atPath: path) else {
        throw field.error("no known-strips file at '\(ScenarioFileError.excerpt(path))'")
      }
      file = path
    }
    return StripSiting(
      maximumSlope: scaled(slope, 0.01),
      maximumAltitude: try fields.required("max_altitude_m", in: entry).sourced(in: -500...9_000),
      knownStripsFile: file)
  }

  private static func interceptor(_ entry: YAMLValue) throws -> InterceptorType {
    let fields = try entry.mapping(allowed: [
      "id", "name", "transit_kt", "combat_radius_km", "endurance_h", "min_escort_kt", "sensor_range_km",
      "unit_cost_usd", "cost_per_flight_hour_usd", "alert_readiness",
    ])
    return InterceptorType(
      id: InterceptorType.ID(try fields.required("id", in: entry).string()),
      name: try fields.required("name", in: entry).string(),
      transitSpeed: scaled(try fields.required("transit_kt", in: entry).sourced(in: 50...1_500), knot),
      combatRadius: scaled(try fields.required("combat_radius_km", in: entry).sourced(in: 10...5_000), 1_000),
      endurance: scaled(try fields.required("endurance_h", in: entry).sourced(in: 0.2...24), 3_600),
      minimumEscortSpeed: scaled(try fields.required("min_escort_kt", in: entry).sourced(in: 30...500), knot),
      sensorRange: scaled(try fields.required("sensor_range_km", in: entry).sourced(in: 0.1...1_000), 1_000),
      unitCost: try fields["unit_cost_usd"]?.sourced(in: 1...1e10),
      costPerFlightHour: try fields.required("cost_per_flight_hour_usd", in: entry).sourced(in: 0...1e6),
      alertReadiness: try fields.required("alert_readiness", in: entry).sourced(in: 0...1))
  }

  private static func basing(_ entry: YAMLValue) throws -> Basing {
    let fields = try entry.mapping(allowed: ["id", "description", "stations"])
    let stations = try fields.required("stations", in: entry).list().map { station -> Basing.Station in
      let values = try station.mapping(allowed: ["base", "lat", "lon", "alert_min", "source", "assumption", "derived"])
      _ = try station.provenance(values)
      return Basing.Station(
        name: try values.required("base", in: station).string(),
        latitude: try values.required("lat", in: station).double(in: -90...90),
        longitude: try values.required("lon", in: station).double(in: -180...180),
        scrambleDelay: try values["alert_min"].map { scaled(try $0.sourced(in: 0...10_000), 60) })
    }
    return Basing(
      id: Basing.ID(try fields.required("id", in: entry).string()),
      description: try fields.required("description", in: entry).string(),
      stations: stations)
  }

  private static func rules(_ entry: YAMLValue, networks: [NetworkConfiguration]) throws -> InterdictionRules {
    let fields = try entry.mapping(allowed: [
      "track_confirm", "track_drop_misses", "classification_min", "track_reassociation", "classification_evidence",
      "identification_min", "intervention_persuasion_min", "authorisation_min", "fast_jet_penalty", "search_min",
      "alert_pairs_per_station", "turnaround_min",
    ])
    let confirm = try fields.required("track_confirm", in: entry)
    let pair = try confirm.mapping(allowed: ["hits", "of", "source", "assumption", "derived"])
    _ = try confirm.provenance(pair)
    let hits = Int(try pair.required("hits", in: confirm).double(in: 1...20))
    let window = Int(try pair.required("of", in: confirm).double(in: 1...20))
    guard hits <= window else { throw confirm.error("hits must not exceed of") }
    let classificationField = try fields.required("classification_min", in: entry)
    var classification: [NetworkConfiguration.ID: Sourced<Double>] = [:]
    let known = Set(networks.map(\.id))
    for (text, value) in try classificationField.keyedEntries() {
      let id = NetworkConfiguration.ID(text)
      guard known.contains(id) else {
        throw value.error("no network configuration '\(ScenarioFileError.excerpt(text))' in the network scenario")
      }
      classification[id] = scaled(try value.sourced(in: 0...1_440), 60)
    }
    for network in networks where classification[network.id] == nil {
      throw classificationField.error(
        "missing classification time for network configuration '\(ScenarioFileError.excerpt(network.id.rawValue))'")
    }
    let reassociationField = try fields.required("track_reassociation", in: entry)
    let gating = try reassociationField.mapping(allowed: ["gate_km", "gate_growth_km_per_min", "max_gap_min"])
    let reassociation = TrackReassociation(
      gate: scaled(try gating.required("gate_km", in: reassociationField).sourced(in: 0...500), 1_000),
      gateGrowth: scaled(
        try gating.required("gate_growth_km_per_min", in: reassociationField).sourced(in: 0...100), 1_000.0 / 60),
      maximumGap: scaled(try gating.required("max_gap_min", in: reassociationField).sourced(in: 0...1_440), 60))
    let evidenceField = try fields.required("classification_evidence", in: entry)
    let cues = try evidenceField.mapping(allowed: ["squawk_factor", "entry_unseen_factor"])
    let evidence = ClassificationEvidence(
      squawkFactor: try cues.required("squawk_factor", in: evidenceField).sourced(in: 0.1...10),
      entryUnseenFactor: try cues.required("entry_unseen_factor", in: evidenceField).sourced(in: 0.1...10))
    return InterdictionRules(
      confirmHits: hits, confirmWindow: window,
      dropAfterMisses: Int(try fields.required("track_drop_misses", in: entry).sourced(in: 1...100).value),
      classificationTime: classification, reassociation: reassociation, evidence: evidence,
      identification: scaled(try fields.required("identification_min", in: entry).sourced(in: 0...600), 60),
      interventionAndPersuasion: scaled(
        try fields.required("intervention_persuasion_min", in: entry).sourced(in: 0...600), 60),
      authorisation: scaled(try fields.required("authorisation_min", in: entry).sourced(in: 0...600), 60),
      fastJetPenalty: try fields.required("fast_jet_penalty", in: entry).sourced(in: 1...10),
      searchTime: try fields["search_min"].map { scaled(try $0.sourced(in: 0...600), 60) }
        ?? InterdictionRules.defaultSearchTime,
      alertPairsPerStation: try fields["alert_pairs_per_station"].map { try wholeNumber($0, in: 1...50) }
        ?? InterdictionRules.defaultAlertPairsPerStation,
      turnaround: try fields["turnaround_min"].map { scaled(try $0.sourced(in: 0...2_880), 60) }
        ?? InterdictionRules.defaultTurnaround)
  }

  /// A sourced whole number.
  private static func wholeNumber(_ value: YAMLValue, in range: ClosedRange<Double>) throws -> Sourced<Double> {
    let number = try value.sourced(in: range)
    guard number.value == number.value.rounded() else { throw value.error("expected a whole number") }
    return number
  }
}
