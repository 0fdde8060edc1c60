import CoverageKernel
import Foundation
import RadarModels

/// The coarse geographic grid on which routes are planned: blocks of `factor` × `factor` DEM cells, each with the
/// highest ground a flight inside it can meet (the block and the DEM cells bordering it, which bilinear interpolation
/// inside it reads), so that a route through blocks below an aircraft's ceiling never meets ground above it.
struct RouteGrid: Sendable {
  /// Side of a block, degrees (about 4.5 km): coarse enough to plan thousands of routes in a second, fine enough to
  /// follow the main valleys and passes.
  static let targetCellDegrees = 0.04

  let fine: GridGeometry
  let factor: Int
  let width: Int
  let height: Int
  /// Highest ground MSL per block (voids count as 0 m, as `SimulationWorld.ground` reads them).
  let highest: [Float]
  /// East-west size of a block per block row, and north-south size, metres.
  let blockWidth: [Double]
  let blockHeight: Double

  init(world: SimulationWorld) {
    let geometry = world.terrain.geometry
    fine = geometry
    let factor = max(1, Int((Self.targetCellDegrees / geometry.cellWidth).rounded()))
    self.factor = factor
    let width = (geometry.width + factor - 1) / factor
    let height = (geometry.height + factor - 1) / factor
    self.width = width
    self.height = height
    var highest = [Float](repeating: -.infinity, count: width * height)
    let heights = world.terrain.heights
    for row in 0..<geometry.height {
      let blockRows = max(0, (row - 1) / factor)...min(height - 1, (row + 1) / factor)
      for column in 0..<geometry.width {
        var value = heights[row * geometry.width + column]
        if value.isNaN { value = 0 }
        let blockColumns = max(0, (column - 1) / factor)...min(width - 1, (column + 1) / factor)
        for blockRow in blockRows {
          for blockColumn in blockColumns where value > highest[blockRow * width + blockColumn] {
            highest[blockRow * width + blockColumn] = value
          }
        }
      }
    }
    self.highest = highest
    let metresPerDegree = world.earth.radius * Double.pi / 180
    blockHeight = geometry.cellHeight * Double(factor) * metresPerDegree
    blockWidth = (0..<height).map { blockRow in
      let latitude = geometry.y(ofRow: (Double(blockRow) + 0.5) * Double(factor) - 0.5)
      return geometry.cellWidth * Double(factor) * metresPerDegree * cos(latitude * Double.pi / 180)
    }
  }

  /// The centre of block `cell`.
  func centre(_ cell: Int) -> GeoCoordinate {
    let column = min(Double(cell % width * factor) + Double(factor - 1) / 2, Double(fine.width - 1))
    let row = min(Double(cell / width * factor) + Double(factor - 1) / 2, Double(fine.height - 1))
    return GeoCoordinate(latitude: fine.y(ofRow: row), longitude: fine.x(ofColumn: column))
  }

  /// The block holding a position, or nil outside the grid.
  func cell(latitude: Double, longitude: Double) -> Int? {
    let column = Int(fine.column(ofX: longitude).rounded())
    let row = Int(fine.row(ofY: latitude).rounded())
    guard column >= 0, row >= 0, column < fine.width, row < fine.height else { return nil }
    return row / factor * width + column / factor
  }

  /// Points spread over block `cell` (3 × 3), for sampling what a flight across it meets.
  func samplePoints(_ cell: Int) -> [GeoCoordinate] {
    let size = Double(factor)
    let left = Double(cell % width * factor) - 0.5
    let top = Double(cell / width * factor) - 0.5
    let fractions: [Double] = [1.0 / 6, 0.5, 5.0 / 6]
    let lastColumn = Double(fine.width) - 0.5
    let lastRow = Double(fine.height) - 0.5
    var points: [GeoCoordinate] = []
    for v in fractions {
      let row: Double = min(top + v * size, lastRow)
      for u in fractions {
        let column: Double = min(left + u * size, lastColumn)
        points.append(GeoCoordinate(latitude: fine.y(ofRow: row), longitude: fine.x(ofColumn: column)))
      }
    }
    return points
  }
}
