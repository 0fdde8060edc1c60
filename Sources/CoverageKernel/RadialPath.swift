import Foundation

/// Where a point at a given azimuth and ground distance from the radar falls on the grid, in fractional
/// (column, row): along the great circle for geographic grids, along the straight line for projected ones.
struct RadialPath {
  let geometry: GridGeometry
  let origin: MapPoint
  let earthRadius: Double

  func gridPosition(azimuth: Double, distance: Double) -> (column: Double, row: Double) {
    switch geometry.coordinateSystem {
    case .projected:
      let x = origin.x + distance * sin(azimuth)
      let y = origin.y + distance * cos(azimuth)
      return (geometry.column(ofX: x), geometry.row(ofY: y))
    case .geographic:
      let point = Geodesy.destination(
        latitude: origin.y, longitude: origin.x, azimuth: azimuth, distance: distance, radius: earthRadius)
      return (geometry.column(ofX: point.longitude), geometry.row(ofY: point.latitude))
    }
  }
}
