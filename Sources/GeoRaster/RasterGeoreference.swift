/// Where a raster lies: its north-up geotransform and coordinate reference system.
public struct RasterGeoreference: Sendable, Equatable {
  /// x of the western edge.
  public var originX: Double
  /// y of the northern edge.
  public var originY: Double
  /// Cell width (positive).
  public var cellWidth: Double
  /// Cell height (positive; rows run south).
  public var cellHeight: Double
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int
  /// The CRS as WKT.
  public var crsWKT: String
  /// Whether x/y are longitude/latitude in degrees.
  public var isGeographic: Bool

  /// Creates a georeference.
  public init(
    originX: Double, originY: Double, cellWidth: Double, cellHeight: Double, width: Int, height: Int,
    crsWKT: String, isGeographic: Bool
  ) {
    self.originX = originX
    self.originY = originY
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    self.width = width
    self.height = height
    self.crsWKT = crsWKT
    self.isGeographic = isGeographic
  }

  /// GDAL's six-number geotransform.
  public var geoTransform: [Double] { [originX, cellWidth, 0, originY, 0, -cellHeight] }
}
