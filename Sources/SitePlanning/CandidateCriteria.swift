import RadarModels

/// What makes a DEM cell a candidate site: local prominence, spacing, an area, an altitude cap and nearness to
/// given features.
public struct CandidateCriteria: Sendable, Equatable {
  /// Radius in metres within which a candidate must be the highest cell.
  public var prominenceRadius: Double
  /// How much higher than every other cell within the radius a candidate must be, metres (0: strictly highest).
  public var minimumProminence: Double
  /// When set, only this many candidates are kept: the most prominent after spacing.
  public var topCount: Int?
  /// Least distance in metres between two candidates (higher ones are kept first).
  public var minimumSpacing: Double
  /// When set, candidates lie inside these rings (even-odd rule, so a ring inside another is a hole).
  public var area: [[GeoCoordinate]]?
  /// When set, no candidate stands higher than this, metres MSL.
  public var maximumGroundHeight: Double?
  /// When set, candidates lie within `maximumDistance` metres of one of these polylines (a single point is a
  /// polyline of one vertex).
  public var nearFeatures: [[GeoCoordinate]]?
  /// The distance for `nearFeatures`, metres.
  public var maximumDistance: Double

  /// Criteria; distances in metres, heights in metres MSL.
  public init(
    prominenceRadius: Double, minimumProminence: Double = 0, topCount: Int? = nil, minimumSpacing: Double = 0,
    area: [[GeoCoordinate]]? = nil, maximumGroundHeight: Double? = nil, nearFeatures: [[GeoCoordinate]]? = nil,
    maximumDistance: Double = .infinity
  ) {
    self.prominenceRadius = prominenceRadius
    self.minimumProminence = minimumProminence
    self.topCount = topCount
    self.minimumSpacing = minimumSpacing
    self.area = area
    self.maximumGroundHeight = maximumGroundHeight
    self.nearFeatures = nearFeatures
    self.maximumDistance = maximumDistance
  }

  /// Throws `SitePlanningError.invalidFigure` for the first figure out of its range.
  func validate() throws(SitePlanningError) {
    guard prominenceRadius.isFinite, prominenceRadius > 0 else {
      throw .invalidFigure(name: "prominence radius", value: prominenceRadius, valid: "finite, above 0 m")
    }
    guard minimumProminence.isFinite, minimumProminence >= 0 else {
      throw .invalidFigure(name: "minimum prominence", value: minimumProminence, valid: "finite, 0 m or more")
    }
    if let topCount, topCount < 1 {
      throw .invalidFigure(name: "top count", value: Double(topCount), valid: "1 or more")
    }
    guard minimumSpacing.isFinite, minimumSpacing >= 0 else {
      throw .invalidFigure(name: "minimum spacing", value: minimumSpacing, valid: "finite, 0 m or more")
    }
    if let cap = maximumGroundHeight, !cap.isFinite {
      throw .invalidFigure(name: "altitude cap", value: cap, valid: "finite")
    }
    guard !maximumDistance.isNaN, maximumDistance >= 0 else {
      throw .invalidFigure(name: "distance to features", value: maximumDistance, valid: "0 m or more")
    }
  }
}
