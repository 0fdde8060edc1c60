import Foundation

extension SimulationWorld {
  /// The ground's slope (rise over run) at DEM cell (`column`, `row`), from the cells either side (one side at the
  /// grid's edge); infinity over a void.
  package func slope(column: Int, row: Int) -> Double {
    let geometry = terrain.geometry
    func height(_ column: Int, _ row: Int) -> Double {
      Double(terrain.heights[row * geometry.width + column])
    }
    let metresPerDegree = earth.radius * Double.pi / 180
    let latitude = geometry.y(ofRow: Double(row))
    let west = max(column - 1, 0)
    let east = min(column + 1, geometry.width - 1)
    let north = max(row - 1, 0)
    let south = min(row + 1, geometry.height - 1)
    guard east > west, south > north else { return .infinity }
    let eastWest =
      (height(east, row) - height(west, row))
      / (Double(east - west) * geometry.cellWidth * metresPerDegree * cos(latitude * Double.pi / 180))
    let northSouth =
      (height(column, north) - height(column, south)) / (Double(south - north) * geometry.cellHeight * metresPerDegree)
    let slope = (eastWest * eastWest + northSouth * northSouth).squareRoot()
    return slope.isNaN ? .infinity : slope
  }

  /// The ground's slope at the DEM cell nearest a position; infinity outside the grid or over a void.
  package func slope(latitude: Double, longitude: Double) -> Double {
    let geometry = terrain.geometry
    let column = Int(geometry.column(ofX: longitude).rounded())
    let row = Int(geometry.row(ofY: latitude).rounded())
    guard column >= 0, row >= 0, column < geometry.width, row < geometry.height else { return .infinity }
    return slope(column: column, row: row)
  }
}
