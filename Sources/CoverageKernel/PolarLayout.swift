import Foundation

/// The polar grid the sweep samples: range steps shared by all radials, and nested annuli whose radial count
/// halves toward the radar so that the arc between radials stays near one cell everywhere.
///
/// The range is cut into slabs swept and read back one after the other, so the slope store holds one slab
/// (`RangeSlab`), about a byte per window cell at most, instead of the whole sweep (about 10 bytes a cell).
struct PolarLayout {
  /// Radials stored side by side: the store holds, per annulus, blocks of this many radials, sample-major within
  /// a block, so neighbouring radials at one range share a cache line.
  static let lanes = 16

  /// The smallest slab store worth cutting the range for, in floats (16 MiB).
  static let minimumSlabStore = 1 << 22

  /// One annulus: `radialCount` radials (a multiple of `lanes`) sampled at range indices
  /// `firstSample...lastSample`.
  struct Annulus {
    var radialCount: Int
    var firstSample: Int
    var lastSample: Int
    /// Where its radials start in tables with one entry per radial of every annulus.
    var radialOffset: Int
  }

  /// Range step in metres; sample `i` lies at `i · rangeStep`.
  let rangeStep: Double
  /// Highest sample index; `lastSample · rangeStep` lies beyond the maximum range.
  let lastSample: Int
  /// Annuli from the innermost (index 0) outward.
  let annuli: [Annulus]
  /// For each sample index, the outermost annulus that holds it.
  let annulusOfSample: [UInt8]
  /// The range slabs, from the radar outward.
  private(set) var slabs: [RangeSlab]
  /// Floats the largest slab stores.
  private(set) var storageCount: Int
  /// Samples of every radial of every annulus together (the sweep's work).
  let sampleCount: Int
  /// Radials of all annuli together (one void marker each).
  let radialTotal: Int

  /// Lays out a sweep to `maximumRange` metres over cells `cellSize` metres across (inputs validated by the
  /// kernel: the sample and radial counts fit comfortably in an `Int32`); `slabStore` caps a slab's store in
  /// floats (nil: `minimumSlabStore` or a quarter of the window's cells, whichever is larger).
  init(maximumRange: Double, cellSize: Double, resolution: SweepResolution, slabStore: Int? = nil) {
    let plan = Plan(maximumRange: maximumRange, cellSize: cellSize, resolution: resolution, slabStore: slabStore)
    var owner = [UInt8](repeating: 0, count: plan.lastSample + 1)
    for (index, annulus) in plan.annuli.enumerated() {
      for sample in annulus.firstSample...annulus.lastSample { owner[sample] = UInt8(index) }
    }
    rangeStep = plan.rangeStep
    lastSample = plan.lastSample
    annuli = plan.annuli
    annulusOfSample = owner
    slabs = plan.slabs
    storageCount = plan.storageCount
    sampleCount = plan.sampleCount
    radialTotal = plan.radialTotal
  }

  /// The same layout swept as one slab (the whole store held at once).
  func asOneSlab() -> PolarLayout {
    var copy = self
    copy.slabs = RangeSlab.cut(annuli: annuli, lastSample: lastSample, budget: .max)
    copy.storageCount = copy.slabs[0].storageCount
    return copy
  }

  /// The sizes of a layout, without its per-sample tables: what the memory estimate and the layout share.
  struct Plan {
    let rangeStep: Double
    let lastSample: Int
    let annuli: [Annulus]
    let slabs: [RangeSlab]
    let storageCount: Int
    let sampleCount: Int
    let radialTotal: Int

    init(maximumRange: Double, cellSize: Double, resolution: SweepResolution, slabStore: Int? = nil) {
      rangeStep = cellSize / resolution.samplesPerCell
      lastSample = Int((maximumRange / rangeStep).rounded(.up)) + 1
      let arc = cellSize * resolution.radialSpacingInCells
      let outerRadials = max(8, Int((2 * Double.pi * maximumRange / arc).rounded(.up)))
      // Halve the radial count per annulus until about 64 remain or the innermost annulus is a few samples deep.
      var halvings = 0
      while (outerRadials >> (halvings + 1)) >= 64 && (lastSample >> (halvings + 1)) >= 8 { halvings += 1 }
      let unit = PolarLayout.lanes << halvings
      let radials = (outerRadials + unit - 1) / unit * unit
      var annuli: [Annulus] = []
      var samples = 0
      var radialTotal = 0
      for level in stride(from: halvings, through: 0, by: -1) {
        let inner = level == halvings ? 1 : annuli[annuli.count - 1].lastSample
        let outer = level == 0 ? lastSample : max(lastSample >> level, inner + 1)
        let annulus = Annulus(
          radialCount: radials >> level, firstSample: inner, lastSample: outer, radialOffset: radialTotal)
        samples += annulus.radialCount * (outer - inner + 1)
        radialTotal += annulus.radialCount
        annuli.append(annulus)
      }
      self.annuli = annuli
      self.sampleCount = samples
      self.radialTotal = radialTotal
      let windowCells = Int((2 * maximumRange / cellSize).rounded(.up) + 1)
      let budget = slabStore ?? max(PolarLayout.minimumSlabStore, windowCells * windowCells / 4)
      slabs = RangeSlab.cut(annuli: annuli, lastSample: lastSample, budget: max(budget, 1))
      storageCount = slabs.map(\.storageCount).max() ?? 0
    }
  }
}

/// A stretch of range swept and read back at once: the cells whose range sample (`⌊d / step⌋ + 1`) lies in
/// `lower..<upper` read the store this slab's sweep fills. Each annulus it meets stores its samples
/// `firstSample...lastSample` of the slab, blocks of `PolarLayout.lanes` radials sample-major as the whole layout
/// used to.
struct RangeSlab {
  /// One annulus's part of the slab.
  struct Ring {
    /// The annulus (index into `PolarLayout.annuli`).
    var annulus: Int
    var radialCount: Int
    var firstSample: Int
    var lastSample: Int
    /// Where its radials start in the slab's store.
    var storageOffset: Int
    var samplesPerRadial: Int { lastSample - firstSample + 1 }

    /// Index in the store of `radial` at range index `sample`.
    @inline(__always) func storageIndex(radial: Int, sample: Int) -> Int {
      storageOffset + (radial / PolarLayout.lanes) * (samplesPerRadial * PolarLayout.lanes)
        + (sample - firstSample) * PolarLayout.lanes + radial % PolarLayout.lanes
    }
  }

  /// The first range sample of the slab's cells.
  var lower: Int
  /// One past the last range sample of the slab's cells (`Int.max` for the outermost slab, whose cells past the
  /// last sample read the last sample).
  var upper: Int
  /// The annuli it meets, innermost first.
  var rings: [Ring]
  /// Floats its store holds.
  var storageCount: Int

  /// Cuts `1...lastSample` into slabs whose stores hold about `budget` floats each.
  static func cut(annuli: [PolarLayout.Annulus], lastSample: Int, budget: Int) -> [RangeSlab] {
    // Floats stored per sample index: one per radial of the annulus that holds it (both at a shared boundary).
    var total = 0
    for annulus in annuli { total += annulus.radialCount * (annulus.lastSample - annulus.firstSample + 1) }
    let count = total <= budget ? 1 : min((total - 1) / budget + 1, lastSample)
    var bounds = [0]
    if count > 1 {
      var cumulative = 0
      var next = 1
      for annulus in annuli {
        for sample in annulus.firstSample..<annulus.lastSample {
          cumulative += annulus.radialCount
          while next < count && cumulative >= next * (total / count) {
            if sample + 1 > bounds.last! { bounds.append(sample + 1) }
            next += 1
          }
        }
      }
    }
    var slabs: [RangeSlab] = []
    for (index, lower) in bounds.enumerated() {
      let outermost = index == bounds.count - 1
      let upper = outermost ? Int.max : bounds[index + 1]
      var rings: [Ring] = []
      var offset = 0
      for (number, annulus) in annuli.enumerated() {
        let first = max(annulus.firstSample, lower)
        let last = min(annulus.lastSample, outermost ? lastSample : upper - 1)
        guard first <= last else { continue }
        let ring = Ring(
          annulus: number, radialCount: annulus.radialCount, firstSample: first, lastSample: last,
          storageOffset: offset)
        offset += annulus.radialCount * ring.samplesPerRadial
        rings.append(ring)
      }
      slabs.append(RangeSlab(lower: lower, upper: upper, rings: rings, storageCount: offset))
    }
    return slabs
  }
}
