import InterdictionModels

/// When the command classifies one track as suspect from the evidence it has accumulated: the time in track summed
/// over the track's fragments must reach the configuration's classification time, multiplied by
/// `ClassificationEvidence`'s factor for each cue not yet seen (a squawk in the track; entry into Peru from outside
/// not yet seen). Evidence counts only while the track is held, and a plot counts from the moment it reaches the
/// picture.
struct SuspectClassification {
  var baseTime: Double
  var evidence: ClassificationEvidence
  /// Whether each radar is a secondary (its plots carry a transponder code).
  var secondary: [Bool]
  /// Delay from a scan to the picture.
  var latency: Double

  /// The moment `fragments` (one track's, in time order) earn classification, and the index of the fragment that
  /// holds it then; nil if they never do.
  func classify(_ fragments: [TrackFragment]) -> (time: Double, fragment: Int)? {
    let plots = fragments.flatMap(\.plots)
    let squawk = plots.first { secondary[$0.radar] }.map { $0.time + latency }
    let entry = entrySeen(plots)
    let required = { (time: Double) -> Double in
      var factor = 1.0
      if let squawk, squawk <= time { factor *= evidence.squawkFactor.value }
      if entry.map({ $0 > time }) ?? true { factor *= evidence.entryUnseenFactor.value }
      return baseTime * factor
    }
    var held = 0.0
    for (number, fragment) in fragments.enumerated() {
      let changes = [squawk, entry].compactMap { $0 }.filter { $0 > fragment.confirmed && $0 < fragment.dropped }
      let bounds = [fragment.confirmed] + changes.sorted() + [fragment.dropped]
      for (start, end) in zip(bounds, bounds.dropFirst()) {
        let sofar = held + (start - fragment.confirmed)
        let needed = required(start)
        if sofar >= needed { return (start, number) }
        if sofar + (end - start) >= needed { return (start + needed - sofar, number) }
      }
      held += fragment.dropped - fragment.confirmed
    }
    return nil
  }

  /// The time, on the picture, of the first plot inside Peru after a plot outside it, if any.
  func entrySeen(_ plots: [DetectionHistory.Scan]) -> Double? {
    guard let outside = plots.firstIndex(where: { !$0.insidePeru }) else { return nil }
    return plots[outside...].first { $0.insidePeru }.map { $0.time + latency }
  }

  /// The time from a voice report's arrival to classification, from the evidence in the reported fragment up to its
  /// confirmation (the report carries no later plots).
  func reportDelay(_ fragment: TrackFragment) -> Double {
    let plots = fragment.plots.filter { $0.time <= fragment.confirmingPlot.time }
    var factor = 1.0
    if plots.contains(where: { secondary[$0.radar] }) { factor *= evidence.squawkFactor.value }
    if entrySeen(plots) == nil { factor *= evidence.entryUnseenFactor.value }
    return baseTime * factor
  }
}
