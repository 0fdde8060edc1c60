import Foundation

/// Per-scan detection probability of a fluctuating (Swerling 1) target, calibrated by one number: the range R50 at
/// which a 1 m² target is detected with probability 0.5.
///
/// For Swerling 1 the per-scan probability is `Pd = Pfa^(1/(1 + SNR))` (closed form; Skolnik, *Radar Handbook*,
/// ch. 2). The radar equation gives `SNR ∝ σ / R⁴`, so with `SNR50` the signal-to-noise ratio that yields Pd = 0.5,
/// `SNR(R, σ) = SNR50 · σ · (R50 / R)⁴` and detection ranges scale as `σ^(1/4)`.
public struct SwerlingOneDetection: Sendable, Equatable {
  /// Range in metres at which a 1 m² target is detected with probability 0.5 per scan.
  public var r50ForOneSquareMetre: Double
  /// Probability of false alarm per resolution cell.
  public var falseAlarmProbability: Double

  /// Creates a model; R50 and Pfa must be positive, Pfa below 1.
  public init(r50ForOneSquareMetre: Double, falseAlarmProbability: Double = 1e-6) {
    precondition(r50ForOneSquareMetre > 0 && falseAlarmProbability > 0 && falseAlarmProbability < 1)
    self.r50ForOneSquareMetre = r50ForOneSquareMetre
    self.falseAlarmProbability = falseAlarmProbability
  }

  /// The signal-to-noise ratio (linear) at which the per-scan probability is `pd`.
  public func signalToNoise(forProbability pd: Double) -> Double {
    log(falseAlarmProbability) / log(pd) - 1
  }

  /// Per-scan probability of detecting a target of `rcs` m² at `range` metres.
  public func probability(range: Double, rcs: Double) -> Double {
    guard range > 0 else { return 1 }
    let ratio = r50ForOneSquareMetre / range
    let snr = signalToNoise(forProbability: 0.5) * rcs * ratio * ratio * ratio * ratio
    return pow(falseAlarmProbability, 1 / (1 + snr))
  }

  /// The range in metres within which a target of `rcs` m² is detected with per-scan probability at least `pd`.
  public func range(forProbability pd: Double, rcs: Double) -> Double {
    let ratio = signalToNoise(forProbability: 0.5) * rcs / signalToNoise(forProbability: pd)
    return r50ForOneSquareMetre * pow(ratio, 0.25)
  }

  /// The model whose per-scan probability is `pd` for a target of `rcs` m² at `range` metres (calibration from
  /// a requirement such as "Pd 0.75 on a fighter-size target at 370 km").
  public static func calibrated(
    probability pd: Double, rcs: Double, range: Double, falseAlarmProbability: Double = 1e-6
  ) -> SwerlingOneDetection {
    let unit = SwerlingOneDetection(r50ForOneSquareMetre: 1, falseAlarmProbability: falseAlarmProbability)
    let ratio = unit.signalToNoise(forProbability: pd) / (unit.signalToNoise(forProbability: 0.5) * rcs)
    return SwerlingOneDetection(
      r50ForOneSquareMetre: range * pow(ratio, 0.25), falseAlarmProbability: falseAlarmProbability)
  }
}
