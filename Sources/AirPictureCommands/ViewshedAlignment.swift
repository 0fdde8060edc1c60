import CoverageKernel

/// Which cell of another raster on the same grid lies at each cell of a field: the one with the same centre.
///
/// `gdal_viewshed` crops its output to the observer's range, so its cell (row, column) is not the DEM's cell
/// (row, column); the two line up only through their georeferences. Grids line up when they share a coordinate
/// system and cell size and their origins differ by whole cells.
public struct ViewshedAlignment: Sendable, Equatable {
  /// The field's grid (the kernel's window of the DEM).
  public let field: GridGeometry
  /// The other raster's grid (gdal_viewshed's output).
  public let other: GridGeometry
  /// Columns to add to a field cell's column to reach the other raster's cell with the same centre.
  public let columnOffset: Int
  /// Rows to add to a field cell's row to reach the other raster's cell with the same centre.
  public let rowOffset: Int

  /// Aligns `other` to `field`; nil when the grids do not line up cell for cell.
  public init?(field: GridGeometry, other: GridGeometry) {
    guard field.coordinateSystem == other.coordinateSystem else { return nil }
    let tolerance = 1e-6
    guard abs(field.cellWidth - other.cellWidth) <= tolerance * field.cellWidth,
      abs(field.cellHeight - other.cellHeight) <= tolerance * field.cellHeight
    else { return nil }
    // The other raster's fractional column and row at the centre of the field's cell (0, 0).
    let column = other.column(ofX: field.x(ofColumn: 0))
    let row = other.row(ofY: field.y(ofRow: 0))
    guard abs(column - column.rounded()) <= 1e-3, abs(row - row.rounded()) <= 1e-3,
      abs(column) < Double(Int32.max), abs(row) < Double(Int32.max)
    else { return nil }
    self.field = field
    self.other = other
    columnOffset = Int(column.rounded())
    rowOffset = Int(row.rounded())
  }

  /// Index (row-major) in the other raster of the cell with the same centre as the field's cell (`row`, `column`);
  /// nil when the other raster does not cover it.
  @inlinable public func otherIndex(row: Int, column: Int) -> Int? {
    let otherRow = row + rowOffset
    let otherColumn = column + columnOffset
    guard otherRow >= 0, otherRow < other.height, otherColumn >= 0, otherColumn < other.width else { return nil }
    return otherRow * other.width + otherColumn
  }

  /// The same for the field's cell at row-major `index`.
  @inlinable public func otherIndex(ofFieldIndex index: Int) -> Int? {
    otherIndex(row: index / field.width, column: index % field.width)
  }
}
