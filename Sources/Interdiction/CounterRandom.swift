/// Stateless, seeded random numbers: each draw is a hash of (seed, flight, purpose, index), so results do not depend
/// on thread count or evaluation order, and every network configuration sees the same draws for the same flight.
package struct CounterRandom: Sendable, Equatable {
  /// The run's seed.
  package var seed: UInt64

  /// Creates a generator.
  package init(seed: UInt64) { self.seed = seed }

  /// What a draw is for; keeps the streams of different decisions apart. (`radarUp` is no longer drawn: outages
  /// come from `OutageTimeline`, indexed by radar, not flight; it stays so that later purposes keep their values.)
  package enum Purpose: UInt64, Sendable {
    case aircraftType = 1, origin, destination, returnArea, entryTime, jitter, transponder, groundTime
    case radarUp, detection, relayPassed, alertReady
    case outageMidnight, outageSwitch
    case plannedRoute
  }

  /// A uniform number in [0, 1) for `purpose` of `flight`, indexed by `a` and `b`.
  package func uniform(flight: Int, _ purpose: Purpose, _ a: Int = 0, _ b: Int = 0) -> Double {
    var z = seed &* 0x9E37_79B9_7F4A_7C15
    for value in [
      UInt64(truncatingIfNeeded: flight), purpose.rawValue, UInt64(truncatingIfNeeded: a),
      UInt64(truncatingIfNeeded: b),
    ] {
      z = Self.mix(z ^ (value &+ 0x632B_E59B_D9B4_E019))
    }
    return Double(z >> 11) / Double(UInt64(1) << 53)
  }

  /// SplitMix64's finaliser.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
