/// One confirmed track as the tracker held it, from confirmation to drop, with the plots it was built on (the
/// confirming window's detections and every detection while held). Fragments of one flight may be re-associated
/// into one track (`TrackAssociation`).
struct TrackFragment: Sendable {
  var confirmed: Double
  var dropped: Double
  /// Detections in time order: those of the confirming window first, the confirming one last among them.
  var plots: [DetectionHistory.Scan]
  /// The detection that confirmed the fragment: the first the command sees of it.
  var confirmingPlot: DetectionHistory.Scan

  /// Fragments from scans in time order. Only scans with line of sight are detection opportunities (a fused tracker
  /// knows its radars' coverage): confirm on `confirmHits` of the last `confirmWindow` of them; drop after
  /// `dropAfterMisses` of them missed in a row, or after `coast` seconds without a detection. Times on the picture
  /// are `latency` after the scan.
  static func fragments(
    of scans: [DetectionHistory.Scan], confirmHits: Int, confirmWindow: Int, dropAfterMisses: Int, latency: Double,
    coast: Double
  ) -> [TrackFragment] {
    var result: [TrackFragment] = []
    var window: [DetectionHistory.Scan] = []
    var held: TrackFragment?
    var misses = 0
    var lastHit = 0.0
    func drop() {
      guard var fragment = held else { return }
      fragment.dropped = lastHit + latency
      result.append(fragment)
      held = nil
      window = []
    }
    for scan in scans {
      if held != nil, scan.time - lastHit > coast { drop() }
      guard scan.visible else { continue }
      if held != nil {
        misses = scan.detected ? 0 : misses + 1
        if scan.detected {
          lastHit = scan.time
          held?.plots.append(scan)
        }
        if misses >= dropAfterMisses { drop() }
      } else {
        window.append(scan)
        if window.count > confirmWindow { window.removeFirst() }
        if window.filter(\.detected).count >= confirmHits {
          held = TrackFragment(
            confirmed: scan.time + latency, dropped: scan.time + latency, plots: window.filter(\.detected),
            confirmingPlot: scan)
          lastHit = scan.time
          misses = 0
        }
      }
    }
    drop()
    return result
  }
}
