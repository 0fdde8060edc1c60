import Foundation
import InterdictionModels
import RadarModels

/// The sensitivity study written out: a CSV of every parameter × option with the metrics at low, base and high, and a
/// short summary (Markdown) of which parameters move each metric most and whether the best option changes.
extension SensitivityStudy {
  /// The CSV's columns, in order.
  public static let csvColumns: [String] =
    [
      "scenario", "seed", "flights", "parameter", "name", "unit", "low", "base", "high", "range_from",
      "range_provenance", "base_figures", "network", "interceptor", "basing",
    ]
    + End.allCasesWithBase.flatMap { end in
      ["", "_ci_low", "_ci_high"].map { "p_intercept_\(end)\($0)" }
    }
    + End.allCasesWithBase.map { "cost_per_interception_usd_\($0)" }
    + SensitivityMetric.allCases.map { "swing_\($0.rawValue)" }

  /// One row per parameter and option: the range (factors on the scenario's figures, where it comes from) and
  /// P(intercept) with its 95 % interval and the cost per interception at low, base and high.
  public var csv: String {
    var lines = [Self.csvColumns.joined(separator: ",")]
    for entry in entries {
      for (option, combination) in combinations.enumerated() {
        let rows = [entry.low.rows[option], base.rows[option], entry.high.rows[option]]
        var cells = [
          scenario.id, "\(seed)", "\(flights)", entry.parameter.key, entry.parameter.name, "factor",
          Self.number(entry.range.value.lowerBound), "1", Self.number(entry.range.value.upperBound),
          entry.stated ? "scenario" : "default", entry.range.provenance.label, entry.baseFigures,
          combination.network.rawValue, combination.interceptor.rawValue, combination.basing.rawValue,
        ]
        for row in rows {
          cells += [row.interception.estimate, row.interception.low, row.interception.high].map {
            String(format: "%.4f", $0)
          }
        }
        cells += rows.map { $0.costPerInterceptionUSD.map { String(format: "%.0f", $0) } ?? "" }
        cells += SensitivityMetric.allCases.map { metric in
          swing(entry, option: option, metric: metric).map {
            metric == .interception ? String(format: "%.4f", $0) : String(format: "%.0f", $0)
          } ?? ""
        }
        lines.append(cells.map(Self.quoted).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The options the summary and charts single out: the best by P(intercept) at base in each network configuration.
  public var focusOptions: [Int] { networks.map { best(in: base, network: $0)! } }

  /// An option as people read it: "integrated / f16-block70 / forward-15".
  public func label(option: Int) -> String {
    let combination = combinations[option]
    return "\(combination.network.rawValue) / \(combination.interceptor.rawValue) / \(combination.basing.rawValue)"
  }

  /// The summary: the parameters and their ranges, then per metric and focus option the parameters by swing, then
  /// whether the best option by P(intercept) changes at any parameter's low or high (only an option strictly ahead of
  /// the base's best counts; the runner-up, or an option tied with the best, is named).
  public var summary: String {
    var lines = [
      "# What drives the answer: \(scenario.id)", "",
      "\(flights) flights, seed \(seed), \(combinations.count) options, \(1 + 2 * entries.count) variants with common "
        + "random numbers (same seed and flights for every variant).", "",
      "## Parameters (factors on the scenario's figures)", "",
    ]
    for entry in entries {
      lines.append(
        "- \(entry.parameter.name) (`\(entry.parameter.key)`): x\(Self.number(entry.range.value.lowerBound)) to "
          + "x\(Self.number(entry.range.value.upperBound)) of \(entry.baseFigures.isEmpty ? "(none)" : entry.baseFigures)"
          + " (\(entry.stated ? "scenario" : "default") range, \(entry.range.provenance.label))")
    }
    for metric in SensitivityMetric.allCases {
      lines += ["", "## \(metric.title): parameters by swing"]
      for option in focusOptions {
        lines += [
          "", "### \(label(option: option)) (base \(metric.format(metric.value(base.rows[option]))))", "",
        ]
        for (rank, item) in bySwing(option: option, metric: metric).enumerated() {
          let (low, _, high) = values(item.entry, option: option, metric: metric)
          lines.append(
            "\(rank + 1). \(item.entry.parameter.name): \(metric.format(low)) at low, \(metric.format(high)) at high "
              + "(swing \(metric.format(item.swing)))")
        }
      }
    }
    lines += ["", "## Does the best option by P(intercept) change?", ""]
    for network in networks {
      let atBase = best(in: base, network: network)!
      let changes = rankingChanges(network: network)
      let probability = { (option: Int) in
        SensitivityMetric.interception.format(base.rows[option].interception.estimate)
      }
      let next = best(in: base, network: network, excluding: atBase).map { option in
        let tied = base.rows[option].interception.estimate == base.rows[atBase].interception.estimate
        return "; \(tied ? "tied with" : "next") \(combinations[option].interceptor.rawValue) / "
          + "\(combinations[option].basing.rawValue), \(probability(option))"
      }
      let head = "- \(network.rawValue): best at base \(label(option: atBase)) (\(probability(atBase))\(next ?? ""))"
      if changes.isEmpty {
        lines.append(head + "; it stays best at every parameter's low and high.")
      } else {
        lines.append(
          head + "; it changes at "
            + changes.map { change in
              "\(change.entry.parameter.key) \(change.end.rawValue) (\(label(option: change.best)), "
                + "\(SensitivityMetric.interception.format(change.entry.table(change.end).rows[change.best].interception.estimate)) "
                + "against \(SensitivityMetric.interception.format(change.entry.table(change.end).rows[atBase].interception.estimate)))"
            }.joined(separator: "; ") + ".")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A factor as the tables write it.
  static func number(_ value: Double) -> String { SensitivityParameter.figure(value) }

  /// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
  static func quoted(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension SensitivityStudy.End {
  /// "low", "base", "high": the column suffixes of the CSV.
  static let allCasesWithBase = ["low", "base", "high"]
}
