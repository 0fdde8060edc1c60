import RadarModels

/// When the command takes a new track fragment for the continuation of a dropped one: its first confirmed plot falls
/// within `gate + gateGrowth × gap` of the position dead-reckoned from the dropped track's last plot and velocity,
/// `gap` being the time since that plot and at most `maximumGap`.
public struct TrackReassociation: Sendable, Equatable {
  /// Gate radius at no gap, metres.
  public var gate: Sourced<Double>
  /// Growth of the gate radius with the gap, metres per second.
  public var gateGrowth: Sourced<Double>
  /// Longest gap bridged, seconds.
  public var maximumGap: Sourced<Double>

  public init(gate: Sourced<Double>, gateGrowth: Sourced<Double>, maximumGap: Sourced<Double>) {
    self.gate = gate
    self.gateGrowth = gateGrowth
    self.maximumGap = maximumGap
  }

  /// No re-association: every fragment is a new track.
  public static let none = TrackReassociation(
    gate: Sourced(0, .assumption("no re-association")), gateGrowth: Sourced(0, .assumption("no re-association")),
    maximumGap: Sourced(-1, .assumption("no re-association")))
}
