import InterdictionModels
import RadarModels

/// What the military command knows of one flight under one network configuration: when it first hears of it, when a
/// track is confirmed and held, and when it is classified as suspect, from live plots (fused real-time radars) or
/// from a late, stale voice report.
package struct AirPicture: Sendable {
  /// A confirmed track held on the live picture from `confirmed` until `dropped`.
  package struct Track: Sendable {
    package var confirmed: Double
    package var dropped: Double
  }

  /// The moment the command classifies the flight as suspect, and what it knows then.
  package struct Classification: Sendable {
    package var time: Double
    /// Live tracks keep the position fresh until this time; a voice report's position is only as of `knownAt`.
    package var liveUntil: Double?
    package var knownAt: Double
  }

  /// First detection reaching the command (a live plot, or a passed voice report).
  package var firstDetection: Double?
  package var tracks: [Track]
  /// Voice reports that reached the command: (arrival time, time of the position they carry).
  package var reports: [(arrival: Double, knownAt: Double)]
  package var classification: Classification? { classifications.first }
  /// Every moment the command could classify the flight, in time order (one per held track and per report).
  package var classifications: [Classification]

  /// Whether the command ever held a confirmed track or received a track by voice.
  package var hasTrack: Bool { !tracks.isEmpty || !reports.isEmpty }

  /// Whether the live picture holds a confirmed track of the flight at `time`: what the command can know at that
  /// moment, without looking ahead.
  package func isLive(at time: Double) -> Bool {
    tracks.contains { $0.confirmed <= time && time <= $0.dropped }
  }

  /// When the command last knew where the flight was (the end of its last track, or its latest report).
  package var lastKnown: Double? {
    (tracks.map(\.dropped) + reports.map(\.knownAt)).max()
  }

  /// Builds the picture of flight `index` from its scans.
  package init(
    flight index: Int, history: DetectionHistory, configuration: NetworkConfiguration, radars: [RadarPlacement],
    rules: InterdictionRules, random: CounterRandom
  ) {
    let realTime = radars.map { configuration.isRealTime($0) }
    let relayed = radars.map { configuration.isRelayed($0) }
    let latency = configuration.fusionLatency.value
    // The live picture fuses every real-time radar's scans into one track.
    let live = history.scans.filter { realTime[$0.radar] }
    let coast = Self.coastingLimit(radars.indices.filter { realTime[$0] }.map { radars[$0] }, rules: rules)
    tracks = Self.tracks(of: live, rules: rules, latency: latency, coast: coast)
    firstDetection = live.first { $0.detected }.map { $0.time + latency }
    // Each relayed radar keeps its own track; its confirmation may reach the command by voice, late.
    reports = []
    if let relay = configuration.voiceRelay {
      for radar in radars.indices where relayed[radar] {
        let own = history.scans.filter { $0.radar == radar }
        let coast = Self.coastingLimit([radars[radar]], rules: rules)
        guard let first = Self.tracks(of: own, rules: rules, latency: 0, coast: coast).first else { continue }
        guard random.uniform(flight: index, .relayPassed, radar) < relay.probability.value else { continue }
        reports.append((first.confirmed + relay.delay.value, first.confirmed))
      }
      reports.sort { $0.arrival < $1.arrival }
      if let report = reports.first { firstDetection = min(firstDetection ?? .infinity, report.arrival) }
    }
    let delay = rules.classificationTime[configuration.id]?.value ?? 0
    var candidates: [Classification] = []
    for held in tracks where held.confirmed + delay <= held.dropped {
      candidates.append(Classification(time: held.confirmed + delay, liveUntil: held.dropped, knownAt: held.dropped))
    }
    for report in reports {
      candidates.append(Classification(time: report.arrival + delay, liveUntil: nil, knownAt: report.knownAt))
    }
    classifications = candidates.sorted { $0.time < $1.time }
  }

  /// How long a track coasts without a detection before it is dropped: the drop count times the slowest scan.
  static func coastingLimit(_ radars: [RadarPlacement], rules: InterdictionRules) -> Double {
    Double(rules.dropAfterMisses) * (radars.map(\.type.scanPeriod.value).max() ?? 10)
  }

  /// Confirmed-track intervals from scans in time order. Only scans with line of sight are detection opportunities
  /// (a fused tracker knows its radars' coverage): confirm on `confirmHits` of the last `confirmWindow` of them; drop
  /// after `dropAfterMisses` of them missed in a row, or after `coast` seconds without a detection.
  static func tracks(of scans: [DetectionHistory.Scan], rules: InterdictionRules, latency: Double, coast: Double)
    -> [Track]
  {
    var result: [Track] = []
    var window: [Bool] = []
    var confirmed: Double?
    var misses = 0
    var lastHit = 0.0
    for scan in scans {
      if let start = confirmed, scan.time - lastHit > coast {
        result.append(Track(confirmed: start, dropped: lastHit + latency))
        confirmed = nil
        window = []
      }
      guard scan.visible else { continue }
      if let start = confirmed {
        misses = scan.detected ? 0 : misses + 1
        if scan.detected { lastHit = scan.time }
        if misses >= rules.dropAfterMisses {
          result.append(Track(confirmed: start, dropped: lastHit + latency))
          confirmed = nil
          window = []
        }
      } else {
        window.append(scan.detected)
        if window.count > rules.confirmWindow { window.removeFirst() }
        if window.filter({ $0 }).count >= rules.confirmHits {
          confirmed = scan.time + latency
          lastHit = scan.time
          misses = 0
        }
      }
    }
    if let start = confirmed { result.append(Track(confirmed: start, dropped: lastHit + latency)) }
    return result
  }
}
