import Foundation

/// The difference in P(intercept) between two basings flown against the same flights (common random numbers), with a
/// 95 % normal interval on the per-flight differences (each −1, 0 or +1): mean ± 1.96 · s / √n. Pairing removes the
/// flights both catch or both miss from the spread, so the interval is narrower than one that treats the two runs as
/// independent samples (`unpairedHalfWidth`). It still treats flights as independent; flights of one day share alert
/// pairs and radar outages, so the true spread between seeds is somewhat wider (see README, *Monte Carlo*).
public struct PairedDifference: Sendable, Equatable {
  /// Mean per-flight difference: P(intercept) of `minuend` less that of `subtrahend`.
  public var estimate: Double
  public var low: Double
  public var high: Double
  /// Flights on which the two differ (the only ones that carry information about the difference).
  public var discordant: Int

  /// The difference `minuend` − `subtrahend`, flight by flight; both must cover the same flights.
  public init(_ minuend: BasingTrial, _ subtrahend: BasingTrial) {
    precondition(minuend.intercepted.count == subtrahend.intercepted.count, "paired trials cover different flights")
    let n = Double(max(minuend.intercepted.count, 1))
    var sum = 0.0
    var squares = 0.0
    var discordant = 0
    for (a, b) in zip(minuend.intercepted, subtrahend.intercepted) where a != b {
      let d = a ? 1.0 : -1.0
      sum += d
      squares += d * d
      discordant += 1
    }
    let mean = sum / n
    let variance = n > 1 ? max(0, (squares - n * mean * mean) / (n - 1)) : 0
    let half = 1.96 * (variance / n).squareRoot()
    estimate = mean
    low = mean - half
    high = mean + half
    self.discordant = discordant
  }

  /// Half the width of the 95 % normal interval the same difference would get if the two trials were independent
  /// samples: 1.96 · √(p₁(1−p₁)/n + p₂(1−p₂)/n). For comparison with the paired interval.
  public static func unpairedHalfWidth(_ minuend: BasingTrial, _ subtrahend: BasingTrial) -> Double {
    let n = Double(max(minuend.intercepted.count, 1))
    let p1 = Double(minuend.interceptions) / n
    let p2 = Double(subtrahend.interceptions) / n
    return 1.96 * ((p1 * (1 - p1) + p2 * (1 - p2)) / n).squareRoot()
  }
}
