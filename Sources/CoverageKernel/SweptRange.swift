extension LineOfSightKernel {
  /// How far the sweep for `site` must reach over `geometry`: its maximum range, or less where the grid ends
  /// sooner (the farthest point of the grid's edge, plus two cells). A small DEM under a long-range radar then
  /// costs memory and time for the DEM, not for the range; cells of the grid are computed exactly as before.
  func sweptRange(for site: RadarSite, over geometry: GridGeometry) -> Double {
    let west = geometry.originX
    let north = geometry.originY
    let east = west + Double(geometry.width) * geometry.cellWidth
    let south = north - Double(geometry.height) * geometry.cellHeight
    let steps = 64
    var farthest = 0.0
    for step in 0...steps {
      let t = Double(step) / Double(steps)
      let x = west + (east - west) * t
      let y = south + (north - south) * t
      for point in [(x, north), (x, south), (west, y), (east, y)] {
        farthest = max(farthest, distance(from: site.position, toX: point.0, y: point.1, on: geometry))
      }
    }
    let cells = geometry.cellSizeInMetres(nearY: site.position.y, earthRadius: earth.radius)
    let margin = 2 * max(cells.width, cells.height)
    guard farthest.isFinite else { return site.limits.maximumRange }
    return min(site.limits.maximumRange, farthest + margin)
  }

  private func distance(from site: MapPoint, toX x: Double, y: Double, on geometry: GridGeometry) -> Double {
    switch geometry.coordinateSystem {
    case .projected:
      return ((x - site.x) * (x - site.x) + (y - site.y) * (y - site.y)).squareRoot()
    case .geographic:
      return Geodesy.distance(
        fromLatitude: site.y, longitude: site.x, toLatitude: y, longitude: x, radius: earth.radius)
    }
  }
}
