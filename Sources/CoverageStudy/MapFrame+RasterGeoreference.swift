import GeoRaster
import MapCanvas

extension MapFrame {
  /// The frame of an image drawn on `georeference`'s grid, distances on a sphere of `earthRadius` metres.
  init(_ georeference: RasterGeoreference, earthRadius: Double) {
    self.init(
      width: georeference.width, height: georeference.height, originX: georeference.originX,
      originY: georeference.originY, pixelWidth: georeference.cellWidth, pixelHeight: georeference.cellHeight,
      isGeographic: georeference.isGeographic, earthRadius: earthRadius)
  }
}
