/// The limits a radar antenna puts on what it can see, whatever the terrain.
public struct CoverageLimits: Sendable, Hashable {
  /// Nearest ground range in metres (blind zone of pulse length and sensitivity-time control).
  public var minimumRange: Double
  /// Instrumented range in metres; cells beyond it are outside the computation.
  public var maximumRange: Double
  /// The azimuths it scans; nil for all round.
  public var sector: AzimuthSector?
  /// Lowest beam elevation in degrees above the horizontal; nil for no limit.
  public var minimumElevation: Double?
  /// Highest beam elevation in degrees; above it lies the cone of silence. Nil for no limit.
  public var maximumElevation: Double?

  /// Creates limits; ranges in metres, angles in degrees.
  public init(
    minimumRange: Double = 0, maximumRange: Double, sector: AzimuthSector? = nil,
    minimumElevation: Double? = nil, maximumElevation: Double? = nil
  ) {
    self.minimumRange = minimumRange
    self.maximumRange = maximumRange
    self.sector = sector
    self.minimumElevation = minimumElevation
    self.maximumElevation = maximumElevation
  }

  /// Limits out to `maximumRange` metres, all round, between the beam elevations `elevations` (degrees): what a
  /// radar type's elevation limits and the range it covers a target to give, for the coverage studies and the planner
  /// alike.
  public init(maximumRange: Double, elevations: ClosedRange<Double>) {
    self.init(
      maximumRange: maximumRange, minimumElevation: elevations.lowerBound, maximumElevation: elevations.upperBound)
  }
}
