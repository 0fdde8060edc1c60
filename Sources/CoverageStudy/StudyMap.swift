import CoverageKernel
import Foundation
import GeoRaster
import MapCanvas
import RadarModels

/// One coverage map: hillshaded terrain, the coverage at the map altitude coloured (real time, voice relay only),
/// borders, radar sites labelled, a title, a legend and a scale bar; written to PNG through GDAL.
struct StudyMap {
  /// A radar on the map: where it is (map coordinates) and how to draw it.
  struct Site {
    var position: MapPoint
    var placement: RadarPlacement
  }

  var title: String
  var subtitle: String
  var notes: [String]
  var georeference: RasterGeoreference
  var elevation: [Float]
  /// Per cell: 0 not covered, 1 covered in real time, 2 covered only through the voice relay.
  var classes: [UInt8]
  var bordersFile: String?
  var sites: [Site]
  var earthRadius: Double

  func write(to path: String) throws {
    let (fineElevation, fineClasses, fine) = try QuickLookRenderer.upsampled(
      elevation: elevation, classes: classes, georeference: georeference)
    var image = RGBImage(
      width: fine.width, height: fine.height,
      grey: try QuickLookRenderer.hillshade(elevation: fineElevation, georeference: fine))
    for index in fineClasses.indices where fineClasses[index] != 0 {
      image.blend(fineClasses[index] == 1 ? OperatorStyle.realTime : OperatorStyle.relayOnly, at: index, opacity: 0.55)
    }
    if let bordersFile {
      let outline = try VectorFeatures.outlineMask(path: bordersFile, georeference: fine)
      for index in outline.indices where outline[index] != 0 {
        image.blend(OperatorStyle.border, at: index, opacity: 0.9)
      }
    }
    let scale = max(1, min(3, fine.width / 700))
    drawSites(on: &image, grid: fine, scale: scale)
    drawTitle(on: &image, scale: scale)
    drawLegend(on: &image, scale: scale)
    drawScaleBar(on: &image, grid: fine, scale: scale)
    try PNGWriter.write(red: image.red, green: image.green, blue: image.blue, georeference: fine, to: path)
  }

  private func pixel(of point: MapPoint, grid: RasterGeoreference) -> (Int, Int) {
    (Int((point.x - grid.originX) / grid.cellWidth), Int((grid.originY - point.y) / grid.cellHeight))
  }

  private func drawSites(on image: inout RGBImage, grid: RasterGeoreference, scale: Int) {
    // Radars sharing a location get one label: the words their names share, or the single name.
    var groups: [String: [Site]] = [:]
    var order: [String] = []
    for site in sites {
      let key = String(format: "%.4f,%.4f", site.position.x, site.position.y)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(site)
    }
    for key in order {
      let group = groups[key]!
      let (x, y) = pixel(of: group[0].position, grid: grid)
      for (offset, site) in group.enumerated() {
        image.marker(
          x: x + offset * 5 * scale, y: y, size: 5 * scale, OperatorStyle.colour(for: site.placement),
          triangle: site.placement.type.role == .primary)
      }
      let label = Self.sharedLabel(group.map(\.placement.name))
      image.text(
        label, x: x + 6 * scale + group.count * 5 * scale, y: y - 3 * scale, scale: scale, .black, halo: .white)
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

  private func drawTitle(on image: inout RGBImage, scale: Int) {
    let lineHeight = RGBImage.textHeight(scale: scale) + 4 * scale
    let width = ([title, subtitle].map { RGBImage.textWidth($0, scale: scale) }.max() ?? 0) + 8 * scale
    image.fill(x: 0, y: 0, width: min(width, image.width), height: 2 * lineHeight + 6 * scale, .white, opacity: 0.8)
    image.text(title, x: 4 * scale, y: 4 * scale, scale: scale, .black)
    image.text(subtitle, x: 4 * scale, y: 4 * scale + lineHeight, scale: scale, RGBColour(60, 60, 60))
  }

  private func drawLegend(on image: inout RGBImage, scale: Int) {
    let small = scale
    let lineHeight = RGBImage.textHeight(scale: small) + 5 * small
    let swatch = 8 * small
    var entries: [(RGBColour?, Bool?, String)] = [
      (OperatorStyle.realTime, nil, "covered, real-time picture"),
      (OperatorStyle.relayOnly, nil, "covered only via voice relay"),
    ]
    var seen = Set<String>()
    for site in sites {
      let role = site.placement.type.role
      let key = "\(site.placement.operator)-\(role)-\(site.placement.notional)"
      guard seen.insert(key).inserted else { continue }
      let label = "\(site.placement.operator) \(role.rawValue)\(site.placement.notional ? " (notional)" : "")"
      entries.append((OperatorStyle.colour(for: site.placement), role == .primary, label))
    }
    let lines = entries.count + notes.count
    let width =
      (entries.map { RGBImage.textWidth($0.2, scale: small) } + notes.map { RGBImage.textWidth($0, scale: small) })
      .max()! + swatch + 12 * small
    let height = lines * lineHeight + 6 * small
    let top = image.height - height - 4 * scale
    image.fill(x: 4 * scale, y: top, width: width, height: height, .white, opacity: 0.85)
    image.frame(x: 4 * scale, y: top, width: width, height: height, .black)
    var y = top + 4 * small
    let x = 4 * scale + 4 * small
    for (colour, triangle, label) in entries {
      if let triangle, let colour {
        image.marker(x: x + swatch / 2, y: y + swatch / 2, size: swatch - 2, colour, triangle: triangle)
      } else if let colour {
        image.fill(x: x, y: y, width: swatch, height: swatch, colour, opacity: 0.75)
      }
      image.text(label, x: x + swatch + 4 * small, y: y, scale: small, .black)
      y += lineHeight
    }
    for note in notes {
      image.text(note, x: x, y: y, scale: small, RGBColour(60, 60, 60))
      y += lineHeight
    }
  }

  private func drawScaleBar(on image: inout RGBImage, grid: RasterGeoreference, scale: Int) {
    let centreY = grid.originY - Double(grid.height) * grid.cellHeight / 2
    let metresPerPixel =
      grid.isGeographic ? grid.cellWidth * .pi / 180 * earthRadius * cos(centreY * .pi / 180) : grid.cellWidth
    let target = Double(image.width) * 0.2 * metresPerPixel / 1_000
    let length = [10.0, 20, 50, 100, 200, 300, 500, 1_000].last { $0 <= target } ?? 10
    let pixels = Int(length * 1_000 / metresPerPixel)
    let right = image.width - 10 * scale
    let bottom = image.height - 10 * scale
    image.fill(
      x: right - pixels - 6 * scale, y: bottom - 20 * scale, width: pixels + 12 * scale, height: 26 * scale, .white,
      opacity: 0.8)
    image.fill(x: right - pixels, y: bottom - 4 * scale, width: pixels, height: 3 * scale, .black)
    image.fill(x: right - pixels, y: bottom - 8 * scale, width: 2 * scale, height: 7 * scale, .black)
    image.fill(x: right - 2 * scale, y: bottom - 8 * scale, width: 2 * scale, height: 7 * scale, .black)
    let label = "\(Int(length)) km"
    image.text(
      label, x: right - pixels / 2 - RGBImage.textWidth(label, scale: scale) / 2, y: bottom - 18 * scale,
      scale: scale, .black)
    image.text(
      "N ^", x: right - RGBImage.textWidth("N ^", scale: scale), y: 50 * scale, scale: scale, .black,
      halo: .white)
  }
}
