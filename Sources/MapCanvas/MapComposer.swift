import Foundation

/// The one composer of every AirPicture map: over a canvas that already holds the map's picture (terrain and
/// overlays), it draws the labelled points, a title, a legend (with notes, and a warning when the terrain is the
/// coarse fallback DEM), a scale bar that says the latitude it holds at, and a north arrow; labels never collide
/// with each other, with points or with the furniture.
public struct MapComposer {
  /// A labelled point (a radar site, a base, an origin).
  public struct Point: Sendable {
    /// Pixel position (x right, y down).
    public var x: Double
    public var y: Double
    public var symbol: MapSymbol
    public var colour: RGBColour
    /// The label; empty for none.
    public var label: String

    /// Creates a point.
    public init(x: Double, y: Double, symbol: MapSymbol, colour: RGBColour, label: String) {
      self.x = x
      self.y = y
      self.symbol = symbol
      self.colour = colour
      self.label = label
    }
  }

  /// The note a map carries when its terrain is the embedded coarse DEM that AirPicture falls back to.
  public static let coarseTerrainNote =
    "Terrain: the coarse fallback DEM (1/12°, about 9 km cells): it shows the tool working, not real masking"

  public var frame: MapFrame
  public var title: String
  public var subtitle: String
  public var legend: [LegendEntry]
  public var notes: [String]
  /// Whether the terrain is the coarse fallback DEM (adds `coarseTerrainNote`, in the warning colour).
  public var coarseTerrain: Bool
  public var points: [Point]

  /// Creates a composition.
  public init(
    frame: MapFrame, title: String, subtitle: String = "", legend: [LegendEntry], notes: [String] = [],
    coarseTerrain: Bool = false, points: [Point] = []
  ) {
    self.frame = frame
    self.title = title
    self.subtitle = subtitle
    self.legend = legend
    self.notes = notes
    self.coarseTerrain = coarseTerrain
    self.points = points
  }

  /// Sizes in pixels scale with the map's width, from 1 at 1200 pixels (the quick-looks' minimum width).
  var unit: Double { min(3, max(0.75, Double(frame.width) / 1_200)) }
  var margin: Double { 10 * unit }
  var bodyFont: MapFont { MapFont(pixelSize: 14 * unit) }
  var titleFont: MapFont { MapFont(pixelSize: 20 * unit, bold: true) }
  var labelFont: MapFont { MapFont(pixelSize: 13 * unit, bold: true) }
  var markerSize: Double { 11 * unit }
  static let warning = RGBColour(170, 20, 20)
  static let panelOpacity = 0.85

  /// Draws the composition on `canvas` (whose size must be the frame's) and says where everything went.
  public func compose(on canvas: MapCanvas) -> MapLayout {
    precondition(canvas.width == frame.width && canvas.height == frame.height, "the canvas is the frame's size")
    let markers = points.map { canvas.marker($0.symbol, x: $0.x, y: $0.y, size: markerSize, $0.colour) }
    let title = drawTitle(on: canvas)
    let (legend, symbols, notes) = drawLegend(on: canvas)
    let north = drawNorthArrow(on: canvas, below: title)
    let scale = drawScaleBar(on: canvas)
    var obstacles = [title, legend, north, scale.panel] + markers
    var labels: [MapLayout.Label] = []
    var leftOff: [String] = []
    for point in points where !point.label.isEmpty {
      if let box = placeLabel(point.label, near: point, on: canvas, avoiding: obstacles) {
        canvas.text(
          point.label, x: box.x + 2, y: box.y + 2, font: labelFont, .black, halo: .white, haloWidth: 4)
        labels.append(MapLayout.Label(text: point.label, box: box))
        obstacles.append(box)
      } else {
        leftOff.append(point.label)
      }
    }
    return MapLayout(
      title: title, legend: legend, legendSymbols: symbols, notes: notes, northArrow: north, scaleBar: scale.bar,
      scaleBarMetres: scale.metres, scaleBarLabel: scale.label, labels: labels, labelsLeftOff: leftOff,
      scaleBarPanel: scale.panel)
  }

  /// The first free box around the point, nearest positions first (right, left, above, below, then the
  /// diagonals, then twice and three times as far), or nil when all are taken.
  func placeLabel(_ text: String, near point: Point, on canvas: MapCanvas, avoiding obstacles: [PixelBox])
    -> PixelBox?
  {
    let size = canvas.measure(text, font: labelFont).logical
    let width = size.width + 4
    let height = size.height + 4
    for distance in [1.0, 2, 3] {
      let gap = markerSize / 2 + 3 * unit * distance
      let candidates: [(Double, Double)] = [
        (point.x + gap, point.y - height / 2), (point.x - gap - width, point.y - height / 2),
        (point.x - width / 2, point.y - gap - height), (point.x - width / 2, point.y + gap),
        (point.x + gap, point.y - gap - height), (point.x + gap, point.y + gap),
        (point.x - gap - width, point.y - gap - height), (point.x - gap - width, point.y + gap),
      ]
      for (x, y) in candidates {
        let box = PixelBox(x: x.rounded(), y: y.rounded(), width: width, height: height)
        if box.fits(width: Double(frame.width), height: Double(frame.height))
          && !obstacles.contains(where: box.overlaps)
        {
          return box
        }
      }
    }
    return nil
  }

  private func panel(_ box: PixelBox, on canvas: MapCanvas) {
    canvas.fill(box, .white, opacity: Self.panelOpacity)
    canvas.stroke(box.inset(by: -0.5), RGBColour(90, 90, 90), lineWidth: 1)
  }

  private func drawTitle(on canvas: MapCanvas) -> PixelBox {
    let lines = [(title, titleFont), (subtitle, bodyFont)].filter { !$0.0.isEmpty }
    let extents = lines.map { canvas.measure($0.0, font: $0.1).logical }
    let width = min((extents.map(\.width).max() ?? 0) + 2 * margin, Double(frame.width) - 2 * margin)
    let height = extents.reduce(0) { $0 + $1.height } + 1.5 * margin
    let box = PixelBox(x: margin, y: margin, width: width.rounded(.up), height: height.rounded(.up))
    panel(box, on: canvas)
    var y = box.y + 0.75 * margin
    for ((text, font), extent) in zip(lines, extents) {
      canvas.text(text, x: box.x + margin, y: y, font: font, .black)
      y += extent.height
    }
    return box
  }

  private func drawLegend(on canvas: MapCanvas) -> (
    PixelBox, [(symbol: LegendSymbol, box: PixelBox)], [(text: String, box: PixelBox)]
  ) {
    let noteFont = MapFont(pixelSize: 12 * unit)
    let allNotes = notes.map { ($0, false) } + (coarseTerrain ? [(Self.coarseTerrainNote, true)] : [])
    let entryHeight = max(canvas.measure("Ág", font: bodyFont).logical.height, 16 * unit) + 4 * unit
    let noteHeight = canvas.measure("Ág", font: noteFont).logical.height + 2 * unit
    let swatch = 16 * unit
    let entryWidths = legend.map { canvas.measure($0.label, font: bodyFont).logical.width + swatch + 8 * unit }
    let noteWidths = allNotes.map {
      canvas.measure($0.0, font: MapFont(pixelSize: 12 * unit, bold: $0.1)).logical.width
    }
    let maxWidth = Double(frame.width) * 0.6
    let width = min((entryWidths + noteWidths).max() ?? 0, maxWidth) + 2 * margin
    let height =
      Double(legend.count) * entryHeight + Double(allNotes.count) * noteHeight + 2 * margin
      + (allNotes.isEmpty ? 0 : 4 * unit)
    let box = PixelBox(
      x: margin, y: (Double(frame.height) - margin - height).rounded(.down), width: width.rounded(.up),
      height: height.rounded(.up))
    panel(box, on: canvas)
    var symbols: [(symbol: LegendSymbol, box: PixelBox)] = []
    var y = box.y + margin
    for entry in legend {
      let symbolBox = PixelBox(
        x: box.x + margin, y: (y + (entryHeight - swatch) / 2).rounded(), width: swatch, height: swatch)
      switch entry.symbol {
      case .swatch(let colour):
        canvas.fill(symbolBox, colour)
        canvas.stroke(symbolBox.inset(by: -0.5), RGBColour(60, 60, 60))
      case .marker(let symbol, let colour):
        canvas.marker(
          symbol, x: symbolBox.x + swatch / 2, y: symbolBox.y + swatch / 2, size: swatch * 0.75, colour)
      case .line(let colour, let dashed):
        canvas.polyline(
          [(symbolBox.x, symbolBox.y + swatch / 2), (symbolBox.maxX, symbolBox.y + swatch / 2)], colour,
          lineWidth: 2.5 * unit, dash: dashed ? [4 * unit, 3 * unit] : [])
      }
      symbols.append((entry.symbol, symbolBox))
      let textHeight = canvas.measure(entry.label, font: bodyFont).logical.height
      canvas.text(
        entry.label, x: symbolBox.maxX + 8 * unit, y: y + (entryHeight - textHeight) / 2, font: bodyFont, .black)
      y += entryHeight
    }
    if !allNotes.isEmpty { y += 4 * unit }
    var noteBoxes: [(text: String, box: PixelBox)] = []
    for (note, isWarning) in allNotes {
      let font = MapFont(pixelSize: 12 * unit, bold: isWarning)
      let extent = canvas.text(
        note, x: box.x + margin, y: y, font: font, isWarning ? Self.warning : RGBColour(50, 50, 50))
      noteBoxes.append((note, extent.logical))
      y += noteHeight
    }
    return (box, symbols, noteBoxes)
  }

  private func drawNorthArrow(on canvas: MapCanvas, below title: PixelBox) -> PixelBox {
    let font = MapFont(pixelSize: 16 * unit, bold: true)
    let letter = canvas.measure("N", font: font).logical
    let arrowWidth = 18 * unit
    let arrowHeight = 30 * unit
    let width = max(arrowWidth, letter.width) + margin
    let box = PixelBox(
      x: (Double(frame.width) - margin - width).rounded(), y: margin, width: width.rounded(.up),
      height: (letter.height + arrowHeight + margin).rounded(.up))
    panel(box, on: canvas)
    let centre = box.x + box.width / 2
    canvas.text("N", x: centre - letter.width / 2, y: box.y + margin / 4, font: font, .black)
    let top = box.y + margin / 4 + letter.height
    canvas.polygon(
      [(centre, top), (centre + arrowWidth / 2, top + arrowHeight), (centre, top + arrowHeight * 0.7)], .black)
    canvas.polygon(
      [(centre, top), (centre - arrowWidth / 2, top + arrowHeight), (centre, top + arrowHeight * 0.7)],
      RGBColour(150, 150, 150))
    return box
  }

  /// Nice scale bar lengths, km.
  static let scaleLengthsKm: [Double] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000]

  private func drawScaleBar(on canvas: MapCanvas) -> (bar: PixelBox, panel: PixelBox, metres: Double, label: String) {
    let kilometres =
      Self.scaleLengthsKm.last { frame.pixels(metres: $0 * 1_000) <= Double(frame.width) * 0.2 } ?? 1
    let pixels = frame.pixels(metres: kilometres * 1_000).rounded()
    let label: String
    if let latitude = frame.centreLatitude {
      let hemisphere = latitude < 0 ? "S" : "N"
      label = "\(Int(kilometres)) km, true at \(String(format: "%.1f", abs(latitude)))° \(hemisphere)"
    } else {
      label = "\(Int(kilometres)) km (grid scale)"
    }
    let text = canvas.measure(label, font: bodyFont).logical
    let barHeight = (6 * unit).rounded()
    let width = max(pixels, text.width) + 2 * margin
    let height = text.height + barHeight + 2 * margin
    let panelBox = PixelBox(
      x: (Double(frame.width) - margin - width).rounded(), y: (Double(frame.height) - margin - height).rounded(),
      width: width.rounded(.up), height: height.rounded(.up))
    panel(panelBox, on: canvas)
    let bar = PixelBox(
      x: (panelBox.maxX - margin - pixels).rounded(), y: (panelBox.maxY - margin - barHeight).rounded(),
      width: pixels, height: barHeight)
    for segment in 0..<4 {
      let part = PixelBox(
        x: bar.x + Double(segment) * pixels / 4, y: bar.y, width: pixels / 4, height: barHeight)
      canvas.fill(part, segment % 2 == 0 ? .black : .white)
    }
    canvas.stroke(bar, .black, lineWidth: 1)
    canvas.text(label, x: panelBox.maxX - margin - text.width, y: panelBox.y + margin * 0.75, font: bodyFont, .black)
    return (bar, panelBox, kilometres * 1_000, label)
  }
}
