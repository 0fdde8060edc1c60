import Foundation
import Interdiction

/// The report's charts as inline SVG: horizontal bars on a labelled axis with ticks, gridlines and a legend.
enum ReportCharts {
  /// One bar: its label, value, optional 95 % interval whiskers, and its colour.
  struct Bar {
    var label: String
    var value: Double
    var interval: ClosedRange<Double>?
    var colour: String
  }

  /// One stacked bar: its label and the counts of each segment (in `ReportCharts.stacked`'s segment order).
  struct Stack {
    var label: String
    var counts: [Int]
  }

  /// Colours for network configurations (by position), chosen to stay apart for colour-blind readers (Okabe–Ito).
  static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

  /// Outcome colours, from the worst (never seen) to the best (intercepted).
  static let outcomeColours: [FlightOutcome: String] = [
    .undetected: "#4d4d4d", .detectedNotTracked: "#999999", .trackedNoInterceptorAvailable: "#D55E00",
    .interceptorOutOfRange: "#E69F00", .launchedNotFound: "#F0E442", .targetLandedFirst: "#CC79A7",
    .targetLeftPeru: "#56B4E9",
    .intercepted: "#009E73",
  ]

  /// Readable words for an outcome.
  static func words(_ outcome: FlightOutcome) -> String {
    switch outcome {
    case .undetected: return "never detected"
    case .detectedNotTracked: return "detected, no confirmed track"
    case .trackedNoInterceptorAvailable: return "tracked, no interceptor ready"
    case .interceptorOutOfRange: return "tracked, out of interceptor range"
    case .launchedNotFound: return "pair launched, target not found"
    case .targetLandedFirst: return "landed before interception"
    case .targetLeftPeru: return "left Peru before interception"
    case .intercepted: return "intercepted"
    }
  }

  /// Bars on an axis from `domain`, with `title` under the axis and a legend of (text, colour).
  static func bars(
    _ bars: [Bar], domain: ClosedRange<Double>, title: String, legend: [(String, String)], percent: Bool = false
  ) -> String {
    let labelWidth = min(420, 40 + 6 * (bars.map(\.label.count).max() ?? 10))
    let plotWidth = 440
    let rowHeight = 18
    let top = 8
    let plotHeight = bars.count * rowHeight
    let legendTop = top + plotHeight + 44
    let height = legendTop + 16 * legend.count + 8
    let x = { (value: Double) in
      Double(labelWidth) + (min(max(value, domain.lowerBound), domain.upperBound) - domain.lowerBound)
        / (domain.upperBound - domain.lowerBound) * Double(plotWidth)
    }
    var svg = open(width: labelWidth + plotWidth + 60, height: height, title: title)
    svg += axis(domain: domain, x: x, top: top, bottom: top + plotHeight, title: title, percent: percent)
    for (index, bar) in bars.enumerated() {
      let y = top + index * rowHeight
      let start = x(max(domain.lowerBound, min(0, domain.upperBound)))
      let end = x(bar.value)
      svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(ReportText.escape(bar.label))</text>"
      svg +=
        "<rect x=\(q(min(start, end))) y=\"\(y + 3)\" width=\(q(abs(end - start))) height=\"12\" "
        + "fill=\"\(bar.colour)\"><title>\(ReportText.escape(bar.label)): \(format(bar.value, percent))</title></rect>"
      if let interval = bar.interval {
        let (low, high) = (x(interval.lowerBound), x(interval.upperBound))
        svg +=
          "<path d=\"M\(f(low)) \(y + 9)H\(f(high))M\(f(low)) \(y + 5)V\(y + 13)M\(f(high)) \(y + 5)V\(y + 13)\" "
          + "stroke=\"#000\" fill=\"none\"/>"
      }
      svg += "<text x=\(q(max(start, end, bar.interval.map { x($0.upperBound) } ?? 0) + 4)) y=\"\(y + 13)\">"
      svg += "\(format(bar.value, percent))</text>"
    }
    svg += legendRows(legend, top: legendTop, left: labelWidth)
    return svg + "</svg>\n"
  }

  /// Bars of shares stacked to 100 %, one per `stacks`, segments coloured and named per `segments`.
  static func stacked(_ stacks: [Stack], segments: [(String, String)], title: String) -> String {
    let labelWidth = min(420, 40 + 6 * (stacks.map(\.label.count).max() ?? 10))
    let plotWidth = 440
    let rowHeight = 20
    let top = 8
    let plotHeight = stacks.count * rowHeight
    let legendTop = top + plotHeight + 44
    let height = legendTop + 16 * segments.count + 8
    let x = { (share: Double) in Double(labelWidth) + share * Double(plotWidth) }
    var svg = open(width: labelWidth + plotWidth + 20, height: height, title: title)
    svg += axis(domain: 0...1, x: x, top: top, bottom: top + plotHeight, title: title, percent: true)
    for (index, stack) in stacks.enumerated() {
      let y = top + index * rowHeight
      let total = Double(max(stack.counts.reduce(0, +), 1))
      svg +=
        "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(ReportText.escape(stack.label))</text>"
      var cumulative = 0.0
      for (segment, count) in zip(segments, stack.counts) where count > 0 {
        let share = Double(count) / total
        svg +=
          "<rect x=\(q(x(cumulative))) y=\"\(y + 3)\" width=\(q(share * Double(plotWidth))) height=\"14\" "
          + "fill=\"\(segment.1)\"><title>\(ReportText.escape(segment.0)): \(count) flights "
          + "(\(format(share, true)))</title></rect>"
        cumulative += share
      }
    }
    svg += legendRows(segments, top: legendTop, left: labelWidth)
    return svg + "</svg>\n"
  }

  private static func open(width: Int, height: Int, title: String) -> String {
    "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\" "
      + "aria-label=\"\(ReportText.escape(title))\">"
  }

  /// The x axis under the plot: gridlines, ticks every fifth of `domain` (with 0 when it lies inside), and `title`.
  private static func axis(
    domain: ClosedRange<Double>, x: (Double) -> Double, top: Int, bottom: Int, title: String, percent: Bool
  ) -> String {
    var svg = ""
    let step = (domain.upperBound - domain.lowerBound) / 5
    for index in 0...5 {
      let value = domain.lowerBound + Double(index) * step
      let position = f(x(value))
      svg +=
        "<line x1=\"\(position)\" x2=\"\(position)\" y1=\"\(top)\" y2=\"\(bottom + 4)\" stroke=\""
        + (abs(value) < 1e-9 ? "#000" : "#ccc") + "\"/>"
      svg += "<text x=\"\(position)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">\(format(value, percent))</text>"
    }
    svg +=
      "<line x1=\(q(x(domain.lowerBound))) x2=\(q(x(domain.upperBound))) y1=\"\(bottom)\" y2=\"\(bottom)\" "
      + "stroke=\"#000\"/>"
    svg +=
      "<text x=\(q((x(domain.lowerBound) + x(domain.upperBound)) / 2)) y=\"\(bottom + 32)\" text-anchor=\"middle\" "
      + "font-weight=\"bold\">\(ReportText.escape(title))</text>"
    return svg
  }

  private static func legendRows(_ legend: [(String, String)], top: Int, left: Int) -> String {
    legend.enumerated().map { index, entry in
      let y = top + index * 16
      return "<rect x=\"\(left)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(entry.1)\"/>"
        + "<text x=\"\(left + 18)\" y=\"\(y + 10)\">\(ReportText.escape(entry.0))</text>"
    }.joined()
  }

  private static func format(_ value: Double, _ percent: Bool) -> String {
    percent ? String(format: "%.0f %%", value * 100) : String(format: "%.2f", value)
  }

  private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
  private static func q(_ value: Double) -> String { "\"\(f(value))\"" }
}
