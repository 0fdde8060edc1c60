import CoverageKernel
import Foundation
import GeoRaster
import RadarModels
import ScenarioFiles
import SitePlanning

/// What a plan run found, and the files and table that report it.
struct SitingPlanOutcome {
  let plan: SitingPlanFile
  let candidates: [CandidateSite]
  let terrain: ElevationGrid
  let search: SitingSearch
  let greedy: GreedySelection
  let swapped: SwapImprovement
  /// For the map, the site files, the charts and the report: the plan file and DEM read, the DEM's georeference,
  /// the Earth model, the base network's radars, and whether the DEM is the coarse fallback.
  let planPath: String
  let demPath: String
  let georeference: RasterGeoreference
  let earth: EarthModel
  let baseRadars: [PlanningRadar]
  let coarseTerrain: Bool

  /// One chosen site, in the final set's order (greedy picks, then swaps in their slots).
  struct Row {
    var rank: Int
    var candidate: CandidateSite
    /// km² by region (outer) and altitude (inner), on top of the base and the sites ranked before.
    var gains: [[Double]]
    /// Expected weighted covered km² with the sites up to this one, base included.
    var cumulative: Double
  }

  /// The chosen sites with their marginal gains in rank order, recomputed on the final (swapped) set.
  var rows: [Row] {
    var chosen: [Int] = []
    return swapped.chosen.enumerated().map { rank, index in
      let before = chosen
      chosen.append(index)
      let split = search.gainByRegionAndAltitude(of: index, after: before)
      return Row(
        rank: rank + 1, candidate: candidates[index], gains: split.map { $0.map { $0 / 1e6 } },
        cumulative: search.value(of: chosen) / 1e6)
    }
  }

  var columnsPerSplit: [String] {
    plan.regions.flatMap { region in altitudeLabels.map { "gain_\(slug(region.name))_\($0)_km2" } }
  }

  private var altitudeLabels: [String] {
    plan.altitudesAGL.map { "\(Int($0.metres.value))m_agl" } + plan.flightLevels.map { "fl\(Int($0.level.value))" }
  }

  private func slug(_ name: String) -> String {
    String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  func number(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

  /// plan.csv.
  var planCSV: String {
    var lines = [
      (["rank", "site", "lat_deg", "lon_deg", "ground_m", "mast_m"] + columnsPerSplit
        + ["cumulative_expected_km2", "upper_bound_km2", "guaranteed_share"] + flightColumns).joined(separator: ",")
    ]
    let bound = number(greedy.upperBound / 1e6)
    for row in rows {
      let fields =
        [
          "\(row.rank)", "\"\(row.candidate.name)\"", number(row.candidate.coordinate.latitude, 5),
          number(row.candidate.coordinate.longitude, 5), number(row.candidate.groundHeight ?? .nan, 0),
          number(plan.mast.value),
        ] + row.gains.flatMap { $0.map { number($0) } } + [
          number(row.cumulative), bound, number(share, 4),
        ] + flightFields(row)
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The share of the best achievable gain over the base that the final set reaches at least.
  var share: Double {
    let room = greedy.upperBound - greedy.baseValue
    return room > 0 ? min(1, (swapped.value - greedy.baseValue) / room) : 1
  }

  /// candidates.csv: every candidate with its gain over the base alone.
  var candidatesCSV: String {
    let alone = search.gainsOverTheBase()
    var lines = ["index,site,lat_deg,lon_deg,ground_m,prominence_m,standalone_gain_km2,chosen"]
    let chosen = Set(swapped.chosen)
    for (index, site) in candidates.enumerated() {
      lines.append(
        [
          "\(index)", "\"\(site.name)\"", number(site.coordinate.latitude, 5), number(site.coordinate.longitude, 5),
          number(site.groundHeight ?? .nan, 0), number(site.prominence ?? .nan, 0), number(alone[index] / 1e6),
          chosen.contains(index) ? "yes" : "no",
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// plan.json.
  var planJSON: Data {
    get throws {
      let sites: [[String: Any]] = rows.map { row in
        var gains: [String: Any] = [:]
        for (region, byAltitude) in zip(plan.regions, row.gains) {
          gains[region.name] = Dictionary(uniqueKeysWithValues: zip(altitudeLabels, byAltitude))
        }
        return [
          "rank": row.rank, "site": row.candidate.name, "lat_deg": row.candidate.coordinate.latitude,
          "lon_deg": row.candidate.coordinate.longitude, "ground_m": row.candidate.groundHeight ?? 0,
          "mast_m": plan.mast.value, "gain_km2": gains, "cumulative_expected_km2": row.cumulative,
        ].merging(flightJSON(row)) { $1 }
      }
      let object: [String: Any] = [
        "plan": plan.id, "title": plan.title, "network": plan.network.id, "radar_type": plan.radarType.id.rawValue,
        "target": plan.target.id, "configuration": plan.configuration.id.rawValue,
        "base_expected_km2": greedy.baseValue / 1e6, "greedy_expected_km2": greedy.value / 1e6,
        "final_expected_km2": swapped.value / 1e6, "online_upper_bound_km2": greedy.onlineUpperBound / 1e6,
        "upper_bound_km2": greedy.upperBound / 1e6, "guaranteed_share": share, "swaps": swapped.swaps.count,
        "candidates": candidates.count, "gain_evaluations": greedy.gainEvaluations, "sites": sites,
      ].merging(flightJSON) { $1 }
      return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
  }

  /// The short table printed to stdout.
  var summary: String {
    var lines = [
      "plan \(plan.id): \(swapped.chosen.count) x \(plan.radarType.id.rawValue) on \(plan.network.id) "
        + "(\(plan.configuration.id.rawValue)), target \(plan.target.id); \(candidates.count) candidates",
      "rank  site                      lat        lon   ground  cumulative km2",
    ]
    for row in rows {
      lines.append(
        String(
          format: "%4d  %@ %9.4f %10.4f %7.0f %15.0f", row.rank,
          row.candidate.name.padding(toLength: 22, withPad: " ", startingAt: 0),
          row.candidate.coordinate.latitude, row.candidate.coordinate.longitude, row.candidate.groundHeight ?? .nan,
          row.cumulative))
    }
    lines.append(
      "base \(number(greedy.baseValue / 1e6, 0)) km2; with the sites \(number(swapped.value / 1e6, 0)) km2; "
        + "the best \(swapped.chosen.count) sites reach at most \(number(greedy.upperBound / 1e6, 0)) km2 "
        + "(at least \(number(share * 100)) % of the best gain reached; \(swapped.swaps.count) swaps)")
    lines += flightSummary
    return lines.joined(separator: "\n")
  }

  /// network.yaml: the base network scenario, renamed NETWORK-plus-PLAN, with the chosen sites appended (notional,
  /// chosen by this plan) and its relative paths made absolute, so that `airpicture coverage` reads it from the output folder.
  func networkYAML() throws -> String {
    let text = try String(contentsOfFile: plan.networkFile, encoding: .utf8)
    let folder = URL(fileURLWithPath: plan.networkFile).deletingLastPathComponent()
    func absolute(_ value: Substring) -> String {
      var path = value.trimmingCharacters(in: .whitespaces)
      if path.hasPrefix("\"") && path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
      let resolved = path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path
      return "\"\(resolved)\""
    }
    var output: [String] = []
    var inDEM = false
    var inRegions = false
    let operatorName = plan.configuration.realTimeOperators.first ?? "planned"
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let topLevel = !(line.first?.isWhitespace ?? true) && !line.hasPrefix("#") && !line.hasPrefix("-")
      if topLevel {
        inDEM = line.hasPrefix("dem:")
        inRegions = line.hasPrefix("regions:")
      }
      if line.hasPrefix("networks:") {
        for row in rows {
          output += [
            "  - name: \"\(plan.id) \(row.rank): \(row.candidate.name)\"",
            "    operator: \(operatorName)",
            "    type: \(plan.radarType.id.rawValue)",
            "    lat: \(number(row.candidate.coordinate.latitude, 6))",
            "    lon: \(number(row.candidate.coordinate.longitude, 6))",
            "    antenna_agl_m: {value: \(plan.mast.value), \(provenanceField(plan.mast.provenance))}",
            "    notional: true",
            "    assumption: \"notional site chosen by the planner (airpicture plan \(plan.id), rank \(row.rank) of "
              + "\(rows.count)): a summit of the DEM, not a surveyed site\"",
          ]
        }
      }
      if line.hasPrefix("scenario:") {
        // Its own identifier, so that its coverage study does not pass for the base network's.
        output.append("scenario: \(plan.network.id)-plus-\(plan.id)")
      } else if let range = line.range(of: "radar_types: "), line.hasPrefix("radar_types:") {
        output.append("radar_types: " + absolute(line[range.upperBound...]))
      } else if line.hasPrefix("borders: ") {
        output.append("borders: " + absolute(line.dropFirst("borders: ".count)))
      } else if inDEM && line.hasPrefix("dem: ") {
        output.append("dem: " + absolute(line.dropFirst("dem: ".count)))
      } else if inDEM && line.hasPrefix("  - ") {
        output.append("  - " + absolute(line.dropFirst(4)))
      } else if inRegions && line.hasPrefix("  file: ") {
        output.append("  file: " + absolute(line.dropFirst("  file: ".count)))
      } else {
        output.append(String(line))
      }
    }
    return output.joined(separator: "\n")
  }

  private func provenanceField(_ provenance: Provenance) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    switch provenance {
    case .source(let text): return "source: " + quoted(text)
    case .derived(let text): return "derived: " + quoted(text)
    case .assumption(let text): return "assumption: " + quoted(text)
    }
  }

  /// Writes the tables, the network, the map, the site files, each chosen site's charts and the report into
  /// `folder`.
  func write(to folder: String) throws {
    try planMap().write(to: folder + "/plan-map.png")
    try writeSiteFiles(to: folder)
    let charts = try writeSiteCharts(to: folder)
    try Data(SitingPlanReport.html(self, charts: charts).utf8).write(to: URL(fileURLWithPath: folder + "/report.html"))
    try Data(planCSV.utf8).write(to: URL(fileURLWithPath: folder + "/plan.csv"))
    try planJSON.write(to: URL(fileURLWithPath: folder + "/plan.json"))
    try Data(candidatesCSV.utf8).write(to: URL(fileURLWithPath: folder + "/candidates.csv"))
    try Data(try networkYAML().utf8).write(to: URL(fileURLWithPath: folder + "/network.yaml"))
  }
}
