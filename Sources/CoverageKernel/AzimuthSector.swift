/// A sector of azimuths a radar scans, clockwise from `start` to `end`, in degrees from true north.
public struct AzimuthSector: Sendable, Hashable {
  /// Where the sector begins, degrees clockwise from north.
  public var start: Double
  /// Where the sector ends, degrees clockwise from north (may be less than `start` to wrap through north).
  public var end: Double

  /// Creates a sector from `start` clockwise to `end`. Throws `CoverageKernelError.invalidSector` when either
  /// bound is not finite or the sector has zero width (`start` and `end` the same direction, such as 90,90 or
  /// 450,90); exactly `end = start + 360` is the full circle.
  public init(start: Double, end: Double) throws(CoverageKernelError) {
    self.start = start
    self.end = end
    try validate()
  }

  /// Throws `CoverageKernelError.invalidSector` when a bound is not finite or the sector has zero width.
  public func validate() throws(CoverageKernelError) {
    let span = end - start
    guard start.isFinite, end.isFinite, span.truncatingRemainder(dividingBy: 360) != 0 || span == 360 else {
      throw .invalidSector(start: start, end: end)
    }
  }

  /// Whether an azimuth in radians in [0, 2π) falls inside the sector.
  @inlinable public func contains(radians azimuth: Double) -> Bool {
    let degrees = azimuth * 180 / .pi
    let from = start.truncatingRemainder(dividingBy: 360).positiveDegrees
    let width = (end - start).truncatingRemainder(dividingBy: 360).positiveDegrees
    if width == 0 { return true }
    return (degrees - from).truncatingRemainder(dividingBy: 360).positiveDegrees <= width
  }
}

extension Double {
  @usableFromInline var positiveDegrees: Double { self < 0 ? self + 360 : self }
}
