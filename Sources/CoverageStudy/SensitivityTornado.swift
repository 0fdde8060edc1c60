import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import MapCanvas

/// The tornado chart of one metric of a sensitivity study: one panel per focus option (the best by P(intercept) in
/// each network configuration), one bar per parameter ordered by swing, from the metric at the parameter's low end
/// to its value at the high end around the scenario's value (the vertical line). Drawn with Cairo and Pango.
public struct SensitivityTornado {
  public let study: SensitivityStudy
  public let metric: SensitivityMetric
  /// Options (indices into the study's combinations) with a panel each.
  public let options: [Int]

  /// Image width, pixels.
  public static let width = 1_400
  static let labelWidth = 380.0
  static let rightMargin = 150.0
  static let rowHeight = 34.0
  static let panelHeader = 44.0
  static let axisHeight = 66.0
  static let titleHeight = 96.0
  static let legendHeight = 70.0

  /// Colour-blind-safe pair (Okabe and Ito): blue for the low end, orange for the high end.
  static let lowColour = RGBColour(0, 114, 178)
  static let highColour = RGBColour(230, 159, 0)
  static let ink = RGBColour(30, 30, 30)
  static let grid = RGBColour(215, 215, 215)

  public init(study: SensitivityStudy, metric: SensitivityMetric, options: [Int]? = nil) {
    self.study = study
    self.metric = metric
    self.options = options ?? study.focusOptions
  }

  /// Image height, pixels: the title, a panel per option, the legend.
  public var height: Int {
    let panel = Self.panelHeader + Double(study.entries.count) * Self.rowHeight + Self.axisHeight
    return Int(Self.titleHeight + Double(options.count) * panel + Self.legendHeight)
  }

  /// Draws the chart.
  public func draw() -> MapCanvas {
    let canvas = MapCanvas(width: Self.width, height: height)
    let title = MapFont(pixelSize: 26, bold: true)
    let body = MapFont(pixelSize: 17)
    let small = MapFont(pixelSize: 15)
    canvas.text(
      "What drives \(metric.title): \(study.scenario.id)", x: 24, y: 16, font: title, Self.ink)
    canvas.text(
      "\(study.flights) flights, seed \(study.seed); each bar: the figure at one parameter's low and high end, the "
        + "others as the scenario states them (same flights and draws)", x: 24, y: 56, font: small, Self.ink)
    var top = Self.titleHeight
    for option in options {
      top = drawPanel(on: canvas, option: option, top: top, body: body, small: small)
    }
    drawLegend(on: canvas, top: top + 14, font: body)
    return canvas
  }

  /// Draws the chart and writes it to `path` (PNG).
  public func write(to path: String) throws {
    let canvas = draw()
    let planes = canvas.planes()
    try ChartPNGWriter.write(
      red: planes.red, green: planes.green, blue: planes.blue, width: canvas.width, height: canvas.height, to: path)
  }

  /// One option's panel; returns the y below it.
  private func drawPanel(on canvas: MapCanvas, option: Int, top: Double, body: MapFont, small: MapFont) -> Double {
    let base = metric.value(study.base.rows[option])
    canvas.text(
      "\(study.label(option: option))  (scenario: \(metric.format(base)))", x: 24, y: top + 10,
      font: MapFont(pixelSize: 19, bold: true), Self.ink)
    let ordered = study.bySwing(option: option, metric: metric)
    let plotLeft = Self.labelWidth
    let plotRight = Double(Self.width) - Self.rightMargin
    let plotTop = top + Self.panelHeader
    let plotBottom = plotTop + Double(ordered.count) * Self.rowHeight
    let all =
      ordered.flatMap { item -> [Double] in
        let (low, _, high) = study.values(item.entry, option: option, metric: metric)
        return [low, high].compactMap { $0 }
      } + [base].compactMap { $0 }
    let axis = Self.axis(all)
    let x = { (value: Double) in plotLeft + (value - axis.low) / (axis.high - axis.low) * (plotRight - plotLeft) }
    for tick in axis.ticks {
      let position = x(tick)
      canvas.polyline([(position, plotTop), (position, plotBottom)], Self.grid, lineWidth: 1)
      let text = metric.format(tick)
      let extent = canvas.measure(text, font: small)
      canvas.text(text, x: position - extent.logical.width / 2, y: plotBottom + 6, font: small, Self.ink)
    }
    canvas.polyline([(plotLeft, plotBottom), (plotRight, plotBottom)], Self.ink, lineWidth: 1)
    let axisTitle = canvas.measure(metric.title, font: small)
    canvas.text(
      metric.title, x: (plotLeft + plotRight - axisTitle.logical.width) / 2, y: plotBottom + 28, font: small, Self.ink)
    for (row, item) in ordered.enumerated() {
      let y = plotTop + Double(row) * Self.rowHeight
      let range = item.entry.range.value
      let label =
        "\(item.entry.parameter.name) x\(SensitivityParameter.figure(range.lowerBound))-\(SensitivityParameter.figure(range.upperBound))"
      let extent = canvas.measure(label, font: body)
      canvas.text(label, x: plotLeft - 12 - extent.logical.width, y: y + 7, font: body, Self.ink)
      let (low, _, high) = study.values(item.entry, option: option, metric: metric)
      guard let base else { continue }
      // The end farther from the scenario's value first, so that a shorter bar on the same side stays visible.
      let ends = [(low, Self.lowColour), (high, Self.highColour)].compactMap { value, colour in
        value.map { ($0, colour) }
      }.sorted { abs($0.0 - base) > abs($1.0 - base) }
      for (value, colour) in ends {
        let from = min(x(base), x(value))
        let to = max(x(base), x(value))
        canvas.fill(PixelBox(x: from, y: y + 6, width: max(to - from, 1), height: Self.rowHeight - 12), colour)
      }
      let swing = "swing \(metric.format(item.swing))"
      canvas.text(swing, x: plotRight + 10, y: y + 8, font: small, Self.ink)
    }
    if let base {
      canvas.polyline([(x(base), plotTop - 4), (x(base), plotBottom)], Self.ink, lineWidth: 2)
    }
    return plotBottom + Self.axisHeight
  }

  private func drawLegend(on canvas: MapCanvas, top: Double, font: MapFont) {
    var x = 24.0
    for (text, colour) in [
      ("parameter at the low end of its range", Self.lowColour), ("at the high end", Self.highColour),
    ] {
      canvas.fill(PixelBox(x: x, y: top + 3, width: 28, height: 18), colour)
      let extent = canvas.text(text, x: x + 36, y: top, font: font, Self.ink)
      x += 36 + extent.logical.width + 30
    }
    canvas.polyline([(x, top), (x, top + 24)], Self.ink, lineWidth: 2)
    canvas.text("the scenario as written", x: x + 10, y: top, font: font, Self.ink)
  }

  /// An axis over `values`: round ends and four to eight round ticks; a unit span around a single value.
  static func axis(_ values: [Double]) -> (low: Double, high: Double, ticks: [Double]) {
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if high - low < 1e-12 {
      let pad = max(abs(low) * 0.1, 0.01)
      low -= pad
      high += pad
    }
    let raw = (high - low) / 5
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    low = floor(low / step) * step
    high = ceil(high / step) * step
    let ticks = stride(from: low, through: high + step / 2, by: step).map { $0 }
    return (low, high, ticks)
  }
}
