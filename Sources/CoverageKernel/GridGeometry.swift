import Foundation

/// Where a north-up raster's cells lie: its coordinate system, the corner of its first cell and its cell size.
///
/// Cell (row, column) covers x in `originX + column·cellWidth ..< originX + (column+1)·cellWidth` and y in
/// `originY − (row+1)·cellHeight ..< originY − row·cellHeight`, as GDAL's geotransform says; a cell's value is
/// taken at its centre.
public struct GridGeometry: Sendable, Equatable {
  /// How the grid's x and y are measured.
  public enum CoordinateSystem: Sendable, Equatable {
    /// Longitude and latitude in degrees (EPSG:4326 and friends); distances follow great circles.
    case geographic
    /// Easting and northing in metres of a conformal projection (UTM, say); distances are planar.
    case projected
  }

  /// Geographic or projected.
  public var coordinateSystem: CoordinateSystem
  /// x of the western edge of column 0.
  public var originX: Double
  /// y of the northern edge of row 0.
  public var originY: Double
  /// Cell width in degrees or metres (positive).
  public var cellWidth: Double
  /// Cell height in degrees or metres (positive; rows run south).
  public var cellHeight: Double
  /// Number of columns.
  public var width: Int
  /// Number of rows.
  public var height: Int

  /// Creates a geometry; cell sizes must be positive.
  public init(
    coordinateSystem: CoordinateSystem, originX: Double, originY: Double, cellWidth: Double, cellHeight: Double,
    width: Int, height: Int
  ) {
    self.coordinateSystem = coordinateSystem
    self.originX = originX
    self.originY = originY
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    self.width = width
    self.height = height
  }

  /// The x of a (fractional) column's centre.
  @inlinable public func x(ofColumn column: Double) -> Double { originX + (column + 0.5) * cellWidth }
  /// The y of a (fractional) row's centre.
  @inlinable public func y(ofRow row: Double) -> Double { originY - (row + 0.5) * cellHeight }
  /// The fractional column whose centre lies at `x`.
  @inlinable public func column(ofX x: Double) -> Double { (x - originX) / cellWidth - 0.5 }
  /// The fractional row whose centre lies at `y`.
  @inlinable public func row(ofY y: Double) -> Double { (originY - y) / cellHeight - 0.5 }

  /// Whether `point` lies inside the grid's outer edges.
  public func contains(_ point: MapPoint) -> Bool {
    point.x >= originX && point.x <= originX + Double(width) * cellWidth && point.y <= originY
      && point.y >= originY - Double(height) * cellHeight
  }

  /// Cell width and height in metres near `y` (for geographic grids, on a sphere of `earthRadius`).
  public func cellSizeInMetres(nearY y: Double, earthRadius: Double) -> (width: Double, height: Double) {
    switch coordinateSystem {
    case .projected:
      return (cellWidth, cellHeight)
    case .geographic:
      let metresPerDegree = earthRadius * .pi / 180
      return (cellWidth * metresPerDegree * cos(y * .pi / 180), cellHeight * metresPerDegree)
    }
  }

  /// The window of cells within `radius` metres of `centre`, with `margin` extra cells on each side,
  /// clipped to the grid; nil when nothing of the grid is that close.
  public func window(around centre: MapPoint, radius: Double, earthRadius: Double, margin: Int = 2) -> GridWindow? {
    let halfWidth: Double
    let halfHeight: Double
    switch coordinateSystem {
    case .projected:
      halfWidth = radius
      halfHeight = radius
    case .geographic:
      let angle = radius / earthRadius * 180 / .pi
      let poleward = min(abs(centre.y) + angle, 89.9)
      halfHeight = angle
      halfWidth = min(angle / cos(poleward * .pi / 180), 180)
    }
    // Clip in floating point first: extreme cell sizes or radii must not overflow the integer conversion.
    func index(_ value: Double, _ limit: Int) -> Int? {
      guard !value.isNaN else { return nil }
      return Int(min(max(value, -1), Double(limit) + 1))
    }
    let marginCells = Double(margin)
    guard
      let left = index((column(ofX: centre.x - halfWidth)).rounded(.down) - marginCells, width),
      let right = index((column(ofX: centre.x + halfWidth)).rounded(.up) + marginCells, width),
      let top = index((row(ofY: centre.y + halfHeight)).rounded(.down) - marginCells, height),
      let bottom = index((row(ofY: centre.y - halfHeight)).rounded(.up) + marginCells, height)
    else { return nil }
    let clippedLeft = max(left, 0)
    let clippedTop = max(top, 0)
    let clippedRight = min(right, width - 1)
    let clippedBottom = min(bottom, height - 1)
    guard clippedLeft <= clippedRight, clippedTop <= clippedBottom else { return nil }
    return GridWindow(
      column: clippedLeft, row: clippedTop, width: clippedRight - clippedLeft + 1,
      height: clippedBottom - clippedTop + 1)
  }

  /// The geometry of a window of this grid.
  public func subgrid(_ window: GridWindow) -> GridGeometry {
    GridGeometry(
      coordinateSystem: coordinateSystem, originX: originX + Double(window.column) * cellWidth,
      originY: originY - Double(window.row) * cellHeight, cellWidth: cellWidth, cellHeight: cellHeight,
      width: window.width, height: window.height)
  }

  /// The window of this grid that `other` (a subgrid with the same cell size) occupies.
  public func window(of other: GridGeometry) -> GridWindow {
    GridWindow(
      column: Int(((other.originX - originX) / cellWidth).rounded()),
      row: Int(((originY - other.originY) / cellHeight).rounded()), width: other.width, height: other.height)
  }

  /// Area of one cell in the given row, in square metres (geographic rows shrink toward the poles).
  public func cellArea(row: Int, earthRadius: Double) -> Double {
    switch coordinateSystem {
    case .projected:
      return cellWidth * cellHeight
    case .geographic:
      let north = (originY - Double(row) * cellHeight) * .pi / 180
      let south = (originY - Double(row + 1) * cellHeight) * .pi / 180
      return earthRadius * earthRadius * cellWidth * .pi / 180 * abs(sin(north) - sin(south))
    }
  }
}
