import CoverageKernel
import Dispatch
import Foundation

/// The slow, exact reference the kernel is checked against: for each cell it walks the great-circle path (straight
/// line on projected grids) from the antenna to the cell centre in half-cell steps, samples the terrain bilinearly,
/// keeps the steepest apparent slope over the effective Earth, and derives the lowest visible altitude from it.
public struct ExactLineOfSight: Sendable {
  public var earth: EarthModel
  public var samplesPerCell: Double

  public init(earth: EarthModel = .standard, samplesPerCell: Double = 2) {
    self.earth = earth
    self.samplesPerCell = samplesPerCell
  }

  /// Lowest visible altitude MSL above cell (row, column): NaN out of range, on a void, or for a site the kernel
  /// refuses (on a void, say); +∞ never visible. Void samples in the path are skipped, as the kernel does.
  public func lowestAltitudeMSL(row: Int, column: Int, site: RadarSite, terrain: ElevationGrid) -> Float {
    let geometry = terrain.geometry
    let limits = site.limits
    guard let antenna = try? site.antennaAltitude(over: terrain) else { return .nan }
    let target = MapPoint(x: geometry.x(ofColumn: Double(column)), y: geometry.y(ofRow: Double(row)))
    let (distance, azimuth) = polar(from: site.position, to: target, geometry: geometry)
    let ground = terrain[row, column]
    guard distance <= limits.maximumRange, distance >= limits.minimumRange, ground.isFinite else { return .nan }
    if let sector = limits.sector, !sector.contains(radians: azimuth) { return .nan }
    let cell = geometry.cellSizeInMetres(nearY: site.position.y, earthRadius: earth.radius)
    let step = min(cell.width, cell.height) / samplesPerCell
    var steepest = limits.minimumElevation.map { tan($0 * .pi / 180) } ?? -1e30
    var travelled = step
    while travelled < distance {
      let point = along(from: site.position, azimuth: azimuth, distance: travelled, geometry: geometry)
      let z = Double(
        terrain.bilinearHeight(column: geometry.column(ofX: point.x), row: geometry.row(ofY: point.y)))
      let slope = (z - antenna - earth.curvatureDrop(atDistance: travelled)) / travelled
      if slope > steepest && slope.isFinite { steepest = slope }
      travelled += step
    }
    let level = antenna + earth.curvatureDrop(atDistance: distance)
    let lowest = distance > 0 ? max(level + distance * steepest, Double(ground)) : Double(ground)
    if let maximum = limits.maximumElevation, lowest > level + distance * tan(maximum * .pi / 180) {
      return .infinity
    }
    return Float(lowest)
  }

  /// The reference at every `stride`-th row and column (in parallel): (cell index, lowest MSL) pairs.
  public func evaluate(site: RadarSite, terrain: ElevationGrid, stride: Int) -> [(index: Int, msl: Float)] {
    let rows = Array(Swift.stride(from: 0, to: terrain.geometry.height, by: stride))
    let width = terrain.geometry.width
    let results = UnsafeMutableBufferPointer<[(index: Int, msl: Float)]>.allocate(capacity: rows.count)
    results.initialize(repeating: [])
    defer { results.deallocate() }
    let output = SendableBuffer(results)
    DispatchQueue.concurrentPerform(iterations: rows.count) { slot in
      let row = rows[slot]
      var line: [(index: Int, msl: Float)] = []
      for column in Swift.stride(from: 0, to: width, by: stride) {
        line.append(
          (row * width + column, lowestAltitudeMSL(row: row, column: column, site: site, terrain: terrain)))
      }
      output.buffer[slot] = line
    }
    return results.flatMap { $0 }
  }

  private func polar(from origin: MapPoint, to target: MapPoint, geometry: GridGeometry) -> (Double, Double) {
    switch geometry.coordinateSystem {
    case .projected:
      let dx = target.x - origin.x
      let dy = target.y - origin.y
      let angle = atan2(dx, dy)
      return ((dx * dx + dy * dy).squareRoot(), angle < 0 ? angle + 2 * .pi : angle)
    case .geographic:
      return (
        Geodesy.distance(
          fromLatitude: origin.y, longitude: origin.x, toLatitude: target.y, longitude: target.x,
          radius: earth.radius),
        Geodesy.azimuth(fromLatitude: origin.y, longitude: origin.x, toLatitude: target.y, longitude: target.x)
      )
    }
  }

  private func along(from origin: MapPoint, azimuth: Double, distance: Double, geometry: GridGeometry) -> MapPoint {
    switch geometry.coordinateSystem {
    case .projected:
      return MapPoint(x: origin.x + distance * sin(azimuth), y: origin.y + distance * cos(azimuth))
    case .geographic:
      let point = Geodesy.destination(
        latitude: origin.y, longitude: origin.x, azimuth: azimuth, distance: distance, radius: earth.radius)
      return MapPoint(x: point.longitude, y: point.latitude)
    }
  }
}

private struct SendableBuffer<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
  init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
