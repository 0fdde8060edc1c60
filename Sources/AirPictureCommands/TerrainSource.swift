import CoverageKernel
import GeoRaster

/// A DEM opened through GDAL, handing out just the windows that radars' ranges need.
struct TerrainSource {
  let dataset: RasterDataset
  let geometry: GridGeometry
  private let crs: SpatialReference?

  /// Opens the DEM at `path`; throws one line when it is missing or unreadable.
  init(path: String) throws {
    do {
      dataset = try RasterDataset(path: path)
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    }
    let reference = dataset.georeference
    geometry = GridGeometry(
      coordinateSystem: reference.isGeographic ? .geographic : .projected, originX: reference.originX,
      originY: reference.originY, cellWidth: reference.cellWidth, cellHeight: reference.cellHeight,
      width: reference.width, height: reference.height)
    crs = reference.isGeographic ? nil : SpatialReference(wkt: reference.crsWKT)
  }

  /// A longitude/latitude in the DEM's coordinate system.
  func position(latitude: Double, longitude: Double) throws -> MapPoint {
    guard let crs else { return MapPoint(x: longitude, y: latitude) }
    let point =
      try crs.isGeographic
      ? [(x: longitude, y: latitude)]
      : SpatialReference.wgs84().transform([(longitude, latitude)], to: crs)
    return MapPoint(x: point[0].x, y: point[0].y)
  }

  /// Reads the terrain in `window`.
  func read(_ window: GridWindow) throws -> ElevationGrid {
    let values = try dataset.read(column: window.column, row: window.row, width: window.width, height: window.height)
    return ElevationGrid(geometry: geometry.subgrid(window), heights: values)
  }

  /// The georeference of `window` (for writing outputs on the DEM's grid).
  func georeference(of window: GridWindow) -> RasterGeoreference {
    let sub = geometry.subgrid(window)
    return RasterGeoreference(
      originX: sub.originX, originY: sub.originY, cellWidth: sub.cellWidth, cellHeight: sub.cellHeight,
      width: sub.width, height: sub.height, crsWKT: dataset.georeference.crsWKT,
      isGeographic: dataset.georeference.isGeographic)
  }
}
