/// The hot loop: walks radials outward, sampling the terrain bilinearly and recording, at every range sample,
/// the steepest apparent slope met before it.
///
/// The apparent slope of terrain `z` at distance `d` from an antenna at altitude `h0`, over the effective sphere,
/// is `(z − h0 − d²/2kR) / d`; a target at distance `D` is visible iff its own slope reaches the largest slope of
/// the terrain in front of it. The per-sample constants `1/d` and `h0/d + d/2kR` are shared by all radials.
struct RadialSweep {
  let layout: PolarLayout
  let path: RadialPath
  /// `1 / d` for each sample index (index 0 unused).
  let inverseDistance: [Float]
  /// `h0 / d + d / 2kR` for each sample index (index 0 unused).
  let slopeOffset: [Float]
  /// The slope before the first sample: tan(minimum elevation), or a steep downward sentinel.
  let initialSlope: Float

  /// Samples between exact path positions; positions in between are interpolated linearly.
  static let knotSpacing = 32

  /// Sweeps radials `radials` of `annulus`, writing into `store` (the layout's shared slope store).
  func sweep(
    annulus index: Int, radials: Range<Int>, terrain: UnsafeBufferPointer<Float>, columns: Int, rows: Int,
    store: UnsafeMutablePointer<Float>
  ) {
    let annulus = layout.annuli[index]
    let parent: PolarLayout.Annulus? = index > 0 ? layout.annuli[index - 1] : nil
    let maxColumn = Double(columns) - 1.000_001
    let maxRow = Double(rows) - 1.000_001
    let base = terrain.baseAddress!
    inverseDistance.withUnsafeBufferPointer { inverse in
      slopeOffset.withUnsafeBufferPointer { offsets in
        for radial in radials {
          var running = initialSlope
          if let parent {
            // Continue from the parent annulus's radials at the shared boundary sample.
            let last = parent.samplesPerRadial - 1
            let parentStore = store + parent.storageOffset
            let left = radial >> 1
            let leftValue = parentStore[left * parent.samplesPerRadial + last]
            if radial & 1 == 0 {
              running = leftValue
            } else {
              let right = left + 1 == parent.radialCount ? 0 : left + 1
              running = 0.5 * (leftValue + parentStore[right * parent.samplesPerRadial + last])
            }
          }
          let azimuth = 2 * Double.pi * Double(radial) / Double(annulus.radialCount)
          let output = store + annulus.storageOffset + radial * annulus.samplesPerRadial - annulus.firstSample
          var knot = annulus.firstSample
          var start = path.gridPosition(azimuth: azimuth, distance: Double(knot) * layout.rangeStep)
          while knot < annulus.lastSample {
            let next = min(knot + Self.knotSpacing, annulus.lastSample)
            let end = path.gridPosition(azimuth: azimuth, distance: Double(next) * layout.rangeStep)
            let steps = Double(next - knot)
            let stepColumn = (end.column - start.column) / steps
            let stepRow = (end.row - start.row) / steps
            var column = start.column
            var row = start.row
            for sample in knot..<next {
              output[sample] = running
              let x = min(max(column, 0), maxColumn)
              let y = min(max(row, 0), maxRow)
              let c0 = Int(x)
              let r0 = Int(y)
              let fx = Float(x - Double(c0))
              let fy = Float(y - Double(r0))
              let cell = base + (r0 * columns + c0)
              let top = cell[0] + (cell[1] - cell[0]) * fx
              let bottom = cell[columns] + (cell[columns + 1] - cell[columns]) * fx
              let height = top + (bottom - top) * fy
              let slope = height * inverse[sample] - offsets[sample]
              if slope > running { running = slope }
              column += stepColumn
              row += stepRow
            }
            knot = next
            start = end
          }
          output[annulus.lastSample] = running
        }
      }
    }
  }
}
