import Interdiction

/// The difference of two proportions (`minuend` − `subtrahend`) with Newcombe's hybrid score interval built from
/// their 95 % Wilson intervals (Newcombe 1998, method 10). It treats the two as independent samples; the runs share
/// their flights and random draws (common random numbers), so the true interval is narrower: this one is conservative.
struct ProportionDifference: Equatable {
  var estimate: Double
  var low: Double
  var high: Double

  init(_ minuend: ComparisonTable.Interval, minus subtrahend: ComparisonTable.Interval) {
    let difference = minuend.estimate - subtrahend.estimate
    let below =
      ((minuend.estimate - minuend.low) * (minuend.estimate - minuend.low)
      + (subtrahend.high - subtrahend.estimate) * (subtrahend.high - subtrahend.estimate)).squareRoot()
    let above =
      ((minuend.high - minuend.estimate) * (minuend.high - minuend.estimate)
      + (subtrahend.estimate - subtrahend.low) * (subtrahend.estimate - subtrahend.low)).squareRoot()
    estimate = difference
    low = max(-1, difference - below)
    high = min(1, difference + above)
  }

  /// Whether the interval excludes zero.
  var isClear: Bool { low > 0 || high < 0 }
}
