import CoverageKernel
import GeoRaster

/// The kernel's grid and GDAL's georeference describe the same thing from the two sides of the I/O edge.
extension GridGeometry {
  /// The grid of a georeferenced raster.
  public init(_ georeference: RasterGeoreference) {
    self.init(
      coordinateSystem: georeference.isGeographic ? .geographic : .projected, originX: georeference.originX,
      originY: georeference.originY, cellWidth: georeference.cellWidth, cellHeight: georeference.cellHeight,
      width: georeference.width, height: georeference.height)
  }
}

extension RasterGeoreference {
  /// The georeference of a grid in the coordinate reference system `crsWKT`.
  public init(_ geometry: GridGeometry, crsWKT: String) {
    self.init(
      originX: geometry.originX, originY: geometry.originY, cellWidth: geometry.cellWidth,
      cellHeight: geometry.cellHeight, width: geometry.width, height: geometry.height, crsWKT: crsWKT,
      isGeographic: geometry.coordinateSystem == .geographic)
  }
}
