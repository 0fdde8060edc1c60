import Foundation
import InterdictionModels
import RadarModels

/// The assumptions that decide the comparison, each with its source, derivation or assumption tag: interceptor types,
/// basings and alert times, the network configurations, the rules, the flights and the budget.
enum ReportAssumptions {
  static func html(_ scenario: InterdictionScenario) -> String {
    let knots = 1_852.0 / 3_600
    var html = "<h3>Interceptors</h3>\n<table class=\"assumptions\"><tr><th>type</th><th>figure</th><th>value</th>"
    html += "<th>source or assumption</th></tr>\n"
    for interceptor in scenario.interceptors {
      var figures: [(String, String, Provenance)] = [
        (
          "transit speed", String(format: "%.0f kt", interceptor.transitSpeed.value / knots),
          interceptor.transitSpeed.provenance
        ),
        (
          "combat radius", String(format: "%.0f km", interceptor.combatRadius.value / 1_000),
          interceptor.combatRadius.provenance
        ),
        ("endurance", String(format: "%.2f h", interceptor.endurance.value / 3_600), interceptor.endurance.provenance),
        (
          "slowest escort speed", String(format: "%.0f kt", interceptor.minimumEscortSpeed.value / knots),
          interceptor.minimumEscortSpeed.provenance
        ),
        (
          "sensor range (light aircraft)", String(format: "%.0f km", interceptor.sensorRange.value / 1_000),
          interceptor.sensorRange.provenance
        ),
        (
          "cost per flight hour", String(format: "US$%.0f", interceptor.costPerFlightHour.value),
          interceptor.costPerFlightHour.provenance
        ),
        (
          "alert readiness", String(format: "%.0f %%", interceptor.alertReadiness.value * 100),
          interceptor.alertReadiness.provenance
        ),
      ]
      if let cost = interceptor.unitCost {
        figures.insert(("unit cost", ReportText.millions(cost.value), cost.provenance), at: 5)
      } else {
        figures.insert(("unit cost", "in service, not bought", .assumption("no purchase in this budget")), at: 5)
      }
      for (index, figure) in figures.enumerated() {
        html +=
          "<tr>" + (index == 0 ? "<td rowspan=\"\(figures.count)\">\(ReportText.escape(interceptor.name))</td>" : "")
        html += "<td>\(figure.0)</td><td>\(ReportText.escape(figure.1))</td>\(provenanceCell(figure.2))</tr>\n"
      }
    }
    html += "</table>\n<h3>Basings and alert times</h3>\n<table class=\"assumptions\"><tr><th>basing</th><th>base</th>"
    html += "<th>alert (min to take-off)</th><th>source or assumption</th></tr>\n"
    for basing in scenario.basings {
      for (index, station) in basing.stations.enumerated() {
        html += "<tr>"
        if index == 0 {
          html +=
            "<td rowspan=\"\(basing.stations.count)\"><b>\(ReportText.escape(basing.id.rawValue))</b>: "
            + "\(ReportText.escape(basing.description))</td>"
        }
        html +=
          "<td>\(ReportText.escape(station.name)) (\(String(format: "%.3f, %.3f", station.latitude, station.longitude)))</td>"
        if let delay = station.scrambleDelay {
          html += "<td>\(String(format: "%.0f", delay.value / 60))</td>\(provenanceCell(delay.provenance))</tr>\n"
        } else {
          html += "<td>no aircraft on alert</td><td></td></tr>\n"
        }
      }
    }
    html += "</table>\n<h3>Network configurations, rules, flights and budget</h3>\n<table class=\"assumptions\">"
    html += "<tr><th>figure</th><th>value</th><th>source or assumption</th></tr>\n"
    var rows: [(String, String, Provenance)] = []
    for network in scenario.network.networks {
      rows.append(
        (
          "\(network.id.rawValue): fusion latency", String(format: "%.0f s", network.fusionLatency.value),
          network.fusionLatency.provenance
        ))
      if let relay = network.voiceRelay {
        rows.append(
          (
            "\(network.id.rawValue): voice relay delay", String(format: "%.0f min", relay.delay.value / 60),
            relay.delay.provenance
          ))
        rows.append(
          (
            "\(network.id.rawValue): share relayed", String(format: "%.0f %%", relay.probability.value * 100),
            relay.probability.provenance
          ))
      }
      if let classification = scenario.rules.classificationTime[network.id] {
        rows.append(
          (
            "\(network.id.rawValue): classification", String(format: "%.0f min", classification.value / 60),
            classification.provenance
          ))
      }
    }
    let rules = scenario.rules
    rows += [
      ("identification", String(format: "%.0f min", rules.identification.value / 60), rules.identification.provenance),
      (
        "intervention and persuasion", String(format: "%.0f min", rules.interventionAndPersuasion.value / 60),
        rules.interventionAndPersuasion.provenance
      ),
      ("authorisation", String(format: "%.0f min", rules.authorisation.value / 60), rules.authorisation.provenance),
      (
        "fast-jet escort penalty", String(format: "× %.1f", rules.fastJetPenalty.value), rules.fastJetPenalty.provenance
      ),
      (
        "search before turning home", String(format: "%.0f min", rules.searchTime.value / 60),
        rules.searchTime.provenance
      ),
      (
        "alert pairs per station", String(format: "%.0f", rules.alertPairsPerStation.value),
        rules.alertPairsPerStation.provenance
      ),
      ("pair turnaround", String(format: "%.0f min", rules.turnaround.value / 60), rules.turnaround.provenance),
      (
        "suspect flights a day", String(format: "%.1f", scenario.pattern.flightsPerDay.value),
        scenario.pattern.flightsPerDay.provenance
      ),
      ("budget", String(format: "US$%.2f B", scenario.budget.value / 1e9), scenario.budget.provenance),
      (
        "aircraft per 24/7 alert pair", String(format: "%.0f", scenario.aircraftPerAlertPair.value),
        scenario.aircraftPerAlertPair.provenance
      ),
    ]
    for aircraft in scenario.aircraft {
      rows.append(
        (
          "\(aircraft.name): cruise speed", String(format: "%.0f kt", aircraft.cruiseSpeed.value / knots),
          aircraft.cruiseSpeed.provenance
        ))
      rows.append(
        (
          "\(aircraft.name): height above ground", String(format: "%.0f m", aircraft.cruiseHeight.value),
          aircraft.cruiseHeight.provenance
        ))
    }
    for row in rows {
      html +=
        "<tr><td>\(ReportText.escape(row.0))</td><td>\(ReportText.escape(row.1))</td>\(provenanceCell(row.2))</tr>\n"
    }
    return html + "</table>\n"
  }

  /// The provenance as a table cell, its kind as a tag.
  static func provenanceCell(_ provenance: Provenance) -> String {
    let (kind, text): (String, String)
    switch provenance {
    case .source(let value): (kind, text) = ("source", value)
    case .derived(let value): (kind, text) = ("derived", value)
    case .assumption(let value): (kind, text) = ("assumption", value)
    }
    return "<td><span class=\"tag \(kind)\">\(kind)</span> \(ReportText.escape(text))</td>"
  }
}
