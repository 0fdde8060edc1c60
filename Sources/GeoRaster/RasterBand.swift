/// One Float32 band to write: its values, row-major, and the description GIS tools show for it.
public struct RasterBand: Sendable {
  /// What the band holds, with its unit ("lowest visible altitude MSL (m)").
  public var description: String
  /// One value per cell; NaN is no-data.
  public var values: [Float]

  /// Creates a band.
  public init(description: String, values: [Float]) {
    self.description = description
    self.values = values
  }
}
