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
    geometry = GridGeometry(reference)
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
    RasterGeoreference(geometry.subgrid(window), crsWKT: dataset.georeference.crsWKT)
  }
}
