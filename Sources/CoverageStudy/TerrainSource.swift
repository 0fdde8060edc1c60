import CoverageKernel
import GeoRaster

/// A DEM opened through GDAL, handing out just the windows that radars' ranges need.
public struct TerrainSource {
  /// The opened raster.
  public let dataset: RasterDataset
  /// Its grid.
  public let geometry: GridGeometry
  private let crs: SpatialReference?

  /// Opens the DEM at `path`; throws one line when it is missing or unreadable.
  public init(path: String) throws {
    dataset = try RasterDataset(path: path)
    let reference = dataset.georeference
    geometry = GridGeometry(
      coordinateSystem: reference.isGeographic ? .geographic : .projected, originX: reference.originX,
      originY: reference.originY, cellWidth: reference.cellWidth, cellHeight: reference.cellHeight,
      width: reference.width, height: reference.height)
    crs = reference.isGeographic ? nil : SpatialReference(wkt: reference.crsWKT)
  }

  /// A longitude/latitude in the DEM's coordinate system.
  public func position(latitude: Double, longitude: Double) throws -> MapPoint {
    guard let crs else { return MapPoint(x: longitude, y: latitude) }
    let point = try SpatialReference.wgs84().transform([(longitude, latitude)], to: crs)
    return MapPoint(x: point[0].x, y: point[0].y)
  }

  /// A position in the DEM's coordinate system as longitude/latitude.
  public func longitudeLatitude(of point: MapPoint) throws -> (longitude: Double, latitude: Double) {
    guard let crs else { return (point.x, point.y) }
    let result = try crs.transform([(point.x, point.y)], to: SpatialReference.wgs84())
    return (result[0].x, result[0].y)
  }

  /// Reads the terrain in `window`.
  public func read(_ window: GridWindow) throws -> ElevationGrid {
    let values = try dataset.read(column: window.column, row: window.row, width: window.width, height: window.height)
    return ElevationGrid(geometry: geometry.subgrid(window), heights: values)
  }

  /// The georeference of `window` (for writing outputs on the DEM's grid).
  public func georeference(of window: GridWindow) -> RasterGeoreference {
    let sub = geometry.subgrid(window)
    return RasterGeoreference(
      originX: sub.originX, originY: sub.originY, cellWidth: sub.cellWidth, cellHeight: sub.cellHeight,
      width: sub.width, height: sub.height, crsWKT: dataset.georeference.crsWKT,
      isGeographic: dataset.georeference.isGeographic)
  }
}
