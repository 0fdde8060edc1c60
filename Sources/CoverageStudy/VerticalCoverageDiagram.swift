import CoverageKernel
import Foundation
import GeoRaster
import MapCanvas

/// A radar's vertical coverage diagram on one azimuth: range across, altitude up over the effective Earth, with the
/// terrain, the region the terrain masks (below the lowest visible altitude), the cone of silence (above the
/// highest beam elevation) and contours of the per-scan detection probability of a target (constant slant range:
/// the detection models depend on range only). Drawn with Cairo and Pango; `csv` gives the numbers per range sample.
public struct VerticalCoverageDiagram {
  /// A detection-probability contour: the slant range at which the per-scan probability falls to `probability`.
  public struct Contour: Sendable, Equatable {
    public var probability: Double
    /// Slant range from the antenna, metres.
    public var slantRange: Double
    public init(probability: Double, slantRange: Double) {
      self.probability = probability
      self.slantRange = slantRange
    }
  }

  /// The profile along the azimuth, with the beam's elevation limits.
  public let profile: TerrainProfile
  public let radarName: String
  /// What the contours are for ("AN/TPS-70, 1 m² target, Pfa 1e-6").
  public let detectionNote: String
  public let contours: [Contour]
  /// Top of the chart, metres MSL at the radar.
  public let topAltitude: Double
  /// Constant-altitude reference lines, metres MSL, with their labels.
  public let referenceAltitudes: [(label: String, altitude: Double)]
  /// A reference line at this height above the ground, metres; nil for none.
  public let referenceAboveGround: Double?

  public static let width = 1_000
  public static let height = 640

  static let maskColour = RGBColour(120, 120, 120)
  static let silenceColour = RGBColour(204, 121, 167)
  static let contourColours = [RGBColour(0, 158, 115), RGBColour(0, 114, 178), RGBColour(230, 159, 0)]
  static let referenceColour = RGBColour(90, 90, 90)

  public init(
    profile: TerrainProfile, radarName: String, detectionNote: String, contours: [Contour], topAltitude: Double,
    referenceAltitudes: [(label: String, altitude: Double)], referenceAboveGround: Double?
  ) {
    self.profile = profile
    self.radarName = radarName
    self.detectionNote = detectionNote
    self.contours = contours
    self.topAltitude = topAltitude
    self.referenceAltitudes = referenceAltitudes
    self.referenceAboveGround = referenceAboveGround
  }

  /// The highest altitude MSL at `distance` metres at which the slant range is within `slantRange` (the contour's
  /// upper branch, over the effective Earth); nil beyond it.
  public func contourTop(slantRange: Double, atDistance distance: Double) -> Double? {
    guard distance <= slantRange else { return nil }
    let elevation = acos(distance / slantRange)
    return profile.rayPoint(slantRange: slantRange, elevation: elevation).altitude
  }

  /// The lowest visible altitude MSL at `distance`, linear between samples.
  public func lowestVisibleAltitude(atDistance distance: Double) -> Double {
    interpolated(\.lowestVisibleAltitude, atDistance: distance)
  }

  /// The ground MSL at `distance`, linear between samples.
  func groundAltitude(atDistance distance: Double) -> Double { interpolated(\.ground, atDistance: distance) }

  private func interpolated(_ value: KeyPath<TerrainProfile.Sample, Double>, atDistance distance: Double) -> Double {
    let samples = profile.samples
    guard let index = samples.firstIndex(where: { $0.distance >= distance }) else {
      return samples.last?[keyPath: value] ?? .nan
    }
    guard index > 0 else { return samples[0][keyPath: value] }
    let a = samples[index - 1]
    let b = samples[index]
    let weight = (distance - a.distance) / max(b.distance - a.distance, 1e-9)
    return a[keyPath: value] + (b[keyPath: value] - a[keyPath: value]) * weight
  }

  /// The contour's points on the chart (distance, altitude MSL) from the lowest elevation up, each with whether a
  /// target there is in line of sight and inside the beam.
  public func contourPoints(_ contour: Contour, steps: Int = 1_500) -> [(
    distance: Double, altitude: Double, seen: Bool
  )] {
    let length = profile.samples.last?.distance ?? 0
    let lowest = -5.0 * .pi / 180
    return (0...steps).compactMap { step in
      let elevation = lowest + (Double.pi / 2 - lowest) * Double(step) / Double(steps)
      let point = profile.rayPoint(slantRange: contour.slantRange, elevation: elevation)
      guard point.distance <= length, point.altitude <= topAltitude else { return nil }
      // Below the ground no target flies.
      guard point.altitude >= groundAltitude(atDistance: point.distance) else { return nil }
      var seen = point.altitude >= lowestVisibleAltitude(atDistance: point.distance)
      if let ceiling = ceiling(atDistance: point.distance) { seen = seen && point.altitude <= ceiling }
      return (point.distance, point.altitude, seen)
    }
  }

  /// The cone of silence's floor at `distance`, metres MSL; nil without a maximum elevation.
  func ceiling(atDistance distance: Double) -> Double? { profile.ceiling(atDistance: distance) }

  var frame: RangeHeightFrame {
    let length = profile.samples.last?.distance ?? 1
    var low = -profile.earth.curvatureDrop(atDistance: length)
    for sample in profile.samples where sample.ground.isFinite {
      low = min(low, sample.ground - sample.curvatureDrop)
    }
    let pad = (topAltitude - low) * 0.03
    return RangeHeightFrame(
      plot: PixelBox(x: 90, y: 110, width: Double(Self.width) - 170, height: Double(Self.height) - 220),
      maximumDistance: length, lowestHeight: low - pad, highestHeight: topAltitude, earth: profile.earth)
  }

  /// Draws the diagram.
  public func draw() -> MapCanvas {
    let canvas = MapCanvas(width: Self.width, height: Self.height)
    let frame = frame
    let ink = RangeHeightFrame.ink
    let body = MapFont(pixelSize: 15)
    let small = MapFont(pixelSize: 13)
    let samples = profile.samples
    let length = samples.last?.distance ?? 0
    let plotTop = frame.plot.y
    let bottom = frame.plot.y + frame.plot.height
    canvas.text(
      String(format: "Vertical coverage: %@, azimuth %.1f°", radarName, profile.azimuth * 180 / .pi), x: 20, y: 12,
      font: MapFont(pixelSize: 22, bold: true), ink)
    canvas.text(
      String(
        format: "%@; antenna %.0f m MSL; k = %.3g; to %.0f km", detectionNote, profile.antennaAltitude,
        profile.earth.refractionFactor, length / 1_000), x: 20, y: 44, font: body, ink)
    let clip = { (point: (x: Double, y: Double)) in (x: point.x, y: min(max(point.y, plotTop), bottom)) }
    let seaLevel = samples.map { clip(frame.point(distance: $0.distance, altitude: 0)) }
    canvas.polygon(
      RangeHeightFrame.band(lower: seaLevel.map { ($0.x, bottom) }, upper: seaLevel), TerrainProfileChart.seaColour,
      opacity: 0.5)
    frame.drawAxes(
      on: canvas, distanceTitle: "ground range from the radar, km",
      altitudeTitle: "altitude MSL, m (grey arcs: constant altitude over the curved Earth)",
      font: small)
    // Masked: between the ground and the lowest visible altitude.
    let known = samples.filter { $0.ground.isFinite && $0.lowestVisibleAltitude.isFinite }
    let groundLine = known.map { clip(frame.point(distance: $0.distance, altitude: $0.ground)) }
    let maskTop = known.map {
      clip(frame.point(distance: $0.distance, altitude: min($0.lowestVisibleAltitude, topAltitude)))
    }
    canvas.polygon(RangeHeightFrame.band(lower: groundLine, upper: maskTop), Self.maskColour, opacity: 0.45)
    // The cone of silence: above the highest elevation.
    if ceiling(atDistance: length) != nil {
      let floor = samples.map { clip(frame.point(distance: $0.distance, altitude: ceiling(atDistance: $0.distance)!)) }
      canvas.polygon(
        RangeHeightFrame.band(lower: floor, upper: floor.map { ($0.x, plotTop) }), Self.silenceColour, opacity: 0.35)
    }
    for run in TerrainProfileChart.knownRuns(samples) {
      let top = run.map { clip(frame.point(distance: $0.distance, altitude: $0.ground)) }
      let base = run.map { (x: frame.point(distance: $0.distance, altitude: 0).x, y: bottom) }
      canvas.polygon(RangeHeightFrame.band(lower: base, upper: top), TerrainProfileChart.terrainColour, opacity: 0.9)
    }
    for reference in referenceAltitudes {
      let arc = frame.arc(altitude: reference.altitude)
      canvas.polyline(arc, Self.referenceColour, lineWidth: 1.2, dash: [10, 4])
      if let end = arc.last {
        canvas.text(reference.label, x: end.x + 6, y: end.y - 8, font: small, ink)
      }
    }
    if let agl = referenceAboveGround {
      let line = known.map { clip(frame.point(distance: $0.distance, altitude: $0.ground + agl)) }
      canvas.polyline(line, Self.referenceColour, lineWidth: 1.2, dash: [2, 3])
      if let end = line.last {
        canvas.text(String(format: "%.0f m AGL", agl), x: end.x + 6, y: end.y - 8, font: small, ink)
      }
    }
    for (index, contour) in contours.enumerated() {
      let colour = Self.contourColours[index % Self.contourColours.count]
      var run: [(x: Double, y: Double)] = []
      var runSeen = true
      for point in contourPoints(contour) {
        let pixel = clip(frame.point(distance: point.distance, altitude: point.altitude))
        if point.seen != runSeen, !run.isEmpty {
          canvas.polyline(run + [pixel], colour, lineWidth: runSeen ? 2.5 : 1.2, dash: runSeen ? [] : [3, 3])
          run = []
        }
        runSeen = point.seen
        run.append(pixel)
      }
      canvas.polyline(run, colour, lineWidth: runSeen ? 2.5 : 1.2, dash: runSeen ? [] : [3, 3])
    }
    let antenna = frame.point(distance: 0, altitude: profile.antennaAltitude)
    _ = canvas.marker(.triangle, x: antenna.x, y: antenna.y - 6, size: 14, ink)
    drawLegend(on: canvas, y: Double(Self.height) - 50, font: small)
    return canvas
  }

  private func drawLegend(on canvas: MapCanvas, y: Double, font: MapFont) {
    var x = 90.0
    var entries: [(String, RGBColour, Double)] = [
      ("terrain", TerrainProfileChart.terrainColour, 0.9), ("masked by terrain", Self.maskColour, 0.45),
    ]
    if ceiling(atDistance: 1) != nil { entries.append(("cone of silence", Self.silenceColour, 0.35)) }
    for (text, colour, opacity) in entries {
      canvas.fill(PixelBox(x: x, y: y + 2, width: 24, height: 14), colour, opacity: opacity)
      let extent = canvas.text(text, x: x + 30, y: y, font: font, RangeHeightFrame.ink)
      x += 30 + extent.logical.width + 22
    }
    for (index, contour) in contours.enumerated() {
      let colour = Self.contourColours[index % Self.contourColours.count]
      canvas.polyline([(x, y + 9), (x + 24, y + 9)], colour, lineWidth: 2.5)
      let text = String(format: "Pd %.2g (%.0f km)", contour.probability, contour.slantRange / 1_000)
      let extent = canvas.text(text, x: x + 30, y: y, font: font, RangeHeightFrame.ink)
      x += 30 + extent.logical.width + 22
    }
    canvas.text(
      "contours solid where a target is in line of sight and in the beam, dotted where masked; dashed: constant "
        + "altitude", x: 90, y: y + 22, font: font, RangeHeightFrame.ink)
  }

  /// Draws the diagram and writes it to `path` (PNG).
  public func write(to path: String) throws {
    let canvas = draw()
    let planes = canvas.planes()
    try ChartPNGWriter.write(
      red: planes.red, green: planes.green, blue: planes.blue, width: canvas.width, height: canvas.height, to: path)
  }

  /// One row per range sample: the ground, the lowest visible altitude, the cone of silence's floor and, per
  /// contour, the highest altitude at which the probability reaches it, capped at the cone of silence (empty beyond
  /// its slant range).
  public func csv() -> String {
    let contourColumns = contours.map { "pd_" + Self.label($0.probability) + "_top_msl_m" }
    var lines = [
      (["distance_m", "ground_msl_m", "lowest_visible_msl_m", "ceiling_msl_m"] + contourColumns).joined(separator: ",")
    ]
    for sample in profile.samples {
      var fields = [
        TerrainProfileChart.number(sample.distance, 1), TerrainProfileChart.number(sample.ground, 1),
        TerrainProfileChart.number(sample.lowestVisibleAltitude, 1),
        ceiling(atDistance: sample.distance).map { TerrainProfileChart.number($0, 1) } ?? "",
      ]
      for contour in contours {
        let ceiling = ceiling(atDistance: sample.distance) ?? .infinity
        fields.append(
          contourTop(slantRange: contour.slantRange, atDistance: sample.distance).map {
            TerrainProfileChart.number(min($0, ceiling), 1)
          } ?? "")
      }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A probability as a column-name part: 0.5 → "0_5".
  static func label(_ probability: Double) -> String {
    String(format: "%g", probability).replacingOccurrences(of: ".", with: "_")
  }
}
