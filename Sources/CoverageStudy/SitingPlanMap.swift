import Foundation
import GeoRaster
import MapCanvas

/// The map of a siting plan (`plan-map.png`): over hillshaded terrain, the plan's regions outlined, the coverage of
/// the base network and the coverage the chosen sites add (at one altitude, inside the regions), every candidate as a
/// dot coloured by its own gain over the base, and the chosen sites numbered by rank; with the composer's title,
/// legend, scale bar and north arrow. Positions are WGS 84 degrees, so the grid must be geographic.
public struct SitingPlanMap {
  /// A candidate: where it stands (degrees) and its expected gain over the base network alone, km².
  public struct Candidate: Sendable {
    public var latitude: Double
    public var longitude: Double
    public var gain: Double

    /// Creates a candidate dot.
    public init(latitude: Double, longitude: Double, gain: Double) {
      self.latitude = latitude
      self.longitude = longitude
      self.gain = gain
    }
  }

  /// A labelled site: a chosen one (numbered by rank) or a radar of the base network.
  public struct Site: Sendable {
    public var label: String
    public var latitude: Double
    public var longitude: Double

    /// Creates a site.
    public init(label: String, latitude: Double, longitude: Double) {
      self.label = label
      self.latitude = latitude
      self.longitude = longitude
    }
  }

  /// Coverage of the base network, and what the chosen sites add to it: Okabe and Ito's sky blue and orange,
  /// apart from each other and from the candidates' purples under colour-vision deficiencies.
  public static let before = ColourClass(value: 1, red: 86, green: 180, blue: 233, label: "")
  public static let added = ColourClass(value: 2, red: 230, green: 159, blue: 0, label: "")
  static let regionOutline = RGBColour(200, 30, 120)
  static let border = RGBColour(40, 40, 40)
  static let chosenColour = RGBColour(213, 0, 0)
  static let baseColour = RGBColour(120, 120, 120)
  /// ColorBrewer's five-class Purples (sequential, colour-blind safe), lightest for the least gain.
  public static let gainRamp: [RGBColour] = [
    RGBColour(242, 240, 247), RGBColour(203, 201, 226), RGBColour(158, 154, 200), RGBColour(117, 107, 177),
    RGBColour(84, 39, 143),
  ]

  public var title: String
  public var subtitle: String
  /// Lines under the legend (the plan's totals, what the coverage covers).
  public var notes: [String]
  /// The grid drawn (a window of the plan's DEM) and its terrain.
  public var georeference: RasterGeoreference
  public var elevation: [Float]
  /// Per cell: 0 nothing, 1 covered by the base network, 2 covered only with the chosen sites.
  public var classes: [UInt8]
  /// Legend text of classes 1 and 2.
  public var beforeLabel: String
  public var addedLabel: String
  /// The plan's regions as cell masks on `georeference`'s grid, outlined along their cell edges.
  public var regions: [[Bool]]
  public var candidates: [Candidate]
  /// The chosen sites in rank order, their labels already numbered.
  public var chosen: [Site]
  /// The base network's radars (drawn unlabelled).
  public var baseRadars: [Site]
  /// A borders file outlined for context, if the network has one.
  public var bordersFile: String?
  public var earthRadius: Double
  public var coarseTerrain: Bool

  /// Creates the map.
  public init(
    title: String, subtitle: String, notes: [String], georeference: RasterGeoreference, elevation: [Float],
    classes: [UInt8], beforeLabel: String, addedLabel: String, regions: [[Bool]], candidates: [Candidate],
    chosen: [Site], baseRadars: [Site], bordersFile: String?, earthRadius: Double, coarseTerrain: Bool
  ) {
    self.title = title
    self.subtitle = subtitle
    self.notes = notes
    self.georeference = georeference
    self.elevation = elevation
    self.classes = classes
    self.beforeLabel = beforeLabel
    self.addedLabel = addedLabel
    self.regions = regions
    self.candidates = candidates
    self.chosen = chosen
    self.baseRadars = baseRadars
    self.bordersFile = bordersFile
    self.earthRadius = earthRadius
    self.coarseTerrain = coarseTerrain
  }

  /// The upper bounds of the gain classes, km²: five equal steps up to the largest gain.
  public var gainBounds: [Double] {
    let top = max(candidates.map(\.gain).max() ?? 0, 1e-9)
    return (1...5).map { top * Double($0) / 5 }
  }

  /// The ramp colour of a gain.
  public func gainColour(_ gain: Double) -> RGBColour {
    Self.gainRamp[gainBounds.firstIndex { gain <= $0 } ?? Self.gainRamp.count - 1]
  }

  /// Composes the map and writes it to PNG (and world file) through GDAL; returns the composer's layout.
  @discardableResult
  public func write(to path: String) throws -> MapLayout {
    guard georeference.isGeographic else {
      throw StudyError("the plan map needs a geographic DEM (its positions are WGS 84 degrees)")
    }
    let background = try QuickLookRenderer.background(
      elevation: elevation, classes: classes, palette: [Self.before, Self.added], georeference: georeference)
    let fine = background.georeference
    let frame = MapFrame(fine, earthRadius: earthRadius)
    let canvas = MapCanvas(
      width: fine.width, height: fine.height, red: background.red, green: background.green, blue: background.blue)
    let unit = min(3, max(0.75, Double(frame.width) / 1_200))
    var legend = [
      LegendEntry(.swatch(CoverageMapStyle.drawnColour(of: Self.before)), beforeLabel),
      LegendEntry(.swatch(CoverageMapStyle.drawnColour(of: Self.added)), addedLabel),
    ]
    if let bordersFile {
      canvas.blend(
        mask: try VectorFeatures.outlineMask(path: bordersFile, georeference: fine), Self.border, opacity: 0.9)
      legend.append(LegendEntry(.line(Self.border, dashed: false), "borders"))
    }
    let scale = Double(fine.width) / Double(georeference.width)
    for segment in regions.flatMap(outline) {
      canvas.polyline(
        [(segment.0.x * scale, segment.0.y * scale), (segment.1.x * scale, segment.1.y * scale)],
        Self.regionOutline, lineWidth: 2 * unit)
    }
    legend.append(LegendEntry(.line(Self.regionOutline, dashed: false), "plan regions"))
    for candidate in candidates.sorted(by: { $0.gain < $1.gain }) {
      let pixel = frame.pixel(x: candidate.longitude, y: candidate.latitude)
      canvas.marker(.circle, x: pixel.x, y: pixel.y, size: 8 * unit, gainColour(candidate.gain))
    }
    var lower = 0.0
    for (bound, colour) in zip(gainBounds, Self.gainRamp) {
      legend.append(
        LegendEntry(
          .marker(.circle, colour),
          "candidate, own gain \(Int(lower.rounded()))–\(Int(bound.rounded())) km²"))
      lower = bound
    }
    if !baseRadars.isEmpty { legend.append(LegendEntry(.marker(.square, Self.baseColour), "base network radar")) }
    legend.append(LegendEntry(.marker(.triangle, Self.chosenColour), "chosen site, by rank"))
    let onMap = { (site: Site) in
      let pixel = frame.pixel(x: site.longitude, y: site.latitude)
      return pixel.x >= 0 && pixel.y >= 0 && pixel.x < Double(frame.width) && pixel.y < Double(frame.height)
    }
    let points =
      baseRadars.filter(onMap).map { site in
        let pixel = frame.pixel(x: site.longitude, y: site.latitude)
        return MapComposer.Point(x: pixel.x, y: pixel.y, symbol: .square, colour: Self.baseColour, label: "")
      }
      + chosen.map { site in
        let pixel = frame.pixel(x: site.longitude, y: site.latitude)
        return MapComposer.Point(
          x: pixel.x, y: pixel.y, symbol: .triangle, colour: Self.chosenColour, label: site.label)
      }
    let composer = MapComposer(
      frame: frame, title: title, subtitle: subtitle, legend: legend, notes: notes, coarseTerrain: coarseTerrain,
      points: points)
    let layout = composer.compose(on: canvas)
    let planes = canvas.planes()
    try PNGWriter.write(red: planes.red, green: planes.green, blue: planes.blue, georeference: fine, to: path)
    return layout
  }

  /// The edges between a mask's cells and the cells outside it, in grid units (x right, y down), runs along a row
  /// or column merged into one segment.
  func outline(_ mask: [Bool]) -> [((x: Double, y: Double), (x: Double, y: Double))] {
    let width = georeference.width
    let height = georeference.height
    let inside = { (row: Int, column: Int) in
      row >= 0 && row < height && column >= 0 && column < width && mask[row * width + column]
    }
    var segments: [((x: Double, y: Double), (x: Double, y: Double))] = []
    for row in 0...height {
      var start: Int?
      for column in 0...width {
        let edge = column < width && inside(row - 1, column) != inside(row, column)
        if edge, start == nil { start = column }
        if !edge, let first = start {
          segments.append(((Double(first), Double(row)), (Double(column), Double(row))))
          start = nil
        }
      }
    }
    for column in 0...width {
      var start: Int?
      for row in 0...height {
        let edge = row < height && inside(row, column - 1) != inside(row, column)
        if edge, start == nil { start = row }
        if !edge, let first = start {
          segments.append(((Double(column), Double(first)), (Double(column), Double(row))))
          start = nil
        }
      }
    }
    return segments
  }
}
