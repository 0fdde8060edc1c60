import CoveragePipeline
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import RadarModels
import ScenarioFiles

/// A plan's `basing:` section run: for each network and configuration it names and each interceptor type, the K
/// forward bases (greedy, and exhaustive when the sets are few) that catch the most of the interdiction scenario's
/// flights, against the same flights for every candidate set (common random numbers), with the gain of every pick and
/// over the scenario's own basing as paired 95 % intervals, and what the alert pairs cost against the budget.
///
/// Each network's flights are flown once (paths, scans, pictures: `PreparedFlights`); only the engagements are run
/// again for each candidate set.
struct AlertBasingRun {
  let section: AlertBasingSection
  let plan: SitingPlanFile
  /// The network scenario with the plan's chosen sites (its network.yaml in the staging folder).
  let planNetwork: String
  let dem: String?
  let threads: Int
  let reporter: ProgressReporter

  /// One search: a network configuration, an interceptor type, and what greedy chose.
  struct Row {
    var network: String
    var configuration: String
    var interceptor: InterceptorType
    var candidates: [Basing.Station]
    var result: BasingSearch.Result
    var cost: AlertBasingCost
    /// The best set found (greedy's pick order when greedy found it).
    var chosenNames: [String] { result.best.map { candidates[$0].name } }
    var greedyNames: [String] { result.chosen.map { candidates[$0].name } }
  }

  /// The candidate airfields: the scenario's stations (each name once) and the point file's, each on the section's
  /// alert delay. A point without a `name` is named after its position in the file.
  static func candidates(_ section: AlertBasingSection) throws -> [Basing.Station] {
    var stations: [Basing.Station] = []
    func add(_ name: String, _ latitude: Double, _ longitude: Double) {
      guard !stations.contains(where: { $0.name == name }) else { return }
      stations.append(
        Basing.Station(
          name: name, latitude: latitude, longitude: longitude, scrambleDelay: section.alertDelay))
    }
    if section.airfieldsFromScenario {
      for station in section.scenario.basings.flatMap(\.stations) {
        add(station.name, station.latitude, station.longitude)
      }
    }
    if let file = section.airfieldsFile {
      var points = 0
      for layer in try FeatureReader.read(file.value) where layer.geometryType.contains("Point") {
        for feature in layer.features {
          for point in feature.coordinates {
            points += 1
            guard (-90...90).contains(point.y), (-180...180).contains(point.x) else {
              throw CommandError("airfield \(points) of '\(file.value)' is not in longitude/latitude degrees")
            }
            add(feature.values["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "airfield \(points)", point.y, point.x)
          }
        }
      }
      guard points > 0 else { throw CommandError("the airfields file '\(file.value)' has no point features") }
    }
    return stations
  }

  /// The network a choice names, as a scenario path and a label.
  private func network(_ source: AlertBasingSection.NetworkChoice.Source) -> (path: String, label: String) {
    switch source {
    case .base: return (plan.networkFile, plan.network.id)
    case .plan: return (planNetwork, "\(plan.network.id)-plus-\(plan.id)")
    case .file(let path): return (path, URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }
  }

  /// Runs every search and writes basing.csv and basing.md into `folder`; returns the table to print.
  func write(into folder: String) throws -> String {
    let rows = try execute()
    try Data(Self.csv(rows, section: section).utf8).write(to: URL(fileURLWithPath: folder + "/basing.csv"))
    try Data(Self.markdown(rows, section: section, plan: plan).utf8).write(
      to: URL(fileURLWithPath: folder + "/basing.md"))
    return Self.text(rows, section: section)
  }

  /// Runs every search, network by network (each network's world and flights are built once and dropped after).
  func execute() throws -> [Row] {
    let candidates = try Self.candidates(section)
    let count = Int(section.bases.value)
    guard candidates.count >= count else {
      throw CommandError(
        "the plan's basing asks for \(count) bases but has only \(candidates.count) candidate airfields")
    }
    var sources: [AlertBasingSection.NetworkChoice.Source] = []
    for choice in section.networks where !sources.contains(choice.source) { sources.append(choice.source) }
    var rows: [Row] = []
    for source in sources {
      let (path, _) = network(source)
      let scenario = try InterdictionRun.read(section.scenarioFile, network: path)
      let label = "\(scenario.network.id)"
      let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
      let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { label, fraction in
        reporter.report(label, fraction)
      }
      let monteCarlo = MonteCarlo(scenario: scenario, world: world, seed: section.seed, threads: threads)
      let configurations = section.networks.filter { $0.source == source }.map(\.configuration)
      reporter.report("basing: \(label): \(section.flights) flights", 0)
      let flights = PreparedFlights(monteCarlo: monteCarlo, flights: section.flights, configurations: configurations)
      for (number, configuration) in configurations.enumerated() {
        for interceptor in section.interceptors {
          reporter.report("basing: \(label) \(configuration.rawValue) \(interceptor.id.rawValue)", 0)
          let search = BasingSearch(
            flights: flights, configuration: number, interceptor: interceptor, candidates: candidates,
            reference: section.reference)
          let result = search.run(count: count)
          rows.append(
            Row(
              network: label, configuration: configuration.rawValue, interceptor: interceptor,
              candidates: candidates, result: result,
              cost: AlertBasingCost(
                bases: count, interceptor: interceptor, scenario: scenario,
                flightHoursPerFlight: result.trial.flightHoursPerFlight)))
        }
      }
    }
    reporter.finish()
    return rows
  }
}

extension AlertBasingRun {
  private static func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func interval(_ estimate: Double, _ low: Double, _ high: Double, _ digits: Int = 3) -> String {
    "\(number(estimate, digits)) [\(number(low, digits)) to \(number(high, digits))]"
  }

  /// Whether greedy's set is the best of all sets, as a word.
  private static func verdict(_ result: BasingSearch.Result) -> String {
    switch result.greedyIsBest {
    case .some(true): return "yes"
    case .some(false): return "no"
    case .none: return "not tried"
    }
  }

  /// basing.csv: one row per network configuration and interceptor type.
  static func csv(_ rows: [Row], section: AlertBasingSection) -> String {
    let header = [
      "network", "configuration", "interceptor", "bases_k", "bases", "found_by", "p_intercept", "p_intercept_low",
      "p_intercept_high", "reference_basing", "reference_p_intercept", "gain_over_reference",
      "gain_over_reference_low", "gain_over_reference_high", "greedy_in_pick_order", "greedy_p_intercept",
      "gain_by_pick", "sets_tried_exhaustively", "greedy_is_best", "sets_tied_with_best", "tied_sets", "alert_pairs",
      "aircraft_needed",
      "acquisition_usd", "budget_usd", "budget_sustains", "flight_hours_per_year", "flying_cost_per_year_usd",
    ]
    var lines = [header.joined(separator: ",")]
    for row in rows {
      let result = row.result
      let p = result.bestTrial.interception
      let gains = result.steps.map {
        "\(row.candidates[$0.candidate].name) +" + interval($0.gain.estimate, $0.gain.low, $0.gain.high, 4)
      }
      let fields: [String] = [
        row.network, row.configuration, row.interceptor.id.rawValue, "\(result.steps.count)",
        quoted(row.chosenNames.joined(separator: " | ")), result.foundBy, number(p.estimate, 4), number(p.low, 4),
        number(p.high, 4), section.reference.id.rawValue, number(result.reference.interception.estimate, 4),
        number(result.gainOverReference.estimate, 4), number(result.gainOverReference.low, 4),
        number(result.gainOverReference.high, 4), quoted(row.greedyNames.joined(separator: " | ")),
        number(result.trial.interception.estimate, 4), quoted(gains.joined(separator: " | ")),
        result.exhaustive.map { "\($0.sets)" } ?? "", verdict(result),
        result.exhaustive == nil ? "" : "\(result.tiedWithBest.count)",
        quoted(
          result.tiedWithBest.map { $0.map { row.candidates[$0].name }.joined(separator: " + ") }.joined(
            separator: " | ")), "\(row.cost.alertPairs)", "\(row.cost.aircraft)",
        row.cost.acquisitionUSD.map { number($0, 0) } ?? "", number(row.cost.budgetUSD, 0),
        row.cost.sustained.map { $0 ? "yes" : "no" } ?? "in service", number(row.cost.flightHoursPerYear, 1),
        number(row.cost.flyingCostPerYearUSD, 0),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The short table printed after a plan run.
  static func text(_ rows: [Row], section: AlertBasingSection) -> String {
    var lines = [
      "alert basing: \(Int(section.bases.value)) forward bases, \(section.flights) flights, seed \(section.seed); "
        + "gain over '\(section.reference.id.rawValue)' (paired 95 %)"
    ]
    for row in rows {
      let p = row.result.bestTrial.interception
      let gain = row.result.gainOverReference
      lines.append(
        "  \(row.network) \(row.configuration) \(row.interceptor.id.rawValue): "
          + row.chosenNames.joined(separator: " + ") + "  P(intercept) " + interval(p.estimate, p.low, p.high)
          + "  gain " + interval(gain.estimate, gain.low, gain.high)
          + "  found by \(row.result.foundBy)  budget: "
          + (row.cost.sustained.map { $0 ? "sustains \(row.cost.aircraft) aircraft" : "short" } ?? "in service"))
    }
    return lines.joined(separator: "\n")
  }

  /// basing.md: the table, whether the best basing changes with the network and with the interceptor type, and how
  /// to read it.
  static func markdown(_ rows: [Row], section: AlertBasingSection, plan: SitingPlanFile) -> String {
    let count = Int(section.bases.value)
    var text = """
      # Alert basing for \(plan.id)

      \(count) forward bases chosen among \(rows.first?.candidates.count ?? 0) candidate airfields, each on \
      \(number(section.alertDelay.value / 60, 0))-minute alert (\(section.alertDelay.provenance.label)), for \
      \(section.flights) flights of `\(section.scenario.id)` (seed \(section.seed)). Every candidate set meets the same \
      flights (common random numbers); gains are paired differences with 95 % normal intervals over flights. \
      P(intercept) is a Wilson 95 % interval. The reference is the scenario's basing `\(section.reference.id.rawValue)` \
      (\(section.reference.description)).

      | network | configuration | interceptor | bases | P(intercept) | gain over reference | found by | sets tied with it | alert pairs | aircraft | acquisition | budget sustains |
      |---|---|---|---|---|---|---|---|---|---|---|---|

      """
    for row in rows {
      let p = row.result.bestTrial.interception
      let gain = row.result.gainOverReference
      let acquisition = row.cost.acquisitionUSD.map { "US$\(number($0 / 1e9, 2)) B" } ?? "in service"
      text +=
        "| \(row.network) | \(row.configuration) | \(row.interceptor.name) | "
        + row.chosenNames.joined(separator: ", ") + " | \(interval(p.estimate, p.low, p.high)) | "
        + "\(interval(gain.estimate, gain.low, gain.high)) | \(row.result.foundBy) | "
        + (row.result.exhaustive == nil ? "not known" : "\(row.result.tiedWithBest.count)")
        + " | \(row.cost.alertPairs) | "
        + "\(row.cost.aircraft) | \(acquisition) | "
        + (row.cost.sustained.map { $0 ? "yes" : "no" } ?? "n/a") + " |\n"
    }
    text += "\n## Does the best basing change with the network?\n\n"
    for interceptor in section.interceptors {
      let own = rows.filter { $0.interceptor.id == interceptor.id }
      text += "- \(interceptor.name): " + change(own, by: { "\($0.network) \($0.configuration)" }) + "\n"
    }
    text += "\n## Does it change with the interceptor type?\n\n"
    var networks: [String] = []
    for row in rows where !networks.contains("\(row.network) \(row.configuration)") {
      networks.append("\(row.network) \(row.configuration)")
    }
    for network in networks {
      let own = rows.filter { "\($0.network) \($0.configuration)" == network }
      text += "- \(network): " + change(own, by: { $0.interceptor.name }) + "\n"
    }
    text += """

      ## How to read it

      - "bases" is the best set found. P(intercept) with shared alert pairs is not guaranteed submodular (a second \
      base can free the first's pair for a later flight of the same day), so greedy carries no (1 − 1/e) guarantee; \
      every set of \(count) is also tried when there are at most 500. "found by" says which search found the set: \
      "greedy and exhaustive" (greedy's picks are the best of all sets), "exhaustive" (greedy missed it; its picks \
      and their gains are in basing.csv, `greedy_in_pick_order` and `gain_by_pick`) or "greedy" (too many sets to \
      try all: the best set is not known).
      - "sets tied with it": the other sets of \(count) whose difference from the best set holds 0 in its paired 95 % \
      interval: these flights do not tell them apart from the best (basing.csv names them, best first). Where there \
      are many, the choice among them rests on other grounds (runway, fuel, shelters, cost), not on P(intercept); \
      "does it change" below compares the best sets only.
      - Greedy's bases are listed in pick order, each with its own gain over the picks before it (paired, 95 %).
      - A gain whose interval holds 0 is not told apart from the reference with these flights. The intervals treat \
      flights as independent; a day's flights share alert pairs and radar outages, so the spread between seeds is \
      wider.
      - Alert pairs: \(number(section.scenario.rules.alertPairsPerStation.value, 0)) per base \
      (\(section.scenario.rules.alertPairsPerStation.provenance.label)); aircraft: \
      \(number(section.scenario.aircraftPerAlertPair.value, 0)) per pair (\(section.scenario.aircraftPerAlertPair.provenance.label)); \
      the budget, US$\(number(section.scenario.budget.value / 1e9, 2)) B (\(section.scenario.budget.provenance.label)), is \
      an acquisition budget: it sustains a basing when the aircraft it needs cost no more at the type's unit cost. \
      Types in service are not bought (n/a). Flying costs a year are in basing.csv.

      """
    return text
  }

  /// Whether the chosen sets of `rows` differ, grouped by `key`: "no: A, B everywhere" or each group's set.
  private static func change(_ rows: [Row], by key: (Row) -> String) -> String {
    let sets = rows.map { Set($0.chosenNames) }
    guard let first = sets.first else { return "nothing run" }
    if sets.allSatisfy({ $0 == first }) {
      return "no: " + rows[0].chosenNames.sorted().joined(separator: " and ") + " in every case"
    }
    let listed = rows.map { "\(key($0)) " + $0.chosenNames.joined(separator: " + ") }.joined(separator: "; ")
    // Where every other case's best set is the best or tied with it here, the change is within the flights' noise.
    let beyond = rows.filter { row in
      guard row.result.exhaustive != nil else { return true }
      let tied = Set(row.result.tiedWithBest.map { $0.sorted() } + [row.result.best.sorted()])
      return rows.contains { !tied.contains($0.result.best.sorted()) }
    }
    let verdict =
      beyond.isEmpty
      ? "every other case's set is tied with the best in each case: the change is within the flights' noise"
      : "beyond the flights' noise under " + beyond.map(key).joined(separator: ", ")
    return "yes: \(listed) (\(verdict))"
  }
}
