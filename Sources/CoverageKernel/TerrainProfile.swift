import Foundation

/// The terrain along one line from a radar antenna, with what the antenna sees above each point: the kernel's
/// line-of-sight rule worked out along a single great circle (a straight line on a projected grid) instead of over
/// a whole grid.
///
/// Every `step` metres the terrain is sampled bilinearly, as `LineOfSightKernel` samples it. Over the effective
/// sphere of radius `k·R` the apparent slope of terrain `z` at distance `d` from an antenna at altitude `h0` is
/// `(z − h0 − d²/2kR) / d`; the line of sight at a sample is the steepest slope of the samples before it, and the
/// lowest visible altitude there is `h0 + d·slope + d²/2kR`, never below the ground.
public struct TerrainProfile: Sendable {
  /// One point of the profile.
  public struct Sample: Sendable, Equatable {
    /// Distance from the antenna along the surface, metres.
    public var distance: Double
    /// Where it lies, in the grid's coordinates (longitude and latitude on a geographic grid).
    public var position: MapPoint
    /// Ground height above mean sea level, metres; NaN on a void or outside the grid.
    public var ground: Double
    /// How far the effective sphere drops below the antenna's horizontal plane here: `d²/2kR`, metres.
    public var curvatureDrop: Double
    /// The tangent of the steepest elevation angle of the terrain before this sample, seen from the antenna (the
    /// line of sight); the minimum elevation's tangent, or `-infinity`, where no terrain lies in front.
    public var horizonSlope: Double
    /// The lowest altitude above mean sea level at which a target above this sample is in line of sight, metres.
    public var lowestVisibleAltitude: Double
    /// The highest altitude the beam reaches here (the cone of silence above it), metres MSL; nil for no limit.
    public var ceiling: Double?

    /// The line of sight's elevation angle in degrees (nil where no terrain lies in front).
    public var horizonElevationDegrees: Double? {
      horizonSlope.isFinite ? atan(horizonSlope) * 180 / .pi : nil
    }
    /// The lowest visible altitude above the ground, metres.
    public var lowestVisibleAboveGround: Double { lowestVisibleAltitude - ground }
  }

  /// The antenna's altitude above mean sea level, metres.
  public let antennaAltitude: Double
  /// Earth radius and refraction.
  public let earth: EarthModel
  /// Initial azimuth of the line, radians clockwise from north (grid north on a projected grid).
  public let azimuth: Double
  /// The beam's highest elevation in degrees (the cone of silence above it); nil for no limit.
  public let maximumElevation: Double?
  /// The samples from the antenna (distance 0) outward; the last lies at the line's end.
  public let samples: [Sample]

  /// The profile of `terrain` from `start` (the antenna, `antennaAltitude` metres MSL) to `end`, sampled every
  /// `step` metres; `minimumElevation` and `maximumElevation` (degrees) are the beam's limits, as in
  /// `CoverageLimits`. `start` and `end` must differ.
  public init(
    terrain: ElevationGrid, from start: MapPoint, antennaAltitude: Double, to end: MapPoint, step: Double,
    earth: EarthModel = .standard, minimumElevation: Double? = nil, maximumElevation: Double? = nil
  ) {
    let geometry = terrain.geometry
    let length: Double
    let azimuth: Double
    switch geometry.coordinateSystem {
    case .geographic:
      length = Geodesy.distance(
        fromLatitude: start.y, longitude: start.x, toLatitude: end.y, longitude: end.x, radius: earth.radius)
      azimuth = Geodesy.azimuth(fromLatitude: start.y, longitude: start.x, toLatitude: end.y, longitude: end.x)
    case .projected:
      length = ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot()
      let angle = atan2(end.x - start.x, end.y - start.y)
      azimuth = angle < 0 ? angle + 2 * .pi : angle
    }
    self.init(
      terrain: terrain, from: start, antennaAltitude: antennaAltitude, azimuth: azimuth, length: length, step: step,
      earth: earth, minimumElevation: minimumElevation, maximumElevation: maximumElevation)
  }

  /// The profile of `terrain` from `start` along `azimuth` (radians clockwise from north) for `length` metres.
  public init(
    terrain: ElevationGrid, from start: MapPoint, antennaAltitude: Double, azimuth: Double, length: Double,
    step: Double, earth: EarthModel = .standard, minimumElevation: Double? = nil, maximumElevation: Double? = nil
  ) {
    precondition(length > 0 && length.isFinite, "a profile needs a positive length")
    precondition(step > 0 && step.isFinite, "a profile needs a positive step")
    self.antennaAltitude = antennaAltitude
    self.earth = earth
    self.azimuth = azimuth
    self.maximumElevation = maximumElevation
    let geometry = terrain.geometry
    let count = Int((length / step).rounded(.up))
    let distances = (0...count).map { min(Double($0) * step, length) }
    let inverseTwoKR = 1 / (2 * earth.effectiveRadius)
    let ceilingTangent = maximumElevation.map { tan($0 * .pi / 180) }
    var running = minimumElevation.map { tan($0 * .pi / 180) } ?? -Double.infinity
    var samples = [Sample]()
    samples.reserveCapacity(distances.count)
    for distance in distances {
      let position: MapPoint
      switch geometry.coordinateSystem {
      case .geographic:
        let point = Geodesy.destination(
          latitude: start.y, longitude: start.x, azimuth: azimuth, distance: distance, radius: earth.radius)
        position = MapPoint(x: point.longitude, y: point.latitude)
      case .projected:
        position = MapPoint(x: start.x + distance * sin(azimuth), y: start.y + distance * cos(azimuth))
      }
      let ground =
        geometry.contains(position)
        ? Double(terrain.bilinearHeight(column: geometry.column(ofX: position.x), row: geometry.row(ofY: position.y)))
        : .nan
      let drop = distance * distance * inverseTwoKR
      let level = antennaAltitude + drop
      let lowest: Double
      if distance > 0, running > -.infinity {
        let ray = level + distance * running
        lowest = ground.isFinite ? max(ray, ground) : ray
      } else {
        lowest = ground
      }
      samples.append(
        Sample(
          distance: distance, position: position, ground: ground, curvatureDrop: drop, horizonSlope: running,
          lowestVisibleAltitude: lowest, ceiling: ceilingTangent.map { level + distance * $0 }))
      // This sample's terrain shadows the samples beyond it; voids are unknown terrain and are skipped.
      if distance > 0, ground.isFinite {
        running = max(running, (ground - level) / distance)
      }
    }
    self.samples = samples
  }

  /// Whether every sample lies on known terrain (inside the grid, no void).
  public var isOnKnownTerrain: Bool { samples.allSatisfy { $0.ground.isFinite } }

  /// The distance at which the line first leaves known terrain, metres; nil when it never does.
  public var firstUnknownDistance: Double? { samples.first { !$0.ground.isFinite }?.distance }

  /// The floor of the cone of silence at `distance` metres, metres MSL; nil without a maximum elevation.
  public func ceiling(atDistance distance: Double) -> Double? {
    maximumElevation.map {
      antennaAltitude + distance * tan($0 * .pi / 180) + earth.curvatureDrop(atDistance: distance)
    }
  }

  /// The point at `slantRange` metres from the antenna along elevation angle `elevation` (radians) on this profile's
  /// effective Earth: its distance along the surface and its altitude MSL (a straight ray over the `k·R` sphere).
  public func rayPoint(slantRange: Double, elevation: Double) -> (distance: Double, altitude: Double) {
    let distance = slantRange * cos(elevation)
    return (distance, antennaAltitude + slantRange * sin(elevation) + earth.curvatureDrop(atDistance: distance))
  }
}
