import CoverageKernel
import GeoRaster
import MapCanvas

/// The `coverage --png` map: the coverage classes over hillshaded terrain, the sites labelled, with the composer's
/// title, legend, scale bar and north arrow; written to PNG (and world file) through GDAL.
struct QuickLookMap {
  var title: String
  var elevation: [Float]
  /// Per cell, a `CoverageMapStyle` class (0 out of range).
  var classes: [UInt8]
  var georeference: RasterGeoreference
  /// Sites by name and map position.
  var sites: [(name: String, position: MapPoint)]
  var earthRadius: Double
  var coarseTerrain: Bool

  /// Composes the map and writes it; returns where the composer put its furniture.
  @discardableResult
  func write(to path: String) throws -> MapLayout {
    let background = try QuickLookRenderer.background(
      elevation: elevation, classes: classes, palette: CoverageMapStyle.classes, georeference: georeference)
    let fine = background.georeference
    let frame = MapFrame(fine, earthRadius: earthRadius)
    let canvas = MapCanvas(
      width: fine.width, height: fine.height, red: background.red, green: background.green, blue: background.blue)
    let radar = RGBColour(31, 90, 200)
    let composer = MapComposer(
      frame: frame, title: title, subtitle: "Lowest altitude above ground at which a target is seen",
      legend: CoverageMapStyle.legendEntries + [LegendEntry(.marker(.triangle, radar), "radar site")],
      coarseTerrain: coarseTerrain,
      points: sites.map { site in
        let pixel = frame.pixel(x: site.position.x, y: site.position.y)
        return MapComposer.Point(x: pixel.x, y: pixel.y, symbol: .triangle, colour: radar, label: site.name)
      })
    let layout = composer.compose(on: canvas)
    let planes = canvas.planes()
    try PNGWriter.write(red: planes.red, green: planes.green, blue: planes.blue, georeference: fine, to: path)
    return layout
  }
}
