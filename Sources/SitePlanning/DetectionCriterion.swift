import CoverageKernel
import RadarModels

/// When a radar covers a cell, as the coverage studies decide it: line of sight within the range where a target
/// of the given class is detected with per-scan probability at least `minimumProbability`
/// (`RadarType.coverageRange`), inside the type's elevation limits.
public struct DetectionCriterion: Sendable, Equatable {
  /// The target (its radar cross-section and transponder).
  public var target: TargetClass
  /// Least per-scan detection probability.
  public var minimumProbability: Double
  /// Probability of false alarm the detection model is set for.
  public var falseAlarmProbability: Double

  /// A criterion.
  public init(target: TargetClass, minimumProbability: Double, falseAlarmProbability: Double) {
    self.target = target
    self.minimumProbability = minimumProbability
    self.falseAlarmProbability = falseAlarmProbability
  }

  /// The kernel's limits for a radar of `type`, as the studies set them; nil when it cannot see the target at all
  /// (a secondary radar and a silent transponder).
  public func limits(for type: RadarType) -> CoverageLimits? {
    let range = type.coverageRange(
      of: target, minimumProbability: minimumProbability, falseAlarmProbability: falseAlarmProbability)
    guard range > 0 else { return nil }
    return CoverageLimits(maximumRange: range, elevations: type.elevationLimits.value)
  }
}
