/// Times in seconds (from the border crossing), counted as flights complete so that nearest-rank percentiles come out
/// exactly as sorting every value would give them, in memory that does not grow with the number of flights.
///
/// Values are counted exactly (one entry per distinct value) while there are at most `distinctLimit` distinct values.
/// Interception times are differences of flight-sample times (a 20 s grid), so they have a few thousand distinct
/// values at most and always stay exact. Detection times carry each radar's random scan phase and are all distinct:
/// past the limit the tally keeps only counts per whole second, which locate the second holding each percentile and
/// the value's rank inside it; `MonteCarlo` then replays the flights (every draw is a function of seed and flight) to
/// collect the few exact values of that second.
public struct SecondsTally: Sendable {
  /// The default limit on distinct values kept exactly (about 20 MB of dictionary at most).
  public static let defaultDistinctLimit = 1 << 19

  /// Values counted.
  public private(set) var count = 0
  private var exact: [Double: Int] = [:]
  private var perSecond: [Int: Int]?
  private let distinctLimit: Int

  /// An empty tally that keeps up to `distinctLimit` distinct values exactly.
  public init(distinctLimit: Int = Self.defaultDistinctLimit) {
    self.distinctLimit = max(distinctLimit, 0)
  }

  /// Counts one value.
  public mutating func add(_ seconds: Double) {
    count += 1
    if perSecond != nil {
      perSecond![Self.second(of: seconds), default: 0] += 1
      return
    }
    exact[seconds, default: 0] += 1
    if exact.count > distinctLimit {
      var bins: [Int: Int] = [:]
      for (value, number) in exact { bins[Self.second(of: value), default: 0] += number }
      exact = [:]
      perSecond = bins
    }
  }

  /// Whether only counts per second are kept, so that percentiles need a replay of the flights.
  public var needsReplay: Bool { perSecond != nil }

  /// The 0-based position of the `fraction` percentile among `count` sorted values (nearest rank).
  public static func rank(_ fraction: Double, count: Int) -> Int {
    min(count - 1, max(0, Int((fraction * Double(count)).rounded(.up)) - 1))
  }

  /// The whole second a value falls in (its floor).
  public static func second(of seconds: Double) -> Int { Int(seconds.rounded(.down)) }

  /// The exact `fraction` percentile (nearest rank), nil when nothing was counted or only counts per second are kept.
  public func percentile(_ fraction: Double) -> Double? {
    guard count > 0, perSecond == nil else { return nil }
    var remaining = Self.rank(fraction, count: count)
    for value in exact.keys.sorted() {
      let number = exact[value]!
      if remaining < number { return value }
      remaining -= number
    }
    return nil
  }

  /// Where the `fraction` percentile lies when only counts per second are kept: its second, and its 0-based rank
  /// among the values of that second. Nil when nothing was counted or values are kept exactly.
  public func percentileLocation(_ fraction: Double) -> (second: Int, rank: Int)? {
    guard count > 0, let perSecond else { return nil }
    var remaining = Self.rank(fraction, count: count)
    for second in perSecond.keys.sorted() {
      let number = perSecond[second]!
      if remaining < number { return (second, remaining) }
      remaining -= number
    }
    return nil
  }
}
