import RadarModels

/// Cues that change the time in track needed to classify a track as suspect. The configuration's classification time
/// holds when the track shows every cue (no flight plan, which none of these flights files; no squawk; entry from
/// Bolivia seen); each cue missing multiplies it.
public struct ClassificationEvidence: Sendable, Equatable {
  /// Factor when the track carries a transponder code (a secondary radar's plot is in it).
  public var squawkFactor: Sourced<Double>
  /// Factor until the track has been seen outside Peru and then inside it.
  public var entryUnseenFactor: Sourced<Double>

  public init(squawkFactor: Sourced<Double>, entryUnseenFactor: Sourced<Double>) {
    self.squawkFactor = squawkFactor
    self.entryUnseenFactor = entryUnseenFactor
  }

  /// No cue changes the classification time.
  public static let none = ClassificationEvidence(
    squawkFactor: Sourced(1, .assumption("no evidence model")),
    entryUnseenFactor: Sourced(1, .assumption("no evidence model")))
}
