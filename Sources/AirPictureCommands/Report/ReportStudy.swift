import Interdiction
import InterdictionModels

/// One scenario's contribution to the report: its inputs, its comparison table, the flights kept for the map, and the
/// coverage overlays the run wrote.
struct ReportStudy {
  var scenario: InterdictionScenario
  var table: ComparisonTable
  /// Flights `0..<n` with their paths, and every combination's records of them (empty when none were mapped).
  var mappedFlights: [MappedFlight] = []
  var mappedRecords: [MonteCarlo.Combination: [FlightRecord]] = [:]
  var overlays: [CoverageOverlay] = []
  /// Where the run wrote this scenario's coverage maps, relative to the output folder (`compare` gives each scenario
  /// its own, `coverage/<scenario-id>`, so scenarios sharing network ids do not collide).
  var coverageFolder = "coverage"

  /// The interceptor type's name for `id`, or `id` itself.
  func interceptorName(_ id: String) -> String {
    scenario.interceptors.first { $0.id.rawValue == id }?.name ?? id
  }

  /// The network configuration's description for `id` (its id when it has none).
  func networkDescription(_ id: String) -> String {
    scenario.network.networks.first { $0.id.rawValue == id }?.description ?? id
  }

  /// Whether the budget sustains the alert pairs `row`'s basing keeps.
  func feasibility(_ row: ComparisonTable.Row) -> Feasibility {
    let needed =
      scenario.basings.first { $0.id.rawValue == row.basing }?.stations.filter { $0.scrambleDelay != nil }
      .count ?? 0
    guard let sustained = row.alertPairsSustained else { return .inService(pairsNeeded: needed) }
    return needed <= sustained
      ? .affordable(pairsNeeded: needed, sustained: sustained)
      : .beyondBudget(pairsNeeded: needed, sustained: sustained)
  }

  /// The row with the highest P(intercept) per network configuration, in scenario order, among the rows `feasibility`
  /// does not put beyond the budget (nil for a network where every option is beyond it).
  func bestAffordable() -> [(network: String, row: ComparisonTable.Row?)] {
    scenario.network.networks.map { network in
      let rows = table.rows.filter { $0.network == network.id.rawValue && !feasibility($0).isBeyondBudget }
      return (network.id.rawValue, rows.max { $0.interception.estimate < $1.interception.estimate })
    }
  }
}

/// Whether a combination's basing is affordable: the alert pairs its stations keep against those the budget sustains
/// for its interceptor type.
enum Feasibility: Equatable {
  case affordable(pairsNeeded: Int, sustained: Int)
  case beyondBudget(pairsNeeded: Int, sustained: Int)
  /// A type in service and not bought: the budget does not apply and its fleet is not modelled.
  case inService(pairsNeeded: Int)

  var isBeyondBudget: Bool {
    if case .beyondBudget = self { return true }
    return false
  }

  /// A short verdict for tables.
  var label: String {
    switch self {
    case .affordable(let needed, let sustained): return "yes: \(needed) of \(sustained) pairs"
    case .beyondBudget(let needed, let sustained):
      return "NO: needs \(needed) alert pairs, budget sustains \(sustained)"
    case .inService(let needed): return "in service (\(needed) pairs; fleet not modelled)"
    }
  }
}
