/// A rectangle of cells inside a grid, in column/row indices (row 0 is the northern edge).
public struct GridWindow: Sendable, Equatable, Hashable {
  /// First column.
  public var column: Int
  /// First row.
  public var row: Int
  /// Number of columns.
  public var width: Int
  /// Number of rows.
  public var height: Int

  /// Creates a window from its first column and row and its size.
  public init(column: Int, row: Int, width: Int, height: Int) {
    self.column = column
    self.row = row
    self.width = width
    self.height = height
  }

  /// Number of cells in the window.
  public var cellCount: Int { width * height }

  /// The smallest window that holds both.
  public func union(_ other: GridWindow) -> GridWindow {
    let left = min(column, other.column)
    let top = min(row, other.row)
    let right = max(column + width, other.column + other.width)
    let bottom = max(row + height, other.row + other.height)
    return GridWindow(column: left, row: top, width: right - left, height: bottom - top)
  }
}

extension Collection<GridWindow> {
  /// The smallest window that holds every window; nil when there is none.
  public var union: GridWindow? {
    guard let first else { return nil }
    return dropFirst().reduce(first) { $0.union($1) }
  }
}
