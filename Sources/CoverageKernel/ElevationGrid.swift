/// Terrain heights above mean sea level on a grid, row-major from the north-west corner; NaN marks a void.
public struct ElevationGrid: Sendable {
  /// Where the cells lie.
  public var geometry: GridGeometry
  /// `geometry.width × geometry.height` heights in metres.
  public var heights: [Float]
  /// Whether some heights are voids, when whoever read them knows (the reader counted no-data); nil when unknown, and
  /// the kernel then looks itself (one pass over the heights). Results are the same either way; a hint of `true` on
  /// terrain without voids costs only time.
  public var voidsExpected: Bool?

  /// Creates a grid; `heights` must hold one value per cell.
  public init(geometry: GridGeometry, heights: [Float], voidsExpected: Bool? = nil) {
    precondition(heights.count == geometry.width * geometry.height, "one height per cell")
    self.geometry = geometry
    self.heights = heights
    self.voidsExpected = voidsExpected
  }

  /// Whether any height is a void (NaN or infinite): one pass, eight lanes at a time.
  public var hasVoids: Bool {
    heights.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      let chunks = buffer.count / 8
      var probe = SIMD8<Float>(repeating: 0)
      let raw = UnsafeRawPointer(base)
      for chunk in 0..<chunks {
        let values = raw.loadUnaligned(fromByteOffset: chunk * 32, as: SIMD8<Float>.self)
        probe += values - values  // NaN from here on once a NaN or an infinity passes
      }
      for index in (chunks * 8)..<buffer.count where !buffer[index].isFinite { return true }
      return probe.sum().isNaN
    }
  }

  /// The height at a cell.
  @inlinable public subscript(row: Int, column: Int) -> Float {
    heights[row * geometry.width + column]
  }

  /// The height at a fractional (column, row) position, bilinear between cell centres and clamped to the grid;
  /// NaN for a non-finite position, and NaN or infinite where a cell it weighs is a void.
  public func bilinearHeight(column: Double, row: Double) -> Float {
    guard column.isFinite, row.isFinite, !heights.isEmpty else { return .nan }
    let maxColumn = Double(geometry.width - 1)
    let maxRow = Double(geometry.height - 1)
    let x = min(max(column, 0), maxColumn)
    let y = min(max(row, 0), maxRow)
    let c0 = min(Int(x), geometry.width - 2 < 0 ? 0 : geometry.width - 2)
    let r0 = min(Int(y), geometry.height - 2 < 0 ? 0 : geometry.height - 2)
    let c1 = min(c0 + 1, geometry.width - 1)
    let r1 = min(r0 + 1, geometry.height - 1)
    let fx = Float(x - Double(c0))
    let fy = Float(y - Double(r0))
    let top = self[r0, c0] + (self[r0, c1] - self[r0, c0]) * fx
    let bottom = self[r1, c0] + (self[r1, c1] - self[r1, c0]) * fx
    return top + (bottom - top) * fy
  }

  /// The grid cut to `window`.
  public func cropped(to window: GridWindow) -> ElevationGrid {
    var values = [Float]()
    values.reserveCapacity(window.cellCount)
    for row in window.row..<(window.row + window.height) {
      let start = row * geometry.width + window.column
      values.append(contentsOf: heights[start..<(start + window.width)])
    }
    return ElevationGrid(geometry: geometry.subgrid(window), heights: values, voidsExpected: voidsExpected)
  }
}
