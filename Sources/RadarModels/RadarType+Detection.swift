/// What a radar type can see of a target, before terrain: per-scan probability and the range it covers.
extension RadarType {
  /// The Swerling 1 model of a primary radar (nil for secondary radars).
  public func detectionModel(falseAlarmProbability: Double) -> SwerlingOneDetection? {
    r50ForOneSquareMetre.map {
      SwerlingOneDetection(r50ForOneSquareMetre: $0.value, falseAlarmProbability: falseAlarmProbability)
    }
  }

  /// Per-scan probability of detecting `target` at `range` metres with line of sight, inside the instrumented range.
  public func detectionProbability(of target: TargetClass, range: Double, falseAlarmProbability: Double) -> Double {
    guard range <= instrumentedRange.value else { return 0 }
    switch role {
    case .secondary:
      return target.transponderOn ? (cooperativeDetection?.value ?? 0) : 0
    case .primary:
      return detectionModel(falseAlarmProbability: falseAlarmProbability)?.probability(
        range: range, rcs: target.radarCrossSection.value) ?? 0
    }
  }

  /// The range in metres within which `target` is detected with per-scan probability at least `pd` (given line of
  /// sight), capped at the instrumented range; 0 when the radar cannot see it at all (an SSR and a silent
  /// transponder).
  public func coverageRange(of target: TargetClass, minimumProbability pd: Double, falseAlarmProbability: Double)
    -> Double
  {
    switch role {
    case .secondary:
      guard target.transponderOn, (cooperativeDetection?.value ?? 0) >= pd else { return 0 }
      return instrumentedRange.value
    case .primary:
      guard let model = detectionModel(falseAlarmProbability: falseAlarmProbability) else { return 0 }
      return min(instrumentedRange.value, model.range(forProbability: pd, rcs: target.radarCrossSection.value))
    }
  }
}
