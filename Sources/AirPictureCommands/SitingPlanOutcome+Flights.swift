import Foundation

/// The flight term's figures in the plan's outputs: the expected share of the simulated suspect flights that some
/// radar sees, for the base network and after each chosen site. Nothing is added when the plan has no flights.
extension SitingPlanOutcome {
  /// The expected detected share with the base network and the first `rank` chosen sites; nil without flights.
  func detectedShare(throughRank rank: Int) -> Double? {
    search.objective.detectedShare(of: swapped.chosen.prefix(rank).map { search.candidates[$0] })
  }

  /// plan.csv's extra column.
  var flightColumns: [String] { plan.flights == nil ? [] : ["expected_detected_share"] }

  /// plan.csv's extra field for `row`.
  func flightFields(_ row: Row) -> [String] {
    detectedShare(throughRank: row.rank).map { [String(format: "%.4f", $0)] } ?? []
  }

  /// plan.json's extra top-level fields.
  var flightJSON: [String: Any] {
    guard let flights = plan.flights, let base = detectedShare(throughRank: 0),
      let final = detectedShare(throughRank: swapped.chosen.count)
    else { return [:] }
    return [
      "flights": [
        "scenario": flights.scenario.id, "count": Int(flights.count.value), "seed": flights.seed,
        "weight_km2": flights.weight.value, "base_detected_share": base, "final_detected_share": final,
      ]
    ]
  }

  /// plan.json's extra field for `row`.
  func flightJSON(_ row: Row) -> [String: Any] {
    detectedShare(throughRank: row.rank).map { ["expected_detected_share": $0] } ?? [:]
  }

  /// The summary's extra line.
  var flightSummary: [String] {
    guard let flights = plan.flights, let base = detectedShare(throughRank: 0),
      let final = detectedShare(throughRank: swapped.chosen.count)
    else { return [] }
    return [
      String(
        format: "flights: %.1f %% of %d simulated flights of %@ (seed %llu) seen by some radar, expected; "
          + "with the sites %.1f %%", base * 100, Int(flights.count.value), flights.scenario.id, flights.seed,
        final * 100)
    ]
  }
}
