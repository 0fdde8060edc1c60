import Foundation
import InterdictionModels
import RadarModels

/// A plan file's optional `basing:` section: where to base the alert pairs. It names an interdiction scenario, the
/// interceptor types to base, how many forward bases, the candidate airfields (the scenario's own stations and/or an
/// OGR point layer), the networks to compare (the plan's base network, other network scenarios, and the network with
/// the plan's chosen sites) and the scenario's basing the gains are measured against.
public struct AlertBasingSection: Sendable {
  /// A network the basing is chosen under.
  public struct NetworkChoice: Sendable, Equatable {
    /// Where the network comes from.
    public enum Source: Sendable, Equatable {
      /// The plan's base network.
      case base
      /// The base network with the sites the plan chooses (its network.yaml).
      case plan
      /// Another coverage scenario (path resolved).
      case file(String)
    }

    public var source: Source
    /// The configuration of that network (the interdiction scenario's rules name a classification time for it).
    public var configuration: NetworkConfiguration.ID
  }

  /// The interdiction scenario's path (resolved) and the scenario, with its own network.
  public var scenarioFile: String
  public var scenario: InterdictionScenario
  /// The scenario's basing each gain is measured against.
  public var reference: Basing
  /// The interceptor types to base, in the file's order.
  public var interceptors: [InterceptorType]
  /// Forward bases to choose (K).
  public var bases: Sourced<Double>
  /// Simulated flights and the seed.
  public var flights: Int
  public var seed: UInt64
  /// The networks, in the file's order.
  public var networks: [NetworkChoice]
  /// Whether the scenario's stations (every basing's, each name once) are candidates.
  public var airfieldsFromScenario: Bool
  /// An OGR point layer of candidate airfields (path resolved; names from a `name` field), and why these.
  public var airfieldsFile: Sourced<String>?
  /// Seconds from the order to take-off at a candidate airfield (a forward alert): given, or the shortest alert delay
  /// among the scenario's stations, with its provenance.
  public var alertDelay: Sourced<Double>
}

extension AlertBasingSection {
  /// Reads a `basing:` section; `baseNetwork` is the plan's base network scenario (path resolved), `resolve` resolves
  /// a path against the plan's folder. Errors name the file, line and field.
  static func read(
    _ entry: YAMLValue, baseNetwork: String, baseConfigurations: [NetworkConfiguration.ID],
    resolve: (YAMLValue) throws -> String
  ) throws -> AlertBasingSection {
    let fields = try entry.mapping(allowed: [
      "scenario", "reference", "interceptors", "bases", "flights", "seed", "networks", "airfields",
    ])
    let scenarioField = try fields.required("scenario", in: entry)
    let scenarioFile = try resolve(scenarioField)
    let scenario = try InterdictionScenarioReader.read(contentsOf: scenarioFile)

    let referenceField = try fields.required("reference", in: entry)
    let referenceID = try referenceField.string()
    guard let reference = scenario.basings.first(where: { $0.id.rawValue == referenceID }) else {
      throw referenceField.error(
        "unknown basing '\(ScenarioFileError.excerpt(referenceID))' (the scenario's: "
          + scenario.basings.map(\.id.rawValue).joined(separator: ", ") + ")")
    }

    let interceptorsField = try fields.required("interceptors", in: entry)
    let interceptorEntries = try interceptorsField.list()
    guard !interceptorEntries.isEmpty else { throw interceptorsField.error("give at least one interceptor") }
    var interceptors: [InterceptorType] = []
    for item in interceptorEntries {
      let id = try item.string()
      guard let found = scenario.interceptors.first(where: { $0.id.rawValue == id }) else {
        throw item.error(
          "unknown interceptor '\(ScenarioFileError.excerpt(id))' (the scenario's: "
            + scenario.interceptors.map(\.id.rawValue).joined(separator: ", ") + ")")
      }
      guard !interceptors.contains(where: { $0.id == found.id }) else { throw item.error("interceptor given twice") }
      interceptors.append(found)
    }

    let basesField = try fields.required("bases", in: entry)
    let bases = try basesField.sourced(in: 1...20)
    guard bases.value == bases.value.rounded() else { throw basesField.error("give a whole number of bases") }
    let flightsField = try fields.required("flights", in: entry)
    let flights = try flightsField.double(in: 1...1_000_000)
    guard flights == flights.rounded() else { throw flightsField.error("give a whole number of flights") }
    let seedField = try fields.required("seed", in: entry)
    let seed = try seedField.double(in: 0...9_007_199_254_740_991)
    guard seed == seed.rounded() else { throw seedField.error("give a whole number") }

    let networksField = try fields.required("networks", in: entry)
    var networks: [NetworkChoice] = []
    for item in try networksField.list() {
      let itemFields = try item.mapping(allowed: ["network", "configuration"])
      let networkField = try itemFields.required("network", in: item)
      let name = try networkField.string()
      let configurationField = try itemFields.required("configuration", in: item)
      let configuration = NetworkConfiguration.ID(try configurationField.string())
      let source: NetworkChoice.Source
      let known: [NetworkConfiguration.ID]
      switch name {
      case "base", "plan":
        source = name == "base" ? .base : .plan
        known = baseConfigurations
      default:
        let path = try resolve(networkField)
        source = .file(path)
        // The scenario must run on it: read it with this network now, so that a mismatch is found before any work.
        known = try runnable(scenarioFile, on: path, field: networkField).network.networks.map(\.id)
      }
      guard known.contains(configuration) else {
        throw configurationField.error(
          "unknown network configuration '\(ScenarioFileError.excerpt(configuration.rawValue))' (the network's: "
            + known.map(\.rawValue).joined(separator: ", ") + ")")
      }
      let choice = NetworkChoice(source: source, configuration: configuration)
      guard !networks.contains(choice) else { throw item.error("network and configuration given twice") }
      networks.append(choice)
    }
    guard !networks.isEmpty else { throw networksField.error("give at least one network") }
    if networks.contains(where: { $0.source == .base || $0.source == .plan }) {
      // The base network (and the plan's, which has its configurations) must suit the scenario's rules.
      _ = try runnable(scenarioFile, on: baseNetwork, field: networksField)
    }

    let airfieldsField = try fields.required("airfields", in: entry)
    let airfieldFields = try airfieldsField.mapping(allowed: ["from_scenario", "file", "alert_min"])
    let fromScenario = try airfieldFields["from_scenario"]?.bool() ?? false
    var file: Sourced<String>?
    if let given = airfieldFields["file"] {
      let givenFields = try given.mapping(allowed: ["path", "source", "assumption", "derived"])
      file = Sourced(try resolve(try givenFields.required("path", in: given)), try given.provenance(givenFields))
    }
    guard fromScenario || file != nil else {
      throw airfieldsField.error("give 'from_scenario: true', 'file' or both")
    }
    let alertDelay: Sourced<Double>
    if let given = airfieldFields["alert_min"] {
      let minutes = try given.sourced(in: 0...1_440)
      alertDelay = Sourced(minutes.value * 60, minutes.provenance)
    } else {
      let stations = scenario.basings.flatMap(\.stations).compactMap(\.scrambleDelay)
      guard let shortest = stations.min(by: { $0.value < $1.value }) else {
        throw airfieldsField.error("the scenario's stations have no alert delay to start from: give 'alert_min'")
      }
      alertDelay = shortest
    }
    return AlertBasingSection(
      scenarioFile: scenarioFile, scenario: scenario, reference: reference, interceptors: interceptors, bases: bases,
      flights: Int(flights), seed: UInt64(seed), networks: networks, airfieldsFromScenario: fromScenario,
      airfieldsFile: file, alertDelay: alertDelay)
  }

  /// The scenario at `scenarioFile` read with the network `network`; a network it cannot run on (a configuration
  /// its rules give no classification time, an unreadable file) is refused at `field`, with the reason.
  private static func runnable(_ scenarioFile: String, on network: String, field: YAMLValue) throws
    -> InterdictionScenario
  {
    do {
      return try InterdictionScenarioReader.read(contentsOf: scenarioFile, network: network)
    } catch {
      throw field.error("the basing scenario cannot run on the network '\(network)': \(error)")
    }
  }
}
