/// The hot loop: walks radials outward, sampling the terrain bilinearly and recording, at every range sample,
/// the steepest apparent slope met before it.
///
/// The apparent slope of terrain `z` at distance `d` from an antenna at altitude `h0`, over the effective sphere,
/// is `(z − h0 − d²/2kR) / d`; a target at distance `D` is visible iff its own slope reaches the largest slope of
/// the terrain in front of it. The per-sample constants `1/d` and `h0/d + d/2kR` are shared by all radials.
/// Radials are walked in lockstep blocks of `blockWidth` neighbours so each terrain cache line serves them all.
///
/// Voids: a sample whose bilinear footprint holds a NaN or infinite height is skipped (the terrain there is
/// unknown, so the slopes behind it are lower bounds). When the terrain has voids the caller passes a table of one
/// `Int32` per radial, and the sweep writes there the first range sample whose running slope depends on a void
/// (`Int32.max` for none); children inherit the earliest of their parents'.
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
  /// Fractional bits of the fixed-point positions.
  static let fractionBits = 32
  /// Radials walked together: one block of the store.
  static let blockWidth = PolarLayout.lanes

  /// What each radial carries from one range slab to the next: its running slope, its fixed-point position and
  /// step, and (in `voidStart`) its first void-dependent sample. One entry per radial of the layout,
  /// `Annulus.radialOffset` first; owned by the caller.
  struct State {
    let running: UnsafeMutablePointer<Float>
    /// Column, row, column step and row step, four entries per radial.
    let position: UnsafeMutablePointer<Int>
    /// Nil when the terrain has no voids.
    let voidStart: UnsafeMutablePointer<Int32>?

    /// Allocates the state of `radials` radials (`tracksVoids`: with the void table, every entry `Int32.max`).
    static func allocate(radials: Int, tracksVoids: Bool) -> State {
      let voidStart = tracksVoids ? UnsafeMutablePointer<Int32>.allocate(capacity: radials) : nil
      voidStart?.initialize(repeating: .max, count: radials)
      return State(
        running: .allocate(capacity: radials), position: .allocate(capacity: 4 * radials), voidStart: voidStart)
    }

    func deallocate() {
      running.deallocate()
      position.deallocate()
      voidStart?.deallocate()
    }
  }

  /// Sweeps radials `radials` of the annulus of `ring` over the samples `slab` holds, writing the slopes into
  /// `store` (the slab's store) and carrying each radial's running state in `state`. Slabs are swept in order,
  /// and within a slab the annuli from the innermost outward (a radial starts from its parents' final state).
  func sweep(
    slab: RangeSlab, ring: RangeSlab.Ring, radials: Range<Int>, terrain: UnsafeBufferPointer<Float>, columns: Int,
    rows: Int, store: UnsafeMutablePointer<Float>, state: State
  ) {
    var block = radials.lowerBound
    while block < radials.upperBound {
      let end = min(block + Self.blockWidth, radials.upperBound)
      // Two copies of the loop: the void bookkeeping costs nothing on terrain without voids.
      if state.voidStart != nil {
        sweepBlock(
          slab: slab, ring: ring, radials: block..<end, terrain: terrain, columns: columns, rows: rows, store: store,
          state: state, tracksVoids: true)
      } else {
        sweepBlock(
          slab: slab, ring: ring, radials: block..<end, terrain: terrain, columns: columns, rows: rows, store: store,
          state: state, tracksVoids: false)
      }
      block = end
    }
  }

  @inline(__always)
  private func sweepBlock(
    slab: RangeSlab, ring: RangeSlab.Ring, radials: Range<Int>, terrain: UnsafeBufferPointer<Float>, columns: Int,
    rows: Int, store: UnsafeMutablePointer<Float>, state: State, tracksVoids: Bool
  ) {
    let index = ring.annulus
    let annulus = layout.annuli[index]
    let width = radials.count
    let maxColumn = Double(columns) - 1.000_001
    let maxRow = Double(rows) - 1.000_001
    let base = terrain.baseAddress!
    // Lane state: positions and steps in 32.32 fixed point (column, row, step column, step row), running slopes.
    // Integer positions make the cell index a shift and the bilinear weights an exact mask, with no checked
    // floating-point conversions in the loop.
    let running = UnsafeMutablePointer<Float>.allocate(capacity: width)
    let position = UnsafeMutablePointer<Int>.allocate(capacity: 4 * width)
    // Void bookkeeping: a probe per lane that turns NaN when a non-finite sample passes, and the first dependent
    // sample per lane.
    let probe = UnsafeMutablePointer<Float>.allocate(capacity: tracksVoids ? width : 0)
    let firstVoid = UnsafeMutablePointer<Int32>.allocate(capacity: tracksVoids ? width : 0)
    // The lanes' positions where the current stretch began (for locating a void in it).
    let stretchStart = UnsafeMutablePointer<Int>.allocate(capacity: 2 * width)
    defer {
      running.deallocate()
      position.deallocate()
      probe.deallocate()
      firstVoid.deallocate()
      stretchStart.deallocate()
    }
    let column = position
    let row = position + width
    let stepColumn = position + 2 * width
    let stepRow = position + 3 * width
    // This slab's samples of the annulus: processed `from..<to`, its final slope stored when the annulus ends here.
    let from = ring.firstSample
    let to = min(annulus.lastSample, slab.upper)
    let starts = from == annulus.firstSample
    for (lane, radial) in radials.enumerated() {
      let carried = annulus.radialOffset + radial
      if starts {
        running[lane] = inheritedSlope(annulus: index, radial: radial, state: state)
      } else {
        running[lane] = state.running[carried]
        column[lane] = state.position[4 * carried]
        row[lane] = state.position[4 * carried + 1]
        stepColumn[lane] = state.position[4 * carried + 2]
        stepRow[lane] = state.position[4 * carried + 3]
      }
      if tracksVoids {
        probe[lane] = 0
        firstVoid[lane] =
          starts ? inheritedVoidStart(annulus: index, radial: radial, state: state) : state.voidStart![carried]
      }
    }
    // Blocks are aligned to the store's lanes, so lane `l` at `sample` lives at
    // `output[(sample - from) * lanes + l]`.
    let lanes = PolarLayout.lanes
    let output = store + ring.storageIndex(radial: radials.lowerBound, sample: from)
    let azimuths = radials.map { 2 * Double.pi * Double($0) / Double(annulus.radialCount) }
    let one = Double(1 << Self.fractionBits)
    let fractionMask = (1 << Self.fractionBits) - 1
    let fractionScale = 1 / Float(1 << Self.fractionBits)
    // Knot positions clamped inside the grid, so every interpolated position between two knots is inside too.
    func knotPosition(_ azimuth: Double, _ sample: Int) -> (column: Int, row: Int) {
      let point = path.gridPosition(azimuth: azimuth, distance: Double(sample) * layout.rangeStep)
      return (
        Int((min(max(point.column, 0), maxColumn) * one).rounded()),
        Int((min(max(point.row, 0), maxRow) * one).rounded())
      )
    }
    let inverse = inverseDistance.withUnsafeBufferPointer { $0.baseAddress! }
    let offsets = slopeOffset.withUnsafeBufferPointer { $0.baseAddress! }
    // Knots lie every `knotSpacing` samples from the annulus's first; a slab may begin or end between two.
    var stretch = from
    while stretch < to {
      let knot = annulus.firstSample + (stretch - annulus.firstSample) / Self.knotSpacing * Self.knotSpacing
      let next = min(knot + Self.knotSpacing, annulus.lastSample)
      let stop = min(next, to)
      if stretch == knot {
        let steps = next - knot
        for lane in 0..<width {
          let start = knotPosition(azimuths[lane], knot)
          let end = knotPosition(azimuths[lane], next)
          column[lane] = start.column
          row[lane] = start.row
          stepColumn[lane] = (end.column - start.column) / steps
          stepRow[lane] = (end.row - start.row) / steps
        }
      }
      if tracksVoids {
        for lane in 0..<width {
          stretchStart[2 * lane] = column[lane]
          stretchStart[2 * lane + 1] = row[lane]
        }
      }
      for sample in stretch..<stop {
        let inverseD = inverse[sample]
        let offset = offsets[sample]
        let line = output + (sample &- from) &* lanes
        for lane in 0..<width {
          line[lane] = running[lane]
          let x = column[lane]
          let y = row[lane]
          let fx = Float(x & fractionMask) * fractionScale
          let fy = Float(y & fractionMask) * fractionScale
          let cell = base + ((y &>> Self.fractionBits) &* columns &+ (x &>> Self.fractionBits))
          let top = cell[0] + (cell[1] - cell[0]) * fx
          let bottom = cell[columns] + (cell[columns &+ 1] - cell[columns]) * fx
          let height = top + (bottom - top) * fy
          let slope = height * inverseD - offset
          if tracksVoids {
            // NaN when the sample is not finite; an infinite slope must not enter the running maximum.
            probe[lane] += height - height
            if slope > running[lane] && slope < .infinity { running[lane] = slope }
          } else if slope > running[lane] {
            running[lane] = slope
          }
          column[lane] = x &+ stepColumn[lane]
          row[lane] = y &+ stepRow[lane]
        }
      }
      if tracksVoids {
        for lane in 0..<width where probe[lane].isNaN {
          probe[lane] = 0
          guard firstVoid[lane] == .max else { continue }
          let void = firstNonFiniteSample(
            from: stretch, to: stop, column: stretchStart[2 * lane], row: stretchStart[2 * lane + 1],
            stepColumn: stepColumn[lane], stepRow: stepRow[lane], terrain: base, columns: columns)
          // The store at sample `s` holds the slope of samples before `s`: the void first shows one sample on.
          firstVoid[lane] = Int32(void + 1)
        }
      }
      stretch = stop
    }
    if annulus.lastSample <= ring.lastSample {
      for lane in 0..<width { output[(annulus.lastSample - from) * lanes + lane] = running[lane] }
    }
    for (lane, radial) in radials.enumerated() {
      let carried = annulus.radialOffset + radial
      state.running[carried] = running[lane]
      state.position[4 * carried] = column[lane]
      state.position[4 * carried + 1] = row[lane]
      state.position[4 * carried + 2] = stepColumn[lane]
      state.position[4 * carried + 3] = stepRow[lane]
      if tracksVoids { state.voidStart![carried] = firstVoid[lane] }
    }
  }

  /// The first sample in `knot..<next` of one lane whose bilinear height is not finite (the rare path, taken once
  /// per radial that meets a void).
  private func firstNonFiniteSample(
    from knot: Int, to next: Int, column: Int, row: Int, stepColumn: Int, stepRow: Int,
    terrain base: UnsafePointer<Float>, columns: Int
  ) -> Int {
    let fractionMask = (1 << Self.fractionBits) - 1
    let fractionScale = 1 / Float(1 << Self.fractionBits)
    var x = column
    var y = row
    for sample in knot..<next {
      let fx = Float(x & fractionMask) * fractionScale
      let fy = Float(y & fractionMask) * fractionScale
      let cell = base + ((y &>> Self.fractionBits) &* columns &+ (x &>> Self.fractionBits))
      let top = cell[0] + (cell[1] - cell[0]) * fx
      let bottom = cell[columns] + (cell[columns &+ 1] - cell[columns]) * fx
      if !(top + (bottom - top) * fy).isFinite { return sample }
      x = x &+ stepColumn
      y = y &+ stepRow
    }
    return next - 1  // not reached: the probe saw a non-finite sample in this stretch
  }

  /// The first void-dependent sample a radial starts with: none in the innermost annulus, else the earliest of its
  /// parents' (both neighbours for odd radials, as `inheritedSlope` mixes them).
  private func inheritedVoidStart(annulus index: Int, radial: Int, state: State) -> Int32 {
    guard index > 0 else { return .max }
    let parent = layout.annuli[index - 1]
    let table = state.voidStart! + parent.radialOffset
    let left = radial >> 1
    guard radial & 1 == 1 else { return table[left] }
    let right = left + 1 == parent.radialCount ? 0 : left + 1
    return min(table[left], table[right])
  }

  /// The running slope a radial starts with: the initial slope for the innermost annulus, else the slope its
  /// parent radials reached at the shared boundary sample (the mean of both neighbours for odd radials).
  private func inheritedSlope(annulus index: Int, radial: Int, state: State) -> Float {
    guard index > 0 else { return initialSlope }
    let parent = layout.annuli[index - 1]
    let final = state.running + parent.radialOffset
    let left = radial >> 1
    let leftValue = final[left]
    guard radial & 1 == 1 else { return leftValue }
    let right = left + 1 == parent.radialCount ? 0 : left + 1
    return 0.5 * (leftValue + final[right])
  }
}
