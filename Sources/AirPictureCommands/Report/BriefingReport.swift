import Foundation
import Interdiction
import InterdictionModels

/// `report.html`: a briefing for the procurement question, in one self-contained file (charts as inline SVG, coverage
/// maps as data URIs, Leaflet inlined). Executive summary first (the best affordable option per network with its
/// interval, what integration buys, what the planned radars buy, why flights escape), then the map, the planned-minus-
/// today comparison (`compare`), every combination's charts and table with its feasibility, the assumptions with
/// their sources, and the provenance.
struct BriefingReport {
  var studies: [ReportStudy]
  var provenance: ReportProvenance
  var leaflet: LeafletAssets
  /// The first scenario's borders as a GeoJSON FeatureCollection (`GeoJSONExport`), when it names a borders file.
  var borders: String?

  func html() throws -> String {
    let titles = studies.map(\.scenario.title)
    var body = "<header><h1>Suspect flights, radar networks and interceptor options</h1>\n"
    body +=
      "<p class=\"lead\">\(ReportText.escape(titles.joined(separator: " · "))). \(provenance.flights) simulated "
      + "flights per scenario, seed \(provenance.seed); every combination sees the same flights and random draws. "
      + "Intervals are 95 %: Wilson for proportions, Newcombe for differences.</p></header>\n"
    body += "<section id=\"summary\"><h2>Executive summary</h2>\n" + summary() + "</section>\n"
    body += "<section id=\"map-section\"><h2>Map</h2>\n"
    body += try ReportMap.html(studies: studies, borders: borders) + "</section>\n"
    if studies.count > 1 { body += "<section id=\"difference\">" + difference() + "</section>\n" }
    for (index, study) in studies.enumerated() {
      body += "<section class=\"study\" id=\"study-\(index)\"><h2>\(ReportText.escape(study.scenario.title))</h2>\n"
      body += details(study) + ReportCalibration.html(study) + "<h3>Assumptions that decide the comparison</h3>\n"
      body += ReportAssumptions.html(study.scenario) + "</section>\n"
    }
    body += "<section id=\"provenance\"><h2>Provenance</h2>\n" + provenance.html + "</section>\n"
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>AirPicture briefing: \(ReportText.escape(titles.joined(separator: " vs ")))</title>
      <style>\(leaflet.styleSheet)</style>
      <style>\(Self.styleSheet)</style>
      <script>\(leaflet.script)</script>
      </head><body>
      \(body)</body></html>

      """
  }

  private func label(_ study: ReportStudy, _ row: ComparisonTable.Row) -> String {
    "\(row.network) · \(study.interceptorName(row.interceptor)) · \(row.basing)"
  }

  /// The best affordable option per network, what integration and the planned radars buy, and why flights escape.
  private func summary() -> String {
    var html = ""
    var stacks: [ReportCharts.Stack] = []
    for study in studies {
      let best = study.bestAffordable()
      if studies.count > 1 { html += "<h3>\(ReportText.escape(study.scenario.title))</h3>\n" }
      html += "<table class=\"summary\"><tr><th>network</th><th>best affordable option</th><th>P(intercept)</th>"
      html += "<th>minutes from border to interception (median)</th><th>alert pairs</th></tr>\n"
      for (network, row) in best {
        guard let row else {
          html +=
            "<tr><td>\(ReportText.escape(network))</td><td colspan=\"4\">every option is beyond the budget</td></tr>\n"
          continue
        }
        html +=
          "<tr><td title=\"\(ReportText.escape(study.networkDescription(network)))\">\(ReportText.escape(network))</td>"
          + "<td>\(ReportText.escape(study.interceptorName(row.interceptor))) from \(ReportText.escape(row.basing))</td>"
          + "<td class=\"num\"><b>\(ReportText.interval(row.interception))</b></td>"
          + "<td class=\"num\">\(ReportText.number(row.interceptionMinutesMedian, 0))</td>"
          + "<td>\(ReportText.escape(study.feasibility(row).label))</td></tr>\n"
        stacks.append(
          ReportCharts.Stack(
            label: (studies.count > 1 ? "\(study.scenario.id): " : "") + label(study, row),
            counts: FlightOutcome.allCases.map { row.outcomes[$0.rawValue] ?? 0 }))
      }
      html += "</table>\n<ul class=\"findings\">\n"
      let beyond = study.table.rows.filter { study.feasibility($0).isBeyondBudget }
      if let top = study.table.rows.max(by: { $0.interception.estimate < $1.interception.estimate }),
        study.feasibility(top).isBeyondBudget
      {
        html +=
          "<li><b>The highest P(intercept) is not affordable:</b> \(ReportText.escape(label(study, top))) reaches "
          + "\(ReportText.interval(top.interception)) but \(ReportText.escape(study.feasibility(top).label)).</li>\n"
      }
      if !beyond.isEmpty {
        html +=
          "<li>\(beyond.count) of \(study.table.rows.count) combinations keep more alert pairs than the budget "
          + "sustains for their type; they are flagged below and left out of “best affordable”.</li>\n"
      }
      if let baseline = best.first, let baselineRow = baseline.row {
        for (network, row) in best.dropFirst() {
          guard let row else { continue }
          let gain = ProportionDifference(row.interception, minus: baselineRow.interception)
          html +=
            "<li><b>What \(ReportText.escape(network)) buys</b> over \(ReportText.escape(baseline.network)) (best "
            + "affordable option of each): \(ReportText.points(gain)) in P(intercept)"
            + (gain.isClear ? "" : ", an interval that includes zero") + ".</li>\n"
        }
      }
      html += "</ul>\n"
    }
    if studies.count > 1, let today = studies.first {
      html += "<h3>What the planned radars buy</h3>\n<ul class=\"findings\">\n"
      let todayBest = Dictionary(today.bestAffordable().map { ($0.network, $0.row) }) { first, _ in first }
      for planned in studies.dropFirst() {
        for (network, row) in planned.bestAffordable() {
          guard let row, let baseline = todayBest[network] ?? nil else { continue }
          html +=
            "<li>\(ReportText.escape(planned.scenario.title)) minus \(ReportText.escape(today.scenario.title)), "
            + "\(ReportText.escape(network)), best affordable option of each: "
            + "\(ReportText.points(ProportionDifference(row.interception, minus: baseline.interception))).</li>\n"
        }
      }
      html += "</ul>\n"
    }
    html += "<h3>Why flights escape (best affordable option per network)</h3>\n"
    html += ReportCharts.stacked(
      stacks, segments: FlightOutcome.allCases.map { (ReportCharts.words($0), ReportCharts.outcomeColours[$0]!) },
      title: "Share of simulated flights by outcome")
    return html
  }

  /// Planned minus today for every combination both scenarios have, side by side with intervals, and as a chart.
  private func difference() -> String {
    guard let today = studies.first else { return "" }
    var html = "<h2>Planned minus today</h2>\n"
    for planned in studies.dropFirst() {
      let todayRows = Dictionary(today.table.rows.map { ("\($0.network)|\($0.interceptor)|\($0.basing)", $0) }) {
        a, _ in a
      }
      var bars: [ReportCharts.Bar] = []
      html +=
        "<h3>\(ReportText.escape(planned.scenario.title)) minus \(ReportText.escape(today.scenario.title))</h3>\n"
        + "<table class=\"difference\"><tr><th>network</th><th>interceptor</th><th>basing</th>"
        + "<th>P(intercept) today</th><th>P(intercept) planned</th><th>difference</th><th>affordable</th></tr>\n"
      let networks = planned.scenario.network.networks.map(\.id.rawValue)
      for row in planned.table.rows {
        guard let before = todayRows["\(row.network)|\(row.interceptor)|\(row.basing)"] else { continue }
        let change = ProportionDifference(row.interception, minus: before.interception)
        html +=
          "<tr><td>\(ReportText.escape(row.network))</td><td>\(ReportText.escape(planned.interceptorName(row.interceptor)))"
          + "</td><td>\(ReportText.escape(row.basing))</td><td class=\"num\">\(ReportText.interval(before.interception))"
          + "</td><td class=\"num\">\(ReportText.interval(row.interception))</td><td class=\"num\"><b>"
          + "\(ReportText.points(change))</b></td><td>\(ReportText.escape(planned.feasibility(row).label))</td></tr>\n"
        bars.append(
          ReportCharts.Bar(
            label: label(planned, row), value: change.estimate, interval: change.low...change.high,
            colour: ReportCharts.palette[(networks.firstIndex(of: row.network) ?? 0) % ReportCharts.palette.count]))
      }
      html += "</table>\n"
      let reach = bars.flatMap { [abs($0.interval?.lowerBound ?? 0), abs($0.interval?.upperBound ?? 0)] }.max() ?? 0.5
      let bound = min(1, max(0.1, (reach * 5).rounded(.up) / 5))
      html += ReportCharts.bars(
        bars, domain: -bound...bound, title: "Change in P(intercept), planned minus today (95 % Newcombe interval)",
        legend: networks.enumerated().map { ($1, ReportCharts.palette[$0 % ReportCharts.palette.count]) })
    }
    return html
  }

  /// Every combination of `study`: P(intercept) and outcome charts and the full table with feasibility.
  private func details(_ study: ReportStudy) -> String {
    let networks = study.scenario.network.networks.map(\.id.rawValue)
    let colour = { (network: String) in
      ReportCharts.palette[(networks.firstIndex(of: network) ?? 0) % ReportCharts.palette.count]
    }
    var html = "<h3>P(intercept) of every combination</h3>\n"
    html += ReportCharts.bars(
      study.table.rows.map {
        ReportCharts.Bar(
          label: label(study, $0) + (study.feasibility($0).isBeyondBudget ? " (beyond budget)" : ""),
          value: $0.interception.estimate, interval: $0.interception.low...$0.interception.high,
          colour: colour($0.network))
      }, domain: 0...1, title: "P(intercept) with 95 % Wilson interval",
      legend: networks.map { ($0, colour($0)) })
    html += "<h3>Outcomes of every combination</h3>\n"
    html += ReportCharts.stacked(
      study.table.rows.map { row in
        ReportCharts.Stack(
          label: label(study, row), counts: FlightOutcome.allCases.map { row.outcomes[$0.rawValue] ?? 0 })
      }, segments: FlightOutcome.allCases.map { (ReportCharts.words($0), ReportCharts.outcomeColours[$0]!) },
      title: "Share of simulated flights by outcome")
    html += "<h3>Table</h3>\n<table class=\"results\"><thead><tr><th>network</th><th>interceptor</th><th>basing</th>"
    html += "<th>affordable (alert pairs kept / sustained)</th><th>P(detect)</th><th>P(track)</th><th>P(intercept)</th>"
    html += "<th>min to detection (median / p90)</th><th>min to interception (median / p90)</th>"
    html += "<th>flight h per interception</th><th>interceptions per year</th>"
    html += "<th>interceptor flight-hour cost per year (flight hours only: no purchase, crews or alert standby)</th>"
    html += "<th>flight-hour cost per interception</th><th>fleet the budget buys</th></tr></thead><tbody>\n"
    for row in study.table.rows {
      let feasibility = study.feasibility(row)
      html +=
        "<tr\(feasibility.isBeyondBudget ? " class=\"beyond\"" : "")><td>\(ReportText.escape(row.network))</td>"
        + "<td>\(ReportText.escape(study.interceptorName(row.interceptor)))</td><td>\(ReportText.escape(row.basing))</td>"
        + "<td>\(ReportText.escape(feasibility.label))</td>"
        + [row.detection, row.track, row.interception].map { "<td class=\"num\">\(ReportText.interval($0))</td>" }
        .joined()
        + "<td class=\"num\">\(ReportText.number(row.detectionMinutesMedian, 0)) / "
        + "\(ReportText.number(row.detectionMinutesP90, 0))</td>"
        + "<td class=\"num\">\(ReportText.number(row.interceptionMinutesMedian, 0)) / "
        + "\(ReportText.number(row.interceptionMinutesP90, 0))</td>"
        + "<td class=\"num\">\(ReportText.number(row.flightHoursPerInterception, 1))</td>"
        + "<td class=\"num\">\(ReportText.number(row.interceptionsPerYear, 0))</td>"
        + "<td class=\"num\">\(ReportText.millions(row.costPerYearUSD))</td>"
        + "<td class=\"num\">\(ReportText.millions(row.costPerInterceptionUSD))</td>"
        + "<td class=\"num\">\(row.fleetAffordable.map(String.init) ?? "in service")</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  private static let styleSheet = """
    body{font-family:sans-serif;margin:1.5em auto;max-width:1150px;padding:0 1em;color:#222;line-height:1.35}
    h1{font-size:1.6em}h2{border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:1.6em}
    .lead{font-size:1.05em}table{border-collapse:collapse;font-size:12px;margin:0.5em 0;max-width:100%}
    td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}th{background:#eef2f7;text-align:left}
    td.num{text-align:right;white-space:nowrap}table.results{font-size:11px;width:100%}
    tr.beyond td{background:#fde8e8;color:#7a1f1f}.findings li{margin:0.3em 0}
    .map{height:600px;border:1px solid #999;background:#f4f1ea}.leaflet-container{background:#f4f1ea}
    .map-legend{background:#fff;padding:4px 8px;border-radius:4px;font-size:11px;box-shadow:0 1px 4px rgba(0,0,0,.3)}
    .map-legend .swatch{display:inline-block;width:10px;height:10px;border:1px solid #333}
    .note{font-size:12px;color:#555}.tag{font-size:10px;padding:0 4px;border-radius:3px;color:#fff}
    .tag.source{background:#009E73}.tag.derived{background:#0072B2}.tag.assumption{background:#D55E00}
    svg.chart{display:block;max-width:100%;height:auto;margin:0.5em 0}code{font-size:11px;word-break:break-all}
    @page{size:A4 landscape;margin:12mm}
    @media print{body{max-width:none;margin:0}.map{height:480px;page-break-inside:avoid}
    section{page-break-before:auto}h2{page-break-after:avoid}tr,svg.chart{page-break-inside:avoid}
    table.results{font-size:9px}thead{display:table-header-group}.leaflet-control-layers{display:none}}
    """
}
