import CoverageKernel
import Foundation
import GeoRaster
import MapCanvas
import RadarModels

/// One coverage map of a scenario study: hillshaded terrain, the coverage at one altitude (the map altitude above
/// ground, or a flight level) coloured (real time, voice relay only), borders and analysis regions, radar sites
/// labelled, and the composer's title, legend, scale bar and north arrow; written to PNG (and world file) through
/// GDAL.
struct StudyMap {
  /// A radar on the map: where it is (map coordinates) and how to draw it.
  struct Site {
    var position: MapPoint
    var placement: RadarPlacement
  }

  /// Real-time coverage, and coverage that reaches the picture only through the voice relay: viridis's teal and
  /// yellow, apart under every colour-vision deficiency.
  static let realTime = ColourClass(value: 1, red: 33, green: 145, blue: 140, label: "covered, real-time picture")
  static let relayOnly = ColourClass(value: 2, red: 253, green: 231, blue: 37, label: "covered only via voice relay")
  static let border = RGBColour(40, 40, 40)
  static let region = RGBColour(200, 30, 120)

  var title: String
  var subtitle: String
  var notes: [String]
  var georeference: RasterGeoreference
  var elevation: [Float]
  /// Per cell: 0 not covered, 1 covered in real time, 2 covered only through the voice relay.
  var classes: [UInt8]
  var bordersFile: String?
  /// The analysis regions' vector file, outlined on the map.
  var regionsFile: String?
  var sites: [Site]
  var earthRadius: Double
  /// Whether the terrain is the coarse fallback DEM (the map says so).
  var coarseTerrain = false

  @discardableResult
  func write(to path: String) throws -> MapLayout {
    let background = try QuickLookRenderer.background(
      elevation: elevation, classes: classes, palette: [Self.realTime, Self.relayOnly], georeference: georeference)
    let fine = background.georeference
    let frame = MapFrame(fine, earthRadius: earthRadius)
    let canvas = MapCanvas(
      width: fine.width, height: fine.height, red: background.red, green: background.green, blue: background.blue)
    var legend = [Self.realTime, Self.relayOnly].map {
      LegendEntry(.swatch(CoverageMapStyle.drawnColour(of: $0)), $0.label)
    }
    if let bordersFile {
      canvas.blend(
        mask: try VectorFeatures.outlineMask(path: bordersFile, georeference: fine), Self.border, opacity: 0.9)
      legend.append(LegendEntry(.line(Self.border, dashed: false), "borders"))
    }
    if let regionsFile {
      canvas.blend(mask: try VectorFeatures.outlineMask(path: regionsFile, georeference: fine), Self.region, opacity: 1)
      legend.append(LegendEntry(.line(Self.region, dashed: false), "analysis regions"))
    }
    var seen = Set<String>()
    for site in sites {
      let role = site.placement.type.role
      let label = "\(site.placement.operator) \(role.rawValue)\(site.placement.notional ? " (notional)" : "")"
      guard seen.insert(label).inserted else { continue }
      legend.append(
        LegendEntry(.marker(Self.symbol(for: site.placement), OperatorStyle.colour(for: site.placement)), label))
    }
    let composer = MapComposer(
      frame: frame, title: title, subtitle: subtitle, legend: legend, notes: notes, coarseTerrain: coarseTerrain,
      points: points(frame: frame))
    let layout = composer.compose(on: canvas)
    let planes = canvas.planes()
    try PNGWriter.write(red: planes.red, green: planes.green, blue: planes.blue, georeference: fine, to: path)
    return layout
  }

  static func symbol(for placement: RadarPlacement) -> MapSymbol {
    placement.type.role == .primary ? .triangle : .square
  }

  /// One point per radar; radars sharing a location stand side by side under one label: the words their names
  /// share, or the single name.
  private func points(frame: MapFrame) -> [MapComposer.Point] {
    var groups: [String: [Site]] = [:]
    var order: [String] = []
    for site in sites {
      let key = String(format: "%.4f,%.4f", site.position.x, site.position.y)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(site)
    }
    let spacing = 12 * min(3, max(0.75, Double(frame.width) / 1_200))
    return order.flatMap { key -> [MapComposer.Point] in
      let group = groups[key]!
      let pixel = frame.pixel(x: group[0].position.x, y: group[0].position.y)
      let label = Self.sharedLabel(group.map(\.placement.name))
      return group.enumerated().map { offset, site in
        MapComposer.Point(
          x: pixel.x + Double(offset) * spacing, y: pixel.y, symbol: Self.symbol(for: site.placement),
          colour: OperatorStyle.colour(for: site.placement), label: offset == 0 ? label : "")
      }
    }
  }

  static func sharedLabel(_ names: [String]) -> String {
    guard names.count > 1 else { return names[0] }
    let words = names.map { $0.split(separator: " ") }
    var shared: [Substring] = []
    for (index, word) in words[0].enumerated() where words.allSatisfy({ $0.count > index && $0[index] == word }) {
      shared.append(word)
    }
    return shared.isEmpty ? names[0] : shared.joined(separator: " ") + " (\(names.count) radars)"
  }
}
