import Foundation

extension LineOfSightKernel {
  /// How close (degrees of latitude) a radar's range may come to a pole on a geographic grid: there the cells
  /// shrink to nothing across and the sweep's memory grows as 1/(90° − latitude)².
  public static let polarMarginDegrees = 1.0

  /// Most range samples or radials one sweep may hold (both are indexed with 32-bit integers).
  static let maximumSweepCount = Double(1 << 28)

  /// Checks everything about `site` and the grid it will be swept over that a user can get wrong, without
  /// touching the terrain: the grid (at least 2 × 2 cells, finite positive cell sizes), the site's position
  /// (finite; on geographic grids its range must stay `polarMarginDegrees` from the poles), its ranges, elevation
  /// limits, sector and antenna height, and that the sweep's sizes can be indexed. `coverage` runs the same checks;
  /// call this to refuse a run before reading its terrain. Throws `CoverageKernelError`.
  public func validate(_ site: RadarSite, over geometry: GridGeometry) throws(CoverageKernelError) {
    _ = try sweepCellSize(for: site, over: geometry)
  }

  /// Validates (see `validate`) and returns the cell size in metres the sweep samples at.
  func sweepCellSize(for site: RadarSite, over geometry: GridGeometry) throws(CoverageKernelError) -> Double {
    guard earth.radius.isFinite, earth.radius > 0, earth.refractionFactor.isFinite, earth.refractionFactor > 0 else {
      throw .invalidEarthModel(radius: earth.radius, refractionFactor: earth.refractionFactor)
    }
    guard geometry.width >= 2, geometry.height >= 2 else {
      throw .gridTooSmall(width: geometry.width, height: geometry.height)
    }
    guard geometry.cellWidth.isFinite, geometry.cellWidth > 0, geometry.cellHeight.isFinite, geometry.cellHeight > 0,
      geometry.originX.isFinite, geometry.originY.isFinite
    else { throw .invalidCellSize(width: geometry.cellWidth, height: geometry.cellHeight) }
    let name = site.name
    let position = site.position
    let geographic = geometry.coordinateSystem == .geographic
    guard position.x.isFinite, position.y.isFinite, !geographic || abs(position.y) <= 90 else {
      throw .invalidSitePosition(radar: name)
    }
    let limits = site.limits
    guard limits.maximumRange.isFinite, limits.maximumRange > 0, limits.maximumRange <= 1_500_000,
      limits.minimumRange.isFinite, limits.minimumRange >= 0, limits.minimumRange < limits.maximumRange
    else { throw .invalidRange(radar: name, minimum: limits.minimumRange, maximum: limits.maximumRange) }
    let lowest = limits.minimumElevation ?? -90
    let highest = limits.maximumElevation ?? 90
    guard (-90...90).contains(lowest), (-90...90).contains(highest), lowest < highest else {
      throw .invalidElevationLimits(radar: name)
    }
    try limits.sector?.validate()
    switch site.antenna {
    case .aboveGround(let height) where !AntennaHeight.validAboveGround.contains(height):
      throw .invalidAntennaHeight(radar: name, metres: height, valid: AntennaHeight.validAboveGround)
    case .aboveSeaLevel(let altitude) where !AntennaHeight.validAboveSeaLevel.contains(altitude):
      throw .invalidAntennaHeight(radar: name, metres: altitude, valid: AntennaHeight.validAboveSeaLevel)
    default:
      break
    }
    if geographic {
      let reach = abs(position.y) + limits.maximumRange / earth.radius * 180 / .pi
      guard reach <= 90 - Self.polarMarginDegrees else {
        throw .rangeNearPole(radar: name, latitude: min(reach, 90) * (position.y < 0 ? -1 : 1))
      }
    }
    let cell = geometry.cellSizeInMetres(nearY: position.y, earthRadius: earth.radius)
    let cellSize = min(cell.width, cell.height)
    let samples = limits.maximumRange / cellSize * resolution.samplesPerCell
    let radials = 2 * Double.pi * limits.maximumRange / (cellSize * resolution.radialSpacingInCells)
    guard cellSize > 0, samples <= Self.maximumSweepCount, radials <= Self.maximumSweepCount else {
      throw .sweepTooFine(radar: name, count: (2 * limits.maximumRange / cellSize).rounded(.down))
    }
    return cellSize
  }
}
