import Foundation
import RadarModels

/// When each radar is down, in campaign time (seconds from the start of day 0, see `SimulatedDays`).
///
/// Each radar alternates between up and down as a stationary alternating renewal process with exponentially
/// distributed durations (an assumption): mean down time the type's MTTR, mean up time MTTR · A / (1 − A), so the
/// long-run up fraction is the availability A, and at any moment the radar is up with probability A. Exponential
/// durations make it a two-state Markov chain, which lets the timeline be generated lazily and exactly: the state at
/// every midnight is drawn top-down on a binary tree of days (each midnight conditioned on the two around it, with
/// a counter per radar and midnight), and a day's switches are drawn forward from its first midnight's state and
/// kept only when they end in the next midnight's state. So the timeline is a function of the seed and the radar
/// alone: every flight of a day, whichever thread simulates it, sees the same outages, and an outage that outlasts
/// midnight is still there the next morning.
package struct OutageTimeline: Sendable {
  /// One radar's process; rates per second.
  struct Process: Sendable {
    /// Long-run up fraction.
    var availability: Double
    /// Rate of failure while up, and of repair while down.
    var failureRate: Double
    var repairRate: Double

    /// Probability of being up `seconds` after being up (`from` true) or down.
    func upProbability(from up: Bool, after seconds: Double) -> Double {
      let mixing = -expm1(-(failureRate + repairRate) * seconds)
      return up ? 1 - (1 - availability) * mixing : availability * mixing
    }

    /// Probability of state `to` `seconds` after state `from`.
    func probability(from: Bool, to: Bool, after seconds: Double) -> Double {
      let up = upProbability(from: from, after: seconds)
      return to ? up : 1 - up
    }
  }

  /// How a radar behaves: always up, always down, or alternating.
  enum Behaviour: Sendable {
    case alwaysUp, alwaysDown
    case alternating(Process)
  }

  let behaviours: [Behaviour]
  let random: CounterRandom

  /// Half the days of the tree of midnights: midnights from day −2³⁰ to day 2³⁰ are drawn on it.
  static let halfSpan = 1 << 30
  /// Tries at a day's switches before the fallback (a single switch at noon, only when the two midnights differ).
  static let maximumTries = 100_000

  /// The timeline of radars of `types` (in the world's order), drawn from `random`'s seed.
  package init(types: [RadarType], random: CounterRandom) {
    self.random = random
    behaviours = types.map { type in
      let availability = type.availability.value
      let repair = type.meanTimeToRepair.value * 3_600
      if availability >= 1 { return .alwaysUp }
      if availability <= 0 { return .alwaysDown }
      // With no repair time the outages are instantaneous: the radar is as good as always up.
      guard repair > 0 else { return .alwaysUp }
      return .alternating(
        Process(
          availability: availability, failureRate: (1 - availability) / (availability * repair),
          repairRate: 1 / repair))
    }
  }

  /// Whether `radar` is up at campaign time `time`.
  package func isUp(radar: Int, at time: Double) -> Bool {
    !downIntervals(radar: radar, from: time, to: time).contains { $0.lowerBound <= time && time < $0.upperBound }
  }

  /// The outages of `radar` that overlap [`start`, `end`] in campaign time, in time order, clipped to the days that
  /// hold the span (an outage running over a midnight comes as one interval).
  package func downIntervals(radar: Int, from start: Double, to end: Double) -> [Range<Double>] {
    let firstDay = Int((start / SimulatedDays.length).rounded(.down))
    let lastDay = Int((max(end, start) / SimulatedDays.length).rounded(.down))
    var result: [Range<Double>] = []
    for day in firstDay...lastDay {
      for outage in downIntervals(radar: radar, day: day) {
        if let last = result.last, last.upperBound == outage.lowerBound {
          result[result.count - 1] = last.lowerBound..<outage.upperBound
        } else {
          result.append(outage)
        }
      }
    }
    return result.filter { $0.upperBound >= start && $0.lowerBound <= end }
  }

  /// The outages of `radar` within day `day`, in campaign time, in time order.
  func downIntervals(radar: Int, day: Int) -> [Range<Double>] {
    let dayStart = Double(day) * SimulatedDays.length
    let dayEnd = dayStart + SimulatedDays.length
    switch behaviours[radar] {
    case .alwaysUp: return []
    case .alwaysDown: return [dayStart..<dayEnd]
    case .alternating(let process):
      let first = midnight(radar: radar, day: day, process: process)
      let last = midnight(radar: radar, day: day + 1, process: process)
      var switches: [Double] = []
      var found = false
      for attempt in 0..<Self.maximumTries {
        switches = []
        var up = first
        var time = dayStart
        while true {
          let draw = random.uniform(flight: radar, .outageSwitch, day, (attempt << 32) | switches.count)
          time += -log1p(-draw) / (up ? process.failureRate : process.repairRate)
          guard time < dayEnd else { break }
          switches.append(time)
          up.toggle()
        }
        if up == last {
          found = true
          break
        }
      }
      if !found { switches = first == last ? [] : [dayStart + SimulatedDays.length / 2] }
      var result: [Range<Double>] = []
      var up = first
      var since = dayStart
      for time in switches + [dayEnd] {
        if !up && time > since { result.append(since..<time) }
        up.toggle()
        since = time
      }
      return result
    }
  }

  /// Whether `radar` is up at the start of day `day`, drawn on the tree of midnights.
  func midnight(radar: Int, day: Int, process: Process) -> Bool {
    let target = min(max(day, -Self.halfSpan), Self.halfSpan) + Self.halfSpan
    let seconds = { (days: Int) in Double(days) * SimulatedDays.length }
    var low = 0
    var high = 2 * Self.halfSpan
    // The tree's first midnight is in the stationary state; its last is conditioned on the first.
    var lowUp = random.uniform(flight: radar, .outageMidnight, low) < process.availability
    if target == low { return lowUp }
    var highUp =
      random.uniform(flight: radar, .outageMidnight, high)
      < process.upProbability(from: lowUp, after: seconds(high - low))
    while target != high {
      let middle = (low + high) / 2
      // Up at the middle, given the states at both ends (a Markov bridge).
      let before = process.upProbability(from: lowUp, after: seconds(middle - low))
      let through = process.probability(from: true, to: highUp, after: seconds(high - middle))
      let whole = process.probability(from: lowUp, to: highUp, after: seconds(high - low))
      let chance = whole > 0 ? before * through / whole : before
      let middleUp = random.uniform(flight: radar, .outageMidnight, middle) < chance
      if target == middle { return middleUp }
      if target < middle {
        high = middle
        highUp = middleUp
      } else {
        low = middle
        lowUp = middleUp
      }
    }
    return highUp
  }
}
