import CoverageKernel

extension ElevationGrid {
  /// A coarser grid for screening: each block of `factor` × `factor` cells (smaller at the east and south edges)
  /// becomes one cell holding the mean of its finite heights (a void where it has none), on the same origin.
  public func decimated(by factor: Int) -> ElevationGrid {
    let factor = max(factor, 1)
    let width = (geometry.width + factor - 1) / factor
    let height = (geometry.height + factor - 1) / factor
    var heights = [Float](repeating: .nan, count: width * height)
    for row in 0..<height {
      for column in 0..<width {
        var sum = 0.0
        var count = 0
        for r in (row * factor)..<min((row + 1) * factor, geometry.height) {
          for c in (column * factor)..<min((column + 1) * factor, geometry.width) {
            let value = self[r, c]
            if value.isFinite {
              sum += Double(value)
              count += 1
            }
          }
        }
        if count > 0 { heights[row * width + column] = Float(sum / Double(count)) }
      }
    }
    var coarse = geometry
    coarse.cellWidth *= Double(factor)
    coarse.cellHeight *= Double(factor)
    coarse.width = width
    coarse.height = height
    return ElevationGrid(geometry: coarse, heights: heights)
  }
}

extension PlanningRegion {
  /// The region on the grid `decimated(by: factor)` makes of a `width` × `height` grid: a coarse cell belongs to
  /// it when at least half of its block's cells do.
  public func decimated(by factor: Int, width: Int, height: Int) -> PlanningRegion {
    let factor = max(factor, 1)
    let coarseWidth = (width + factor - 1) / factor
    let coarseHeight = (height + factor - 1) / factor
    var coarse = [Bool](repeating: false, count: coarseWidth * coarseHeight)
    for row in 0..<coarseHeight {
      for column in 0..<coarseWidth {
        var inside = 0
        var total = 0
        for r in (row * factor)..<min((row + 1) * factor, height) {
          for c in (column * factor)..<min((column + 1) * factor, width) {
            total += 1
            if mask[r * width + c] { inside += 1 }
          }
        }
        coarse[row * coarseWidth + column] = 2 * inside >= total
      }
    }
    return PlanningRegion(name: name, weight: weight, mask: coarse)
  }
}
