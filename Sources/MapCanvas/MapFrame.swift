import Foundation

/// Where a map's pixels lie on the Earth: the grid of the image (north-up, square or rectangular cells) in a
/// geographic (degrees) or projected (metres) CRS, for placing points and sizing the scale bar.
public struct MapFrame: Sendable, Equatable {
  public var width: Int
  public var height: Int
  /// The top-left corner of the top-left pixel, in the CRS's units.
  public var originX: Double
  public var originY: Double
  /// One pixel's size in the CRS's units (both positive).
  public var pixelWidth: Double
  public var pixelHeight: Double
  /// Degrees of longitude and latitude (true) or metres (false).
  public var isGeographic: Bool
  /// The Earth radius distances are measured on, metres.
  public var earthRadius: Double

  /// Creates a frame.
  public init(
    width: Int, height: Int, originX: Double, originY: Double, pixelWidth: Double, pixelHeight: Double,
    isGeographic: Bool, earthRadius: Double
  ) {
    self.width = width
    self.height = height
    self.originX = originX
    self.originY = originY
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
    self.isGeographic = isGeographic
    self.earthRadius = earthRadius
  }

  /// The pixel position (fractional, x right, y down) of a point in the CRS.
  public func pixel(x: Double, y: Double) -> (x: Double, y: Double) {
    ((x - originX) / pixelWidth, (originY - y) / pixelHeight)
  }

  /// The latitude of the map's middle row, degrees (geographic frames only).
  public var centreLatitude: Double? { isGeographic ? originY - Double(height) * pixelHeight / 2 : nil }

  /// Ground metres per pixel along a row: on geographic frames at the middle row's latitude (the scale bar holds
  /// there), on projected frames the cell size.
  public var metresPerPixel: Double {
    guard let latitude = centreLatitude else { return pixelWidth }
    return pixelWidth * .pi / 180 * earthRadius * cos(latitude * .pi / 180)
  }

  /// `metres` on the ground as pixels along a row (see `metresPerPixel`).
  public func pixels(metres: Double) -> Double { metres / metresPerPixel }
}
