import RadarModels

/// How the command builds tracks, classifies them and applies Peru's Law 30339 once an interceptor is beside the
/// target.
public struct InterdictionRules: Sendable, Equatable {
  /// Confirm a track on `confirmHits` detections out of the last `confirmWindow` scans that had the target in range.
  public var confirmHits: Int
  public var confirmWindow: Int
  /// Drop a track after this many consecutive in-range misses.
  public var dropAfterMisses: Int
  /// Time in track (summed over the fragments of one re-associated track) to classify it as suspect, seconds, per
  /// network configuration id, when every cue is there: no flight plan, no squawk, entry from Bolivia seen.
  public var classificationTime: [NetworkConfiguration.ID: Sourced<Double>]
  /// When a new fragment continues a dropped track.
  public var reassociation: TrackReassociation
  /// How missing cues lengthen the time in track needed to classify.
  public var evidence: ClassificationEvidence
  /// Law 30339 phases after the interceptor reaches the target, seconds: identification; intervention and persuasion;
  /// authorisation to neutralise.
  public var identification: Sourced<Double>
  public var interventionAndPersuasion: Sourced<Double>
  public var authorisation: Sourced<Double>
  /// Factor on the phase times when the interceptor cannot fly as slowly as the target (orbits, S-turns).
  public var fastJetPenalty: Sourced<Double>
  /// How long a pair searches with its own sensor around the predicted position before it gives up, seconds.
  public var searchTime: Sourced<Double>
  /// Alert pairs each station holds (a whole number, at least one).
  public var alertPairsPerStation: Sourced<Double>
  /// Time from a pair's landing back home to its being on alert again (refuel, re-arm, crew), seconds.
  public var turnaround: Sourced<Double>

  /// The search time a scenario that names none gets: 15 minutes.
  public static let defaultSearchTime = Sourced(
    900.0, .assumption("a quarter of an hour of search around the predicted position"))
  /// The alert pairs per station a scenario that names none gets: one.
  public static let defaultAlertPairsPerStation = Sourced(1.0, .assumption("one alert pair per station"))
  /// The turnaround a scenario that names none gets: one hour.
  public static let defaultTurnaround = Sourced(3_600.0, .assumption("an hour to refuel, re-arm and re-crew"))

  /// Creates rules; `reassociation` and `evidence` default to none (every fragment a new track; no cue changes the
  /// classification time).
  public init(
    confirmHits: Int, confirmWindow: Int, dropAfterMisses: Int,
    classificationTime: [NetworkConfiguration.ID: Sourced<Double>],
    reassociation: TrackReassociation = .none, evidence: ClassificationEvidence = .none,
    identification: Sourced<Double>, interventionAndPersuasion: Sourced<Double>, authorisation: Sourced<Double>,
    fastJetPenalty: Sourced<Double>, searchTime: Sourced<Double> = defaultSearchTime,
    alertPairsPerStation: Sourced<Double> = defaultAlertPairsPerStation, turnaround: Sourced<Double> = defaultTurnaround
  ) {
    self.confirmHits = confirmHits
    self.confirmWindow = confirmWindow
    self.dropAfterMisses = dropAfterMisses
    self.classificationTime = classificationTime
    self.reassociation = reassociation
    self.evidence = evidence
    self.identification = identification
    self.interventionAndPersuasion = interventionAndPersuasion
    self.authorisation = authorisation
    self.fastJetPenalty = fastJetPenalty
    self.searchTime = searchTime
    self.alertPairsPerStation = alertPairsPerStation
    self.turnaround = turnaround
  }

  /// Total time of the phases for an interceptor whose lowest escort speed is `escort` beside a target at `target`.
  public func phaseTime(escortSpeed escort: Double, targetSpeed target: Double) -> Double {
    let total = identification.value + interventionAndPersuasion.value + authorisation.value
    return escort > target ? total * fastJetPenalty.value : total
  }
}
