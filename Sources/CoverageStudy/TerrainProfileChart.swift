import CoverageKernel
import Foundation
import GeoRaster
import MapCanvas

/// The terrain profile from a radar to a point, drawn over the effective Earth (the terrain bulges by `d²/2kR`): the
/// terrain, the antenna, the grazing line of sight and the lowest visible altitude along the line. Drawn with Cairo
/// and Pango; `csv` gives the same numbers as a table.
public struct TerrainProfileChart {
  public let profile: TerrainProfile
  /// The radar's name, for the title.
  public let siteName: String
  /// What the line ends at, for the title ("-12.52, -73.83").
  public let endName: String
  /// A line under the title (the DEM, say).
  public let note: String

  /// Image size, pixels.
  public static let width = 1_000
  public static let height = 580

  static let terrainColour = RGBColour(140, 110, 75)
  static let seaColour = RGBColour(150, 190, 225)
  static let rayColour = RGBColour(0, 114, 178)
  static let lowestColour = RGBColour(213, 94, 0)
  static let ink = RGBColour(30, 30, 30)

  public init(profile: TerrainProfile, siteName: String, endName: String, note: String) {
    self.profile = profile
    self.siteName = siteName
    self.endName = endName
    self.note = note
  }

  /// The plotting frame: the whole line across, from below the curved sea level at its end to above the highest
  /// curve drawn.
  var frame: RangeHeightFrame {
    let samples = profile.samples
    let earth = profile.earth
    let length = samples.last?.distance ?? 1
    var heights = [profile.antennaAltitude, 0, -earth.curvatureDrop(atDistance: length)]
    for sample in samples where sample.ground.isFinite {
      heights.append(sample.ground - sample.curvatureDrop)
      heights.append(sample.lowestVisibleAltitude - sample.curvatureDrop)
    }
    let low = heights.min() ?? 0
    let high = heights.max() ?? 1
    let pad = max((high - low) * 0.08, 50)
    return RangeHeightFrame(
      plot: PixelBox(x: 90, y: 120, width: Double(Self.width) - 120, height: Double(Self.height) - 200),
      maximumDistance: length, lowestHeight: low - pad, highestHeight: high + pad, earth: earth)
  }

  /// Draws the chart.
  public func draw() -> MapCanvas {
    let canvas = MapCanvas(width: Self.width, height: Self.height)
    let frame = frame
    let body = MapFont(pixelSize: 15)
    let samples = profile.samples
    let length = samples.last?.distance ?? 0
    canvas.text(
      "Terrain profile: \(siteName) to \(endName)", x: 20, y: 12, font: MapFont(pixelSize: 22, bold: true), Self.ink)
    canvas.text(
      String(
        format: "%.0f km at azimuth %.1f°; antenna %.0f m MSL; effective Earth k = %.3g (heights drawn on the curved "
          + "Earth)", length / 1_000, profile.azimuth * 180 / .pi, profile.antennaAltitude,
        profile.earth.refractionFactor), x: 20, y: 44, font: body, Self.ink)
    canvas.text(note, x: 20, y: 66, font: MapFont(pixelSize: 13), Self.ink)
    let bottom = frame.plot.y + frame.plot.height
    let seaLevel = samples.map { frame.point(distance: $0.distance, altitude: 0) }
    canvas.polygon(
      RangeHeightFrame.band(
        lower: seaLevel.map { ($0.x, bottom) }, upper: seaLevel.map { ($0.x, min($0.y, bottom)) }),
      Self.seaColour, opacity: 0.5)
    frame.drawAxes(
      on: canvas, distanceTitle: "distance from the radar, km",
      altitudeTitle: "altitude MSL, m (grey arcs: constant altitude over the curved Earth)",
      font: MapFont(pixelSize: 13))
    // Terrain: one filled run per stretch of known ground.
    for run in Self.knownRuns(samples) {
      let top = run.map { frame.point(distance: $0.distance, altitude: $0.ground) }
      let base = run.map { (x: frame.point(distance: $0.distance, altitude: 0).x, y: bottom) }
      canvas.polygon(RangeHeightFrame.band(lower: base, upper: top), Self.terrainColour, opacity: 0.85)
    }
    let lowest = samples.filter { $0.lowestVisibleAltitude.isFinite }.map {
      frame.point(distance: $0.distance, altitude: $0.lowestVisibleAltitude)
    }
    canvas.polyline(lowest, Self.lowestColour, lineWidth: 2.5)
    let antenna = frame.point(distance: 0, altitude: profile.antennaAltitude)
    if let last = samples.last, last.horizonSlope.isFinite {
      let end = frame.point(
        distance: length, altitude: profile.antennaAltitude + length * last.horizonSlope + last.curvatureDrop)
      canvas.polyline([antenna, end], Self.rayColour, lineWidth: 1.8, dash: [8, 5])
    }
    _ = canvas.marker(.triangle, x: antenna.x, y: antenna.y - 6, size: 14, Self.ink)
    drawLegend(on: canvas, y: Double(Self.height) - 26, font: body)
    return canvas
  }

  private func drawLegend(on canvas: MapCanvas, y: Double, font: MapFont) {
    var x = 90.0
    let entries: [(String, RGBColour, Bool)] = [
      ("terrain", Self.terrainColour, true), ("sea level (curved Earth)", Self.seaColour, true),
      ("lowest visible altitude", Self.lowestColour, false), ("grazing line of sight", Self.rayColour, false),
    ]
    for (text, colour, filled) in entries {
      if filled {
        canvas.fill(PixelBox(x: x, y: y + 2, width: 24, height: 14), colour)
      } else {
        canvas.polyline(
          [(x, y + 9), (x + 24, y + 9)], colour, lineWidth: 2.5, dash: colour == Self.rayColour ? [6, 4] : [])
      }
      let extent = canvas.text(text, x: x + 30, y: y, font: font, Self.ink)
      x += 30 + extent.logical.width + 26
    }
    _ = canvas.marker(.triangle, x: x + 8, y: y + 9, size: 14, Self.ink)
    canvas.text("antenna", x: x + 22, y: y, font: font, Self.ink)
  }

  /// The stretches of consecutive samples on known ground.
  static func knownRuns(_ samples: [TerrainProfile.Sample]) -> [[TerrainProfile.Sample]] {
    var runs: [[TerrainProfile.Sample]] = []
    var current: [TerrainProfile.Sample] = []
    for sample in samples {
      if sample.ground.isFinite {
        current.append(sample)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if current.count > 1 { runs.append(current) }
    return runs.filter { $0.count > 1 }
  }

  /// Draws the chart and writes it to `path` (PNG).
  public func write(to path: String) throws {
    let canvas = draw()
    let planes = canvas.planes()
    try ChartPNGWriter.write(
      red: planes.red, green: planes.green, blue: planes.blue, width: canvas.width, height: canvas.height, to: path)
  }

  /// The profile as CSV, one row per sample; `coordinate` turns a grid position into latitude and longitude.
  public func csv(coordinate: (MapPoint) -> (latitude: Double, longitude: Double)) -> String {
    var lines = [
      "distance_m,latitude_deg,longitude_deg,ground_msl_m,curvature_drop_m,line_of_sight_elevation_deg,"
        + "lowest_visible_msl_m,lowest_visible_agl_m"
    ]
    for sample in profile.samples {
      let place = coordinate(sample.position)
      lines.append(
        [
          Self.number(sample.distance, 1), Self.number(place.latitude, 6), Self.number(place.longitude, 6),
          Self.number(sample.ground, 1), Self.number(sample.curvatureDrop, 2),
          sample.horizonElevationDegrees.map { Self.number($0, 4) } ?? "",
          Self.number(sample.lowestVisibleAltitude, 1), Self.number(sample.lowestVisibleAboveGround, 1),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A number with `decimals` places; empty for NaN (unknown terrain).
  static func number(_ value: Double, _ decimals: Int) -> String {
    value.isFinite ? String(format: "%.\(decimals)f", value) : ""
  }
}
