import CoverageStudy
import Foundation
import GeoRaster
import MapCanvas
import Testing

/// The plan map of a synthetic plan on flat ground: the before and added coverage, the region outline, the candidates'
/// gain colours and the chosen sites' labels are where the inputs put them, read back from the PNG through GDAL.
@Suite struct SitingPlanMapTests {
  static let earthRadius = 6_371_008.8

  @Test func theMapShowsCoverageOutlinesCandidatesAndEveryChosenLabel() throws {
    let (width, height) = (100, 80)
    let georeference = RasterGeoreference(
      originX: -75, originY: -11, cellWidth: 0.02, cellHeight: 0.02, width: width, height: height,
      crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
    // One region, columns 20..<80 and rows 10..<70; the base covers its left third, the chosen sites the middle.
    let region = (0..<(width * height)).map { cell in
      (20..<80).contains(cell % width) && (10..<70).contains(cell / width)
    }
    let classes = (0..<(width * height)).map { cell -> UInt8 in
      guard region[cell] else { return 0 }
      let column = cell % width
      return column < 40 ? 1 : column < 60 ? 2 : 0
    }
    func longitude(_ column: Double) -> Double { -75 + column * 0.02 }
    func latitude(_ row: Double) -> Double { -11 - row * 0.02 }
    let candidates = [
      SitingPlanMap.Candidate(latitude: latitude(20.5), longitude: longitude(65.5), gain: 10),
      SitingPlanMap.Candidate(latitude: latitude(50.5), longitude: longitude(70.5), gain: 500),
      SitingPlanMap.Candidate(latitude: latitude(30.5), longitude: longitude(50.5), gain: 300),
    ]
    // Three chosen sites close together: their labels must all find room without overlapping.
    let chosen = (0..<3).map { rank in
      SitingPlanMap.Site(
        label: "\(rank + 1) summit \(rank * 111)", latitude: latitude(40.5 + Double(rank)),
        longitude: longitude(50.5 + Double(rank)))
    }
    let map = SitingPlanMap(
      title: "test plan", subtitle: "synthetic", notes: ["coverage inside the region only"],
      georeference: georeference, elevation: [Float](repeating: 500, count: width * height), classes: classes,
      beforeLabel: "base", addedLabel: "added", regions: [region], candidates: candidates, chosen: chosen,
      baseRadars: [], bordersFile: nil, earthRadius: Self.earthRadius, coarseTerrain: false)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-planmap-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("plan-map.png").path
    let layout = try map.write(to: path)

    #expect(layout.labelsLeftOff.isEmpty, "\(layout.labelsLeftOff)")
    #expect(Set(layout.labels.map(\.text)) == Set(chosen.map(\.label)))
    for (first, a) in layout.labels.enumerated() {
      for b in layout.labels[(first + 1)...] { #expect(!a.box.overlaps(b.box), "\(a.text) overlaps \(b.text)") }
    }

    let image = try PNGWriter.read(path)
    let scale = Double(image.width) / Double(width)
    func colour(column: Double, row: Double) -> RGBColour {
      let index = Int(row * scale) * image.width + Int(column * scale)
      return RGBColour(image.red[index], image.green[index], image.blue[index])
    }
    func close(_ a: RGBColour, _ b: RGBColour, within tolerance: Int = 6) -> Bool {
      abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
        && abs(Int(a.blue) - Int(b.blue)) <= tolerance
    }
    // Flat ground: the hillshade's flat grey under the classes, so each class shows its legend swatch's colour.
    let before = CoverageMapStyle.drawnColour(of: SitingPlanMap.before)
    let added = CoverageMapStyle.drawnColour(of: SitingPlanMap.added)
    #expect(close(colour(column: 30.5, row: 60.5), before), "\(colour(column: 30.5, row: 60.5))")
    #expect(close(colour(column: 55.5, row: 62.5), added), "\(colour(column: 55.5, row: 62.5))")
    let grey = CoverageMapStyle.flatGroundGrey
    #expect(close(colour(column: 70.5, row: 62.5), RGBColour(grey, grey, grey)))
    // The outline runs along the region's left edge (column 20), not through its inside.
    #expect(
      close(colour(column: 20, row: 40.5), RGBColour(200, 30, 120), within: 40), "\(colour(column: 20, row: 40.5))")
    #expect(!close(colour(column: 25.5, row: 40.5), RGBColour(200, 30, 120), within: 40))
    // The candidates carry the ramp's ends: the least gain the lightest, the most the darkest.
    #expect(close(colour(column: 65.5, row: 20.5), SitingPlanMap.gainRamp[0], within: 2))
    #expect(close(colour(column: 70.5, row: 50.5), SitingPlanMap.gainRamp[4], within: 2))
  }
}
