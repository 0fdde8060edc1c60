import CoverageKernel
import RadarModels

extension RadarPlacement {
  /// This radar's limits out to `range` metres: its type's elevation limits, all round.
  public func limits(range: Double) -> CoverageLimits {
    CoverageLimits(maximumRange: range, elevations: type.elevationLimits.value)
  }

  /// This radar's limits at its type's instrumented range.
  public var instrumentedLimits: CoverageLimits { limits(range: type.instrumentedRange.value) }
}
