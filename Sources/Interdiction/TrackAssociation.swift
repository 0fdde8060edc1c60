import CoverageKernel
import Foundation
import InterdictionModels

/// Which fragments of a flight the command holds as one track: a fragment continues an earlier track when its
/// confirming plot falls inside the gate around that track's dead-reckoned position (see `TrackReassociation`).
enum TrackAssociation {
  /// Seconds a velocity estimate spans at least, when the track's plots allow it.
  static let velocityBaseline = 60.0

  /// The track number (0, 1, … in order of first confirmation) of each fragment of `fragments` (in time order).
  static func tracks(of fragments: [TrackFragment], rule: TrackReassociation, earthRadius: Double) -> [Int] {
    var plotsOfTrack: [[DetectionHistory.Scan]] = []
    var numbers: [Int] = []
    for fragment in fragments {
      let plot = fragment.confirmingPlot
      var best: (track: Int, score: Double)?
      for (track, plots) in plotsOfTrack.enumerated() {
        guard let last = plots.last else { continue }
        let gap = plot.time - last.time
        guard gap >= 0, gap <= rule.maximumGap.value else { continue }
        let gate = rule.gate.value + rule.gateGrowth.value * gap
        let predicted = deadReckoned(plots, seconds: gap, earthRadius: earthRadius)
        let miss = Geodesy.distance(
          fromLatitude: predicted.latitude, longitude: predicted.longitude, toLatitude: plot.latitude,
          longitude: plot.longitude, radius: earthRadius)
        guard miss <= gate else { continue }
        let score = gate > 0 ? miss / gate : 0
        if best.map({ score < $0.score }) ?? true { best = (track, score) }
      }
      if let best {
        numbers.append(best.track)
        plotsOfTrack[best.track] += fragment.plots
      } else {
        numbers.append(plotsOfTrack.count)
        plotsOfTrack.append(fragment.plots)
      }
    }
    return numbers
  }

  /// The position `seconds` after the last of `plots` (time ordered), flown straight on at the velocity between it and
  /// the latest plot at least `velocityBaseline` older (else the oldest); standing still without an older plot.
  static func deadReckoned(_ plots: [DetectionHistory.Scan], seconds: Double, earthRadius: Double)
    -> (latitude: Double, longitude: Double)
  {
    let last = plots[plots.count - 1]
    let older =
      plots.last { $0.time <= last.time - velocityBaseline } ?? plots.first { $0.time < last.time }
    guard let older else { return (last.latitude, last.longitude) }
    let distance = Geodesy.distance(
      fromLatitude: older.latitude, longitude: older.longitude, toLatitude: last.latitude,
      longitude: last.longitude, radius: earthRadius)
    guard distance > 0 else { return (last.latitude, last.longitude) }
    let azimuth = Geodesy.azimuth(
      fromLatitude: older.latitude, longitude: older.longitude, toLatitude: last.latitude, longitude: last.longitude)
    return Geodesy.destination(
      latitude: last.latitude, longitude: last.longitude, azimuth: azimuth,
      distance: distance / (last.time - older.time) * seconds, radius: earthRadius)
  }
}
