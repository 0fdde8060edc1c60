import CoverageKernel

/// Small synthetic grids with known shapes.
enum TestTerrain {
  /// A projected grid of `size × size` cells of `cell` metres, centred on (0, 0).
  static func projected(size: Int, cell: Double, height: (_ x: Double, _ y: Double) -> Double) -> ElevationGrid {
    let half = Double(size) * cell / 2
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: -half, originY: half, cellWidth: cell, cellHeight: cell, width: size,
      height: size)
    var heights = [Float]()
    heights.reserveCapacity(size * size)
    for row in 0..<size {
      for column in 0..<size {
        heights.append(Float(height(geometry.x(ofColumn: Double(column)), geometry.y(ofRow: Double(row)))))
      }
    }
    return ElevationGrid(geometry: geometry, heights: heights)
  }

  /// A geographic grid of `columns × rows` cells of `cell` degrees centred on (`longitude`, `latitude`).
  static func geographic(
    longitude: Double, latitude: Double, columns: Int, rows: Int, cell: Double, heights: [Float]? = nil
  ) -> ElevationGrid {
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: longitude - Double(columns) * cell / 2,
      originY: latitude + Double(rows) * cell / 2, cellWidth: cell, cellHeight: cell, width: columns, height: rows)
    return ElevationGrid(geometry: geometry, heights: heights ?? [Float](repeating: 0, count: columns * rows))
  }

  /// A radar at `position`, `height` metres above ground, seeing out to `range` metres.
  static func site(at position: MapPoint = MapPoint(x: 0, y: 0), height: Double = 10, range: Double) -> RadarSite {
    RadarSite(
      name: "test", position: position, antenna: .aboveGround(height), limits: CoverageLimits(maximumRange: range))
  }
}
