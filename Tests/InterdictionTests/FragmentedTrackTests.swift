import CoverageKernel
import Interdiction
import InterdictionModels
import RadarModels
import Testing

/// A picture that accumulates evidence: a flight held in three fragments, each shorter than the classification time,
/// is classified once the fragments' summed time in track reaches it, provided each fragment resumes near where the
/// last one was heading; fragments that do not are separate tracks and earn nothing from each other.
@Suite struct FragmentedTrackTests {
  static let radars = SyntheticTheatre.radars()
  /// The integrated configuration: the border primary (radar 0) is real time; 5 s of fusion latency.
  static let configuration = SyntheticTheatre.network(radars: radars).networks[1]
  static let classificationTime = 600.0
  static let speed = 80.0
  static let radius = EarthModel.meanRadius
  /// Detecting spans, seconds: each held about 230 s, together about 690 s.
  static let held: [ClosedRange<Double>] = [0...240, 400...640, 800...1_040]

  static func rules(reassociation: TrackReassociation, evidence: ClassificationEvidence = .none) -> InterdictionRules {
    let time = SyntheticTheatre.fact(classificationTime)
    return InterdictionRules(
      confirmHits: 2, confirmWindow: 3, dropAfterMisses: 6,
      classificationTime: ["non-integrated": time, "integrated": time], reassociation: reassociation,
      evidence: evidence, identification: SyntheticTheatre.fact(480),
      interventionAndPersuasion: SyntheticTheatre.fact(900), authorisation: SyntheticTheatre.fact(600),
      fastJetPenalty: SyntheticTheatre.fact(1.5))
  }

  static let gating = TrackReassociation(
    gate: SyntheticTheatre.fact(5_000), gateGrowth: SyntheticTheatre.fact(25), maximumGap: SyntheticTheatre.fact(1_200))

  /// A target flying due west along 12.5° S at `speed` from 69.3° W (in "Bolivia", crossing into "Peru" at 69.5° W),
  /// scanned every 10 s by the border primary: detected inside `held`, missed in between. Fragment `n` (from 0) is
  /// displaced `offset(n)` metres north of the true course.
  static func history(offset: (Int) -> Double = { _ in 0 }) -> DetectionHistory {
    var scans: [DetectionHistory.Scan] = []
    for step in 0...110 {
      let time = Double(step) * 10
      let fragment = held.firstIndex { $0.contains(time) }
      let west = Geodesy.destination(
        latitude: -12.5, longitude: -69.3, azimuth: 1.5 * .pi, distance: speed * time, radius: radius)
      let point = Geodesy.destination(
        latitude: west.latitude, longitude: west.longitude, azimuth: 0,
        distance: fragment.map(offset) ?? 0, radius: radius)
      scans.append(
        DetectionHistory.Scan(
          time: time, radar: 0, visible: true, detected: fragment != nil, latitude: point.latitude,
          longitude: point.longitude, insidePeru: point.longitude < -69.5))
    }
    return DetectionHistory(scans: scans, downtime: radars.map { _ in [] }, earthRadius: radius)
  }

  static func picture(_ history: DetectionHistory, _ rules: InterdictionRules) -> AirPicture {
    AirPicture(
      flight: 0, history: history, configuration: configuration, radars: radars, rules: rules,
      random: CounterRandom(seed: 1))
  }

  @Test func aFlightHeldInThreeShortFragmentsIsClassifiedOnTheirSummedTime() {
    let picture = Self.picture(Self.history(), Self.rules(reassociation: Self.gating))
    let fragments = picture.tracks
    #expect(fragments.count == 3)
    // Every fragment on its own is too short to classify.
    #expect(fragments.allSatisfy { $0.dropped - $0.confirmed < Self.classificationTime })
    #expect(fragments.map(\.trackNumber) == [0, 0, 0])
    let before = fragments[0..<2].map { $0.dropped - $0.confirmed }.reduce(0, +)
    let expected = fragments[2].confirmed + Self.classificationTime - before
    #expect(expected < fragments[2].dropped)
    let first = picture.classifications.first
    #expect(first.map { abs($0.time - expected) < 1e-9 } == true)
    #expect(first?.liveUntil == fragments[2].dropped)
    // Live across the held fragments, not across the gaps between them.
    #expect(picture.isLive(at: fragments[1].confirmed + 1))
    #expect(!picture.isLive(at: (fragments[0].dropped + fragments[1].confirmed) / 2))
  }

  @Test func withoutReassociationTheSameFragmentsAreNeverClassified() {
    let picture = Self.picture(Self.history(), Self.rules(reassociation: .none))
    #expect(picture.tracks.count == 3)
    #expect(picture.tracks.map(\.trackNumber) == [0, 1, 2])
    #expect(picture.classifications.isEmpty)
  }

  @Test func fragmentsFarFromThePredictionAreNotMerged() {
    // 30 km off the dead-reckoned course: outside a gate of 5 km + 25 m/s × under 3 minutes (under 10 km).
    let picture = Self.picture(Self.history { Double($0) * 30_000 }, Self.rules(reassociation: Self.gating))
    #expect(picture.tracks.map(\.trackNumber) == [0, 1, 2])
    #expect(picture.classifications.isEmpty)
    // A gap longer than the maximum is not bridged either, however close the plot.
    let short = TrackReassociation(
      gate: Self.gating.gate, gateGrowth: Self.gating.gateGrowth, maximumGap: SyntheticTheatre.fact(60))
    let unbridged = Self.picture(Self.history(), Self.rules(reassociation: short))
    #expect(unbridged.tracks.map(\.trackNumber) == [0, 1, 2])
  }

  @Test func missingCuesLengthenTheTimeInTrackNeeded() {
    let rules = Self.rules(
      reassociation: Self.gating,
      evidence: ClassificationEvidence(
        squawkFactor: SyntheticTheatre.fact(1.5), entryUnseenFactor: SyntheticTheatre.fact(1.5)))
    // The crossing into Peru is seen as the second fragment starts, before the summed time is reached: classified
    // as without any evidence model.
    let seen = Self.picture(Self.history(), rules)
    #expect(
      seen.classifications.first?.time
        == Self.picture(Self.history(), Self.rules(reassociation: Self.gating))
        .classifications.first?.time)
    // Seen only inside Peru: 1.5 × 600 s of summed time in track, more than the three fragments hold.
    var inside = Self.history()
    for index in inside.scans.indices { inside.scans[index].insidePeru = true }
    let unseen = Self.picture(inside, rules)
    let total = unseen.tracks.map { $0.dropped - $0.confirmed }.reduce(0, +)
    #expect(total >= Self.classificationTime && total < 1.5 * Self.classificationTime)
    #expect(unseen.classifications.isEmpty)
  }
}
