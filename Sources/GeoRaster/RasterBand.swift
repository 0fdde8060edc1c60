/// One Float32 band to write: its values, row-major, and what GIS tools show for it.
public struct RasterBand: Sendable {
  /// What the band holds, with its unit ("lowest visible altitude MSL (m)").
  public var description: String
  /// One value per cell; NaN is no-data.
  public var values: [Float]
  /// The unit of the values as GDAL's band unit type ("m"); empty for none (an index, a flag).
  public var unit: String
  /// Names of the integer values 0, 1, 2...: written as GDAL category names and as a raster attribute table
  /// (value, name) that QGIS shows; empty for a band of quantities.
  public var categoryNames: [String]

  /// Creates a band.
  public init(description: String, values: [Float], unit: String = "", categoryNames: [String] = []) {
    self.description = description
    self.values = values
    self.unit = unit
    self.categoryNames = categoryNames
  }
}
