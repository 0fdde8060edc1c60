/// Turns the polar slope store into per-cell lowest visible altitudes: for each cell, the steepest slope in front
/// of it is read from the two radials either side of its azimuth at the first range sample past it, and
/// interpolated by azimuth. Cells are visited in tiles so each tile reads a compact patch of the store.
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

  /// Columns per tile.
  static let tileWidth = 64

  /// Output planes for a grid of `columns` columns.
  struct Output {
    let columns: Int
    let lowestMSL: UnsafeMutablePointer<Float>
    let lowestAGL: UnsafeMutablePointer<Float>
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

  /// Fills `rows` of the output (every cell is written: NaN out of range, which includes non-finite ground).
  /// `voidStart` is the sweep's per-radial void table, nil when the sweep did not track voids (then only
  /// `voidCells` is counted).
  func fill(
    rows: Range<Int>, terrain: UnsafePointer<Float>, store: UnsafePointer<Float>,
    voidStart: UnsafePointer<Int32>?, output: Output
  ) -> Counts {
    if let voidStart, let mask = output.voidDependent {
      return fill(
        rows: rows, terrain: terrain, store: store, voidStart: voidStart, mask: mask, output: output,
        tracksVoids: true)
    }
    return fill(
      rows: rows, terrain: terrain, store: store, voidStart: nil, mask: nil, output: output, tracksVoids: false)
  }

  @inline(__always)
  private func fill(
    rows: Range<Int>, terrain: UnsafePointer<Float>, store: UnsafePointer<Float>, voidStart: UnsafePointer<Int32>?,
    mask: UnsafeMutablePointer<UInt8>?, output: Output, tracksVoids: Bool
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
    let rings = layout.annuli.map {
      Ring(
        radialCount: $0.radialCount, firstSample: $0.firstSample, storageOffset: $0.storageOffset,
        radialOffset: $0.radialOffset,
        blockStride: $0.samplesPerRadial << laneBits, radialsPerRadian: Double($0.radialCount) / (2 * .pi))
    }
    // Counted in locals of the closure so they stay in registers.
    return rings.withUnsafeBufferPointer { ringTable in
      var counts = Counts()
      let ring = ringTable.baseAddress!
      for tile in stride(from: 0, to: columns, by: Self.tileWidth) {
        let tileColumns = tile..<min(tile + Self.tileWidth, columns)
        for row in rows {
          polar.fill(row: row, columns: tileColumns, distance: distance, azimuth: azimuth)
          let rowStart = row * columns + tile
          for offset in 0..<tileColumns.count {
            let index = rowStart &+ offset
            let ground = terrain[index]
            let d = distance[offset]
            var msl = Float.nan
            var agl = Float.nan
            var ceiling = Float.nan
            var dependsOnVoid: UInt8 = 0
            counts.voidCells &+= ground.isFinite ? 0 : 1
            if d <= maximumRange && d >= minimumRange && ground.isFinite
              && (sector == nil || sector!.contains(radians: azimuth[offset]))
            {
              let sample = min(Int(d * inverseStep) &+ 1, lastSample)
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
              agl = msl - ground
              if hasCeiling {
                ceiling = Float(level + d * ceilingTangent)
                if msl > ceiling {
                  msl = .infinity
                  agl = .infinity
                }
              }
            }
            output.lowestMSL[index] = msl
            output.lowestAGL[index] = agl
            if hasCeiling { output.ceilingMSL![index] = ceiling }
            if tracksVoids { mask![index] = dependsOnVoid }
          }
        }
      }
      return counts
    }
  }
}
