/// Turns the polar slope store into per-cell lowest visible altitudes: for each cell, the steepest slope in front
/// of it is read from the two radials either side of its azimuth at the first range sample past it, and
/// interpolated by azimuth. The read-back goes slab by slab (`RangeSlab`): in each row, the cells of one slab
/// form at most two runs either side of the column nearest the radar, found by bisection on the distance (which
/// falls toward that column and rises past it), and every cell is visited by exactly one slab.
///
/// On terrain with voids a cell depends on a void when its range sample is at or beyond the first void-dependent
/// sample of either radial it reads (`RadialSweep`'s per-radial table); it is then flagged in the output mask.
struct PolarReadBack {
  let layout: PolarLayout
  let polar: CellPolarCoordinates
  let limits: CoverageLimits
  let antenna: Double
  let inverseTwoKR: Double
  /// tan(maximum elevation), if the radar has one.
  let ceilingSlope: Double?

  /// Columns per tile of the polar-coordinate buffers.
  static let tileWidth = 64

  /// Output planes for a grid of `columns` columns.
  struct Output {
    let columns: Int
    let lowestMSL: UnsafeMutablePointer<Float>
    /// Nil when the radar has no maximum elevation.
    let ceilingMSL: UnsafeMutablePointer<Float>?
    /// 1 where an in-range cell depends on a void, else 0; nil on terrain without voids.
    let voidDependent: UnsafeMutablePointer<UInt8>?
  }

  /// What `fill` counted.
  struct Counts {
    /// Cells whose height is NaN or infinite (always counted).
    var voidCells = 0
    /// In-range cells (counted only when tracking voids).
    var inRange = 0
    /// In-range cells that depend on a void (counted only when tracking voids).
    var voidDependent = 0
    /// Cells written (every cell of the grid once the last slab is read back).
    var written = 0
  }

  /// What the per-cell loop needs of one annulus, flattened.
  private struct Ring {
    var radialCount: Int
    var firstSample: Int
    var storageOffset: Int
    var radialOffset: Int
    /// Floats per block of `PolarLayout.lanes` radials.
    var blockStride: Int
    var radialsPerRadian: Double
  }

  /// Fills the cells of `rows` that read `slab` (whose store the sweep has just filled), writing every such cell:
  /// NaN out of range, which includes non-finite ground. `voidStart` is the sweep's per-radial void table, nil
  /// when the sweep did not track voids (then only `voidCells` is counted).
  func fill(
    rows: Range<Int>, slab: RangeSlab, terrain: UnsafePointer<Float>, store: UnsafePointer<Float>,
    voidStart: UnsafePointer<Int32>?, output: Output
  ) -> Counts {
    if let voidStart, let mask = output.voidDependent {
      return fill(
        rows: rows, slab: slab, terrain: terrain, store: store, voidStart: voidStart, mask: mask, output: output,
        tracksVoids: true)
    }
    return fill(
      rows: rows, slab: slab, terrain: terrain, store: store, voidStart: nil, mask: nil, output: output,
      tracksVoids: false)
  }

  /// The range sample whose store value a cell at distance `d` reads (before clamping to the last sample).
  @inline(__always) private func sampleIndex(_ d: Double, _ inverseStep: Double) -> Int {
    Int(d * inverseStep) &+ 1
  }

  /// The columns of `row` whose range sample lies in `lower..<upper`: a run west of the column nearest the
  /// radar and one from it eastward, each widened by a cell (the caller tests every cell it visits).
  private func runs(row: Int, lower: Int, upper: Int, inverseStep: Double) -> (Range<Int>, Range<Int>) {
    let columns = polar.columns
    let nearest = polar.nearestColumn
    func sample(_ column: Int) -> Int { sampleIndex(polar.distance(row: row, column: column), inverseStep) }
    // A row wholly nearer or farther than the slab (its nearest cell beyond it, or both ends short of it) has none.
    let none = nearest + 1..<nearest + 1
    if upper != .max && sample(nearest) >= upper { return (none, none) }
    if lower > 1 && sample(0) < lower && sample(columns - 1) < lower { return (none, none) }
    // West: samples fall as the column rises to `nearest`; the first column whose sample is below `bound`.
    func west(_ bound: Int) -> Int {
      if bound == .max { return 0 }
      if bound <= 1 { return nearest + 1 }
      var low = 0
      var high = nearest + 1
      while low < high {
        let middle = (low + high) / 2
        if sample(middle) < bound { high = middle } else { low = middle + 1 }
      }
      return low
    }
    // East: samples rise from `nearest + 1`; the first column whose sample reaches `bound`.
    func east(_ bound: Int) -> Int {
      if bound == .max { return columns }
      if bound <= 1 { return nearest + 1 }
      var low = nearest + 1
      var high = columns
      while low < high {
        let middle = (low + high) / 2
        if sample(middle) >= bound { high = middle } else { low = middle + 1 }
      }
      return low
    }
    let westRun = max(west(upper) - 1, 0)..<min(west(lower) + 1, nearest + 1)
    let eastRun = max(east(lower) - 1, nearest + 1)..<min(east(upper) + 1, columns)
    return (westRun, eastRun.isEmpty ? nearest + 1..<nearest + 1 : eastRun)
  }

  @inline(__always)
  private func fill(
    rows: Range<Int>, slab: RangeSlab, terrain: UnsafePointer<Float>, store: UnsafePointer<Float>,
    voidStart: UnsafePointer<Int32>?, mask: UnsafeMutablePointer<UInt8>?, output: Output, tracksVoids: Bool
  ) -> Counts {
    let columns = output.columns
    let distance = UnsafeMutablePointer<Double>.allocate(capacity: Self.tileWidth)
    let azimuth = UnsafeMutablePointer<Double>.allocate(capacity: Self.tileWidth)
    defer {
      distance.deallocate()
      azimuth.deallocate()
    }
    let inverseStep = 1 / layout.rangeStep
    let lastSample = layout.lastSample
    let maximumRange = limits.maximumRange
    let minimumRange = limits.minimumRange
    let sector = limits.sector
    let hasCeiling = ceilingSlope != nil
    let ceilingTangent = ceilingSlope ?? 0
    let owner = layout.annulusOfSample.withUnsafeBufferPointer { $0.baseAddress! }
    let laneBits = PolarLayout.lanes.trailingZeroBitCount
    let laneMask = PolarLayout.lanes - 1
    // One entry per annulus; those the slab does not meet are never read.
    var rings = layout.annuli.map {
      Ring(
        radialCount: $0.radialCount, firstSample: 0, storageOffset: 0, radialOffset: $0.radialOffset,
        blockStride: 0, radialsPerRadian: Double($0.radialCount) / (2 * .pi))
    }
    for ring in slab.rings {
      rings[ring.annulus].firstSample = ring.firstSample
      rings[ring.annulus].storageOffset = ring.storageOffset
      rings[ring.annulus].blockStride = ring.samplesPerRadial << laneBits
    }
    let lower = slab.lower
    let upper = slab.upper
    // Counted in locals of the closure so they stay in registers.
    return rings.withUnsafeBufferPointer { ringTable in
      var counts = Counts()
      let ring = ringTable.baseAddress!
      for row in rows {
        let (westRun, eastRun) = runs(row: row, lower: lower, upper: upper, inverseStep: inverseStep)
        for side in 0..<2 {
          let run = side == 0 ? westRun : eastRun
          for tile in stride(from: run.lowerBound, to: run.upperBound, by: Self.tileWidth) {
            let tileColumns = tile..<min(tile + Self.tileWidth, run.upperBound)
            polar.fill(row: row, columns: tileColumns, distance: distance, azimuth: azimuth)
            let rowStart = row * columns + tile
            for offset in 0..<tileColumns.count {
              let d = distance[offset]
              let unclamped = sampleIndex(d, inverseStep)
              guard unclamped >= lower && unclamped < upper else { continue }
              counts.written &+= 1
              let index = rowStart &+ offset
              let ground = terrain[index]
              var msl = Float.nan
              var ceiling = Float.nan
              var dependsOnVoid: UInt8 = 0
              counts.voidCells &+= ground.isFinite ? 0 : 1
              if d <= maximumRange && d >= minimumRange && ground.isFinite
                && (sector == nil || sector!.contains(radians: azimuth[offset]))
              {
                let sample = min(unclamped, lastSample)
                let annulus = ring[Int(owner[sample])]
                let position = azimuth[offset] * annulus.radialsPerRadian
                var left = Int(position)
                let weight = Float(position - Double(left))
                if left >= annulus.radialCount { left &-= annulus.radialCount }
                let right = left &+ 1 == annulus.radialCount ? 0 : left &+ 1
                // Store index: block of lanes, then sample within the block, then lane.
                let sampleBase = annulus.storageOffset &+ ((sample &- annulus.firstSample) &<< laneBits)
                let leftSlope = store[sampleBase &+ (left &>> laneBits) &* annulus.blockStride &+ (left & laneMask)]
                let rightSlope = store[sampleBase &+ (right &>> laneBits) &* annulus.blockStride &+ (right & laneMask)]
                let slope = Double(leftSlope + (rightSlope - leftSlope) * weight)
                if tracksVoids {
                  let table = voidStart! + annulus.radialOffset
                  let threshold = min(table[left], table[right])
                  dependsOnVoid = Int32(truncatingIfNeeded: sample) >= threshold ? 1 : 0
                  counts.inRange &+= 1
                  counts.voidDependent &+= Int(dependsOnVoid)
                }
                let level = antenna + d * d * inverseTwoKR
                // Straight below the antenna nothing lies in front of the target.
                msl = d > 0 ? max(Float(level + d * slope), ground) : ground
                if hasCeiling {
                  ceiling = Float(level + d * ceilingTangent)
                  if msl > ceiling { msl = .infinity }
                }
              }
              output.lowestMSL[index] = msl
              if hasCeiling { output.ceilingMSL![index] = ceiling }
              if tracksVoids { mask![index] = dependsOnVoid }
            }
          }
        }
      }
      return counts
    }
  }
}
