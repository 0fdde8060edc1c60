import InterdictionModels
import RadarModels

/// What the military command knows of one flight under one network configuration: when it first hears of it, the
/// confirmed track fragments it holds (re-associated into tracks when a fragment resumes where a dropped one was
/// heading), and when it classifies the flight as suspect, from the evidence accumulated on live plots (fused
/// real-time radars) or from a late, stale voice report.
package struct AirPicture: Sendable {
  /// A confirmed track fragment held on the live picture from `confirmed` until `dropped`.
  package struct Track: Sendable {
    package var confirmed: Double
    package var dropped: Double
    /// The re-associated track it belongs to (0, 1, … in order of first confirmation).
    package var trackNumber: Int
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
  /// Fragments held on the live picture, in time order.
  package var tracks: [Track]
  /// Voice reports that reached the command: (arrival time, time of the position they carry).
  package var reports: [(arrival: Double, knownAt: Double)]
  package var classification: Classification? { classifications.first }
  /// Every moment the command could classify the flight, in time order: per track, when its evidence suffices and
  /// then each later fragment's confirmation (the track is known to be suspect); per voice report, its classification.
  package var classifications: [Classification]

  /// Whether the command ever held a confirmed track or received a track by voice.
  package var hasTrack: Bool { !tracks.isEmpty || !reports.isEmpty }

  /// Whether the live picture holds a confirmed track of the flight at `time` (inside a held fragment, not in the
  /// gaps between re-associated ones): what the command can know at that moment, without looking ahead.
  package func isLive(at time: Double) -> Bool {
    tracks.contains { $0.confirmed <= time && time <= $0.dropped }
  }

  /// When the command last knew where the flight was (the end of its last fragment, or its latest report).
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
    let classifier = { (latency: Double) in
      SuspectClassification(
        baseTime: rules.classificationTime[configuration.id]?.value ?? 0, evidence: rules.evidence,
        secondary: radars.map { $0.type.role == .secondary }, latency: latency)
    }
    // The live picture fuses every real-time radar's scans into one track at a time.
    let live = history.scans.filter { realTime[$0.radar] }
    let coast = Self.coastingLimit(radars.indices.filter { realTime[$0] }.map { radars[$0] }, rules: rules)
    let fragments = Self.fragments(of: live, rules: rules, latency: latency, coast: coast)
    let numbers = TrackAssociation.tracks(
      of: fragments, rule: rules.reassociation, earthRadius: history.earthRadius)
    tracks = zip(fragments, numbers).map { Track(confirmed: $0.confirmed, dropped: $0.dropped, trackNumber: $1) }
    firstDetection = live.first { $0.detected }.map { $0.time + latency }
    var candidates: [Classification] = []
    for number in 0..<(numbers.max().map { $0 + 1 } ?? 0) {
      let own = fragments.indices.filter { numbers[$0] == number }.map { fragments[$0] }
      guard let classified = classifier(latency).classify(own) else { continue }
      let holding = own[classified.fragment]
      candidates.append(
        Classification(time: classified.time, liveUntil: holding.dropped, knownAt: holding.dropped))
      for later in own[(classified.fragment + 1)...] {
        candidates.append(Classification(time: later.confirmed, liveUntil: later.dropped, knownAt: later.dropped))
      }
    }
    // Each relayed radar keeps its own track; its confirmation may reach the command by voice, late.
    reports = []
    if let relay = configuration.voiceRelay {
      var reportDelays: [Double] = []
      for radar in radars.indices where relayed[radar] {
        let own = history.scans.filter { $0.radar == radar }
        let coast = Self.coastingLimit([radars[radar]], rules: rules)
        guard let first = Self.fragments(of: own, rules: rules, latency: 0, coast: coast).first else { continue }
        guard random.uniform(flight: index, .relayPassed, radar) < relay.probability.value else { continue }
        reports.append((first.confirmed + relay.delay.value, first.confirmed))
        reportDelays.append(classifier(0).reportDelay(first))
      }
      for (report, delay) in zip(reports, reportDelays) {
        candidates.append(Classification(time: report.arrival + delay, liveUntil: nil, knownAt: report.knownAt))
      }
      reports.sort { $0.arrival < $1.arrival }
      if let report = reports.first { firstDetection = min(firstDetection ?? .infinity, report.arrival) }
    }
    classifications = candidates.sorted { $0.time < $1.time }
  }

  /// How long a track coasts without a detection before it is dropped: the drop count times the slowest scan.
  static func coastingLimit(_ radars: [RadarPlacement], rules: InterdictionRules) -> Double {
    Double(rules.dropAfterMisses) * (radars.map(\.type.scanPeriod.value).max() ?? 10)
  }

  /// The fragments a tracker under `rules` holds from scans in time order (see `TrackFragment.fragments`).
  static func fragments(
    of scans: [DetectionHistory.Scan], rules: InterdictionRules, latency: Double, coast: Double
  ) -> [TrackFragment] {
    TrackFragment.fragments(
      of: scans, confirmHits: rules.confirmHits, confirmWindow: rules.confirmWindow,
      dropAfterMisses: rules.dropAfterMisses, latency: latency, coast: coast)
  }
}
