import CoverageStudy
import Foundation
import GeoRaster
import MapCanvas
import TestSupport
import Testing

/// A map composed from a synthetic scene, written through GDAL's PNG driver and read back, checked against the
/// layout the composer reports.
@Suite struct MapCompositionTests {
  static let frame = MapFrame(
    width: 1_200, height: 900, originX: -78, originY: -9, pixelWidth: 0.005, pixelHeight: 0.005,
    isGeographic: true, earthRadius: 6_371_008.8)

  /// A busy, colourful background (no pixel is grey), so grey pixels can only be text or halo.
  static func busyCanvas() -> MapCanvas {
    let count = frame.width * frame.height
    var red = [UInt8](repeating: 0, count: count)
    var green = red
    var blue = red
    for index in 0..<count {
      let x = index % frame.width
      let y = index / frame.width
      red[index] = UInt8(40 + (x * 7 + y * 3) % 160)
      green[index] = UInt8(210 - (x * 3 + y * 5) % 100)
      blue[index] = UInt8(60 + (x / 9 + y / 7) % 2 * 40)
    }
    return MapCanvas(width: frame.width, height: frame.height, red: red, green: green, blue: blue)
  }

  /// Sites: named ones apart, and a tight cluster whose labels must move to stay apart.
  static let points: [MapComposer.Point] =
    [
      MapComposer.Point(x: 400, y: 300, symbol: .triangle, colour: .white, label: "Tingo María"),
      MapComposer.Point(x: 700, y: 420, symbol: .square, colour: .white, label: "Pucallpa"),
    ]
    + (0..<6).map { index in
      MapComposer.Point(
        x: 600 + Double(index % 3) * 14, y: 600 + Double(index / 3) * 14, symbol: .circle, colour: .white,
        label: "Site \(index + 1)")
    }

  struct Rendered {
    var layout: MapLayout
    var width: Int
    var height: Int
    var red: [UInt8]
    var green: [UInt8]
    var blue: [UInt8]

    func pixel(_ x: Int, _ y: Int) -> RGBColour {
      let index = y * width + x
      return RGBColour(red[index], green[index], blue[index])
    }

    func pixels(in box: PixelBox) -> [RGBColour] {
      var found: [RGBColour] = []
      for y in max(0, Int(box.y))..<min(height, Int(box.maxY.rounded(.up))) {
        for x in max(0, Int(box.x))..<min(width, Int(box.maxX.rounded(.up))) { found.append(pixel(x, y)) }
      }
      return found
    }
  }

  static func render(coarseTerrain: Bool) throws -> Rendered {
    let canvas = busyCanvas()
    let composer = MapComposer(
      frame: frame, title: "Cobertura radar: Huánuco y Ucayali", subtitle: "synthetic scene",
      legend: CoverageMapStyle.legendEntries + [LegendEntry(.marker(.triangle, .white), "radar site")],
      notes: ["DEM: synthetic"], coarseTerrain: coarseTerrain, points: points)
    let layout = composer.compose(on: canvas)
    let planes = canvas.planes()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-maps-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("map.png").path
    let georeference = RasterGeoreference(
      originX: frame.originX, originY: frame.originY, cellWidth: frame.pixelWidth, cellHeight: frame.pixelHeight,
      width: frame.width, height: frame.height, crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
    try PNGWriter.write(red: planes.red, green: planes.green, blue: planes.blue, georeference: georeference, to: path)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("map.wld").path))
    let image = try PNGWriter.read(path)
    return Rendered(
      layout: layout, width: image.width, height: image.height, red: image.red, green: image.green, blue: image.blue)
  }

  @Test func thePNGHasTheFramesSize() throws {
    let map = try Self.render(coarseTerrain: false)
    #expect(map.width == Self.frame.width && map.height == Self.frame.height)
  }

  @Test func theLegendHoldsEveryClassColour() throws {
    let map = try Self.render(coarseTerrain: false)
    let inLegend = Set(map.pixels(in: map.layout.legend))
    let colours = CoverageMapStyle.classes.map(CoverageMapStyle.drawnColour(of:))
    #expect(colours.count == 6 && Set(colours).count == 6)
    #expect(colours.isNonEmptyAndAll { inLegend.contains($0) })
    // Each swatch sits where the layout says: its centre pixel is its colour.
    let swatches = map.layout.legendSymbols.compactMap { entry -> (RGBColour, PixelBox)? in
      if case .swatch(let colour) = entry.symbol { return (colour, entry.box) }
      return nil
    }
    #expect(
      swatches.isNonEmptyAndAll { colour, box in
        map.pixel(Int(box.x + box.width / 2), Int(box.y + box.height / 2)) == colour
      })
  }

  /// The legend's swatches are the colours the renderer gives each class over flat ground.
  @Test func legendSwatchesAreTheMapsColoursOverFlatGround() throws {
    let classes = CoverageMapStyle.classes
    let georeference = RasterGeoreference(
      originX: -75, originY: -10, cellWidth: 0.01, cellHeight: 0.01, width: classes.count, height: 1,
      crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
    let look = try QuickLookRenderer.background(
      elevation: [Float](repeating: 200, count: classes.count), classes: classes.map(\.value),
      palette: classes, georeference: georeference)
    let row = look.georeference.height / 2
    let perClass = look.georeference.width / classes.count
    #expect(
      classes.enumerated().isNonEmptyAndAll { number, colourClass in
        let index = row * look.georeference.width + number * perClass + perClass / 2
        return RGBColour(look.red[index], look.green[index], look.blue[index])
          == CoverageMapStyle.drawnColour(of: colourClass)
      })
  }

  @Test func labelsAreAntiAliasedTextOverAHalo() throws {
    let map = try Self.render(coarseTerrain: false)
    #expect(
      map.layout.labels.isNonEmptyAndAll { label in
        let pixels = map.pixels(in: label.box)
        let greys = pixels.filter { $0.red == $0.green && $0.green == $0.blue }
        let dark = greys.filter { $0.red < 40 }.count
        let intermediate = greys.filter { $0.red >= 40 && $0.red <= 215 }.count
        let halo = greys.filter { $0.red == 255 }.count
        return dark > 0 && intermediate > 0 && halo > 0
      })
  }

  @Test func labelsDoNotCollideWithEachOtherOrTheFurniture() throws {
    let map = try Self.render(coarseTerrain: false)
    let labels = map.layout.labels.map(\.box)
    // The cluster's six labels and the two others: most are placed, and none covers another or a panel.
    #expect(labels.count >= 6)
    let boxes = labels + map.layout.panels
    var pairs: [(PixelBox, PixelBox)] = []
    for first in boxes.indices {
      for second in boxes.indices where second > first { pairs.append((boxes[first], boxes[second])) }
    }
    #expect(pairs.isNonEmptyAndAll { !$0.0.overlaps($0.1) })
    #expect(labels.isNonEmptyAndAll { $0.fits(width: Double(map.width), height: Double(map.height)) })
  }

  @Test func theNorthArrowAndScaleBarAreWhereTheLayoutSays() throws {
    let map = try Self.render(coarseTerrain: false)
    let arrow = map.pixels(in: map.layout.northArrow)
    #expect(arrow.contains(.black) && arrow.contains(RGBColour(150, 150, 150)))
    #expect(map.layout.northArrow.maxX <= Double(map.width) && map.layout.northArrow.y < Double(map.height) / 4)
    let bar = map.layout.scaleBar
    let middle = Int(bar.y + bar.height / 2)
    let quarters = (0..<4).map { map.pixel(Int(bar.x + (Double($0) + 0.5) * bar.width / 4), middle) }
    #expect(quarters == [.black, .white, .black, .white])
    #expect(abs(bar.width - Self.frame.pixels(metres: map.layout.scaleBarMetres)) <= 1)
    // The bar holds at the map's middle latitude, which the label says: 9 + 900 × 0.005 / 2 = 11.25° S.
    #expect(map.layout.scaleBarLabel.contains("true at 11.2° S") || map.layout.scaleBarLabel.contains("11.3° S"))
    #expect(bar.width <= Double(map.width) * 0.2 && bar.width >= Double(map.width) * 0.05)
  }

  @Test func theCoarseTerrainNoteAppearsOnlyWhenAsked() throws {
    let coarse = try Self.render(coarseTerrain: true)
    let note = try #require(coarse.layout.notes.first { $0.text == MapComposer.coarseTerrainNote })
    #expect(coarse.pixels(in: note.box).contains { $0.red > 120 && $0.green < 60 && $0.blue < 60 })
    let fine = try Self.render(coarseTerrain: false)
    #expect(!fine.layout.notes.isEmpty && !fine.layout.notes.contains { $0.text == MapComposer.coarseTerrainNote })
  }

  @Test func accentedTextRendersWithinPangosExtent() throws {
    let font = MapFont(pixelSize: 24)
    func drawn(_ text: String) -> (TextExtent, PixelBox?, [UInt8]) {
      let canvas = MapCanvas(width: 300, height: 80)
      let extent = canvas.text(text, x: 20, y: 20, font: font, .black)
      let red = canvas.planes().red
      var box: (Int, Int, Int, Int)?
      for index in red.indices where red[index] < 255 {
        let x = index % 300
        let y = index / 300
        box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
      }
      return (
        extent,
        box.map {
          PixelBox(x: Double($0.0), y: Double($0.1), width: Double($0.2 - $0.0 + 1), height: Double($0.3 - $0.1 + 1))
        },
        red
      )
    }
    let (accented, inked, accentedPixels) = drawn("Tingo María")
    let (plain, _, plainPixels) = drawn("Tingo Maria")
    #expect(accented.unknownGlyphs == 0)
    let ink = try #require(inked)
    // The pixels ink touched are the box Pango reported, to a pixel.
    #expect(abs(ink.x - accented.ink.x) <= 1 && abs(ink.y - accented.ink.y) <= 1)
    #expect(abs(ink.maxX - accented.ink.maxX) <= 1 && abs(ink.maxY - accented.ink.maxY) <= 1)
    // The accent is drawn: the pictures differ, and the accented ink reaches at least as high.
    #expect(accentedPixels != plainPixels && accented.ink.y <= plain.ink.y)
    // Lowercase has its own glyphs: "maría" is not "MARÍA".
    #expect(drawn("maría").2 != drawn("MARÍA").2)
  }
}
