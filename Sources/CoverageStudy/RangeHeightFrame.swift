import CoverageKernel
import Foundation
import MapCanvas

/// The plotting frame of a range-height chart over the effective Earth: distance from the radar across, and height
/// in the antenna's frame up, so that the Earth bulges, rays are straight lines and a constant altitude is an arc
/// falling `d²/2kR` below its height at the radar. The altitude gridlines are such arcs, labelled at the radar.
struct RangeHeightFrame {
  let plot: PixelBox
  /// Distance span, metres.
  let maximumDistance: Double
  /// Span of the drawn height (altitude minus the curvature drop), metres.
  let lowestHeight: Double
  let highestHeight: Double
  let earth: EarthModel

  static let ink = RGBColour(30, 30, 30)
  static let grid = RGBColour(210, 210, 210)

  /// The pixel of `altitude` (metres MSL) at `distance` metres.
  func point(distance: Double, altitude: Double) -> (x: Double, y: Double) {
    let height = altitude - earth.curvatureDrop(atDistance: distance)
    return (
      plot.x + distance / maximumDistance * plot.width,
      plot.y + plot.height - (height - lowestHeight) / (highestHeight - lowestHeight) * plot.height
    )
  }

  /// A constant-altitude arc across the chart, clipped to the plot.
  func arc(altitude: Double, steps: Int = 200) -> [(x: Double, y: Double)] {
    (0...steps).map { step in point(distance: Double(step) / Double(steps) * maximumDistance, altitude: altitude) }
      .filter { $0.y >= plot.y && $0.y <= plot.y + plot.height }
  }

  /// Axes, ticks and gridlines (distance ticks straight, altitude gridlines as arcs), with their titles.
  func drawAxes(on canvas: MapCanvas, distanceTitle: String, altitudeTitle: String, font: MapFont) {
    let distanceTicks = RangeHeightFrame.ticks(upTo: maximumDistance / 1_000)
    for tick in distanceTicks {
      let x = plot.x + tick * 1_000 / maximumDistance * plot.width
      canvas.polyline([(x, plot.y), (x, plot.y + plot.height)], Self.grid, lineWidth: 1)
      let text = RangeHeightFrame.format(tick)
      let extent = canvas.measure(text, font: font)
      canvas.text(text, x: x - extent.logical.width / 2, y: plot.y + plot.height + 6, font: font, Self.ink)
    }
    // Altitude gridlines from sea level to the highest altitude the plot shows (at its far end), each labelled
    // where it enters the plot: at the radar's axis, or at the top edge farther out.
    let highest = highestHeight + earth.curvatureDrop(atDistance: maximumDistance)
    let step = RangeHeightFrame.step(for: highest / 7)
    for tick in stride(from: 0, through: highest, by: step) {
      let arc = arc(altitude: tick)
      guard let first = arc.first else { continue }
      canvas.polyline(arc, Self.grid, lineWidth: 1)
      let text = RangeHeightFrame.format(tick)
      let extent = canvas.measure(text, font: font)
      if first.x <= plot.x + 1 {
        canvas.text(
          text, x: plot.x - 8 - extent.logical.width, y: first.y - extent.logical.height / 2, font: font, Self.ink)
      } else {
        canvas.text(text, x: first.x + 4, y: first.y + 2, font: font, Self.ink, halo: .white)
      }
    }
    canvas.stroke(plot, Self.ink, lineWidth: 1)
    let title = canvas.measure(distanceTitle, font: font)
    canvas.text(
      distanceTitle, x: plot.x + (plot.width - title.logical.width) / 2, y: plot.y + plot.height + 28, font: font,
      Self.ink)
    canvas.text(altitudeTitle, x: plot.x - 70, y: plot.y - 22, font: font, Self.ink)
  }

  /// The closed polygon between two curves given at the same distances (pixel points), for filling.
  static func band(lower: [(x: Double, y: Double)], upper: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    upper + lower.reversed()
  }

  /// Round ticks from 0 to `maximum` (four to ten of them).
  static func ticks(upTo maximum: Double) -> [Double] {
    let step = step(for: maximum / 6)
    return stride(from: 0, through: maximum, by: step).map { $0 }
  }

  /// A round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`.
  static func step(for raw: Double) -> Double {
    let magnitude = pow(10, floor(log10(max(raw, 1e-9))))
    return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
  }

  /// A tick label: no decimals for whole numbers.
  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }
}
