import Foundation
import RadarModels

/// report.html of a plan run: one self-contained page (images and tables beside it in the output folder) with the
/// plan's figures, where each of them comes from, the plan map, and per chosen site its profile, its vertical
/// coverage diagram and one sentence on why it works.
enum SitingPlanReport {
  /// `text` with HTML's special characters escaped.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// Files the page links beside the images.
  static let tables = [
    "plan.csv", "plan.json", "candidates.csv", "network.yaml", "plan-sites.gpkg", "plan-sites.kml",
  ]

  static func provenance(_ provenance: Provenance) -> String {
    switch provenance {
    case .source(let text): "source: " + text
    case .derived(let text): "derived: " + text
    case .assumption(let text): "assumption: " + text
    }
  }

  /// The page.
  static func html(_ outcome: SitingPlanOutcome, charts: [SitingPlanSiteCharts]) -> String {
    let plan = outcome.plan
    let greedy = outcome.greedy
    let number = { (value: Double, digits: Int) in outcome.number(value, digits) }
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(escape(plan.title))</title>
      <style>
      body { font-family: sans-serif; max-width: 1200px; margin: 2em auto; color: #222; }
      table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #bbb; padding: 3px 8px; }
      td.n { text-align: right; } img { max-width: 100%; border: 1px solid #ccc; }
      .pair { display: flex; gap: 1em; } .pair figure { flex: 1; margin: 0; }
      </style></head><body>
      <h1>\(escape(plan.title))</h1>
      <p>Plan <code>\(escape(plan.id))</code>: \(outcome.swapped.chosen.count) × \(escape(plan.radarType.name)) \
      (mast \(number(plan.mast.value, 0)) m) added to <code>\(escape(plan.network.id))</code>, configuration \
      <code>\(escape(plan.configuration.id.rawValue))</code>, target \(escape(plan.target.name)); \
      \(outcome.candidates.count) candidates.</p>
      <h2>Figures</h2>
      <table>
      <tr><td>expected weighted coverage of the base network</td><td class="n">\(number(greedy.baseValue / 1e6, 0)) km²</td></tr>
      <tr><td>with the greedy picks</td><td class="n">\(number(greedy.value / 1e6, 0)) km²</td></tr>
      <tr><td>with the final set (after \(outcome.swapped.swaps.count) swaps)</td><td class="n">\(number(outcome.swapped.value / 1e6, 0)) km²</td></tr>
      <tr><td>upper bound on the best \(outcome.swapped.chosen.count) sites</td><td class="n">\(number(greedy.upperBound / 1e6, 0)) km²</td></tr>
      <tr><td>share of the best achievable gain reached, at least</td><td class="n">\(number(outcome.share * 100, 1)) %</td></tr>
      <tr><td>gain evaluations</td><td class="n">\(greedy.gainEvaluations)</td></tr>
      </table>
      <p>Expected weighted coverage: the area of the plan's regions, weighted by region and altitude, times the \
      probability that at least one radar (its availability counted) sees a target there; the bound is the greedy \
      search's bound, the lower of its online bound and (1 - 1/e) guarantee: no set of this many sites does better.</p>
      <h2>Map</h2>
      <p><img src="plan-map.png" alt="plan map"></p>
      <h2>Chosen sites</h2>
      <table><tr><th>rank</th><th>site</th><th>lat</th><th>lon</th><th>ground m</th>
      """
    page += outcome.columnsPerSplit.map { "<th>\(escape($0))</th>" }.joined() + "<th>cumulative km²</th></tr>\n"
    for row in outcome.rows {
      let site = row.candidate
      page +=
        "<tr><td class=\"n\">\(row.rank)</td><td>\(escape(site.name))</td>"
        + "<td class=\"n\">\(number(site.coordinate.latitude, 4))</td>"
        + "<td class=\"n\">\(number(site.coordinate.longitude, 4))</td>"
        + "<td class=\"n\">\(site.groundHeight.map { number($0, 0) } ?? "—")</td>"
        + row.gains.flatMap { $0 }.map { "<td class=\"n\">\(number($0, 0))</td>" }.joined()
        + "<td class=\"n\">\(number(row.cumulative, 0))</td></tr>\n"
    }
    page += "</table>\n<h2>Why each site works</h2>\n"
    for (row, chart) in zip(outcome.rows, charts) {
      page += """
        <h3>\(row.rank). \(escape(row.candidate.name))</h3>
        <p>\(escape(chart.reason))</p>
        <p>Profile toward \(escape(chart.toward)): azimuth \(number(chart.azimuth, 1))°, \
        \(number(chart.profileKm, 1)) km; the vertical coverage diagram on the same azimuth to \
        \(number(chart.vcdKm, 0)) km. Tables: <a href="\(chart.profileCSV)">profile.csv</a>, \
        <a href="\(chart.vcdCSV)">vcd.csv</a>.</p>
        <div class="pair"><figure><img src="\(chart.profilePNG)" alt="terrain profile"></figure>
        <figure><img src="\(chart.vcdPNG)" alt="vertical coverage diagram"></figure></div>

        """
    }
    var figures: [(String, String)] = [
      ("mast height", provenance(plan.mast.provenance)), ("number of sites", provenance(plan.sites.provenance)),
    ]
    figures += plan.regions.map { ("weight of \($0.name)", provenance($0.weight.provenance)) }
    figures += plan.altitudesAGL.map {
      ("altitude \(number($0.metres.value, 0)) m AGL", provenance($0.metres.provenance))
    }
    figures += plan.flightLevels.map { ("FL\(number($0.level.value, 0))", provenance($0.level.provenance)) }
    figures += [
      ("radar type \(plan.radarType.id.rawValue)", "the network's radar type file"),
      ("DEM", outcome.demPath), ("plan file", outcome.planPath), ("network scenario", plan.networkFile),
    ]
    page += "<h2>Where the figures come from</h2>\n<table>\n"
    page += figures.map { "<tr><td>\(escape($0.0))</td><td>\(escape($0.1))</td></tr>" }.joined(separator: "\n")
    page += "\n</table>\n<h2>Files</h2>\n<ul>\n"
    page += tables.map { "<li><a href=\"\($0)\">\($0)</a></li>" }.joined(separator: "\n")
    page += "\n</ul>\n</body></html>\n"
    return page
  }
}
