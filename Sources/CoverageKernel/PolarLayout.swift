import Foundation

/// The polar grid the sweep samples: range steps shared by all radials, and nested annuli whose radial count
/// halves toward the radar so that the arc between radials stays near one cell everywhere.
struct PolarLayout {
  /// Radials stored side by side: the store holds, per annulus, blocks of this many radials, sample-major within
  /// a block, so neighbouring radials at one range share a cache line.
  static let lanes = 16

  /// One annulus: `radialCount` radials (a multiple of `lanes`) sampled at range indices
  /// `firstSample...lastSample`.
  struct Annulus {
    var radialCount: Int
    var firstSample: Int
    var lastSample: Int
    /// Where its radials start in the shared slope store.
    var storageOffset: Int
    /// Where its radials start in tables with one entry per radial of every annulus.
    var radialOffset: Int
    var samplesPerRadial: Int { lastSample - firstSample + 1 }

    /// Index in the store of `radial` at range index `sample`.
    @inline(__always) func storageIndex(radial: Int, sample: Int) -> Int {
      storageOffset + (radial / PolarLayout.lanes) * (samplesPerRadial * PolarLayout.lanes)
        + (sample - firstSample) * PolarLayout.lanes + radial % PolarLayout.lanes
    }
  }

  /// Range step in metres; sample `i` lies at `i · rangeStep`.
  let rangeStep: Double
  /// Highest sample index; `lastSample · rangeStep` lies beyond the maximum range.
  let lastSample: Int
  /// Annuli from the innermost (index 0) outward.
  let annuli: [Annulus]
  /// For each sample index, the outermost annulus that holds it.
  let annulusOfSample: [UInt8]
  /// Floats needed to store every annulus.
  let storageCount: Int
  /// Radials of all annuli together (one void marker each).
  let radialTotal: Int

  /// Lays out a sweep to `maximumRange` metres over cells `cellSize` metres across (inputs validated by the
  /// kernel: the sample and radial counts fit comfortably in an `Int32`).
  init(maximumRange: Double, cellSize: Double, resolution: SweepResolution) {
    let plan = Plan(maximumRange: maximumRange, cellSize: cellSize, resolution: resolution)
    var owner = [UInt8](repeating: 0, count: plan.lastSample + 1)
    for (index, annulus) in plan.annuli.enumerated() {
      for sample in annulus.firstSample...annulus.lastSample { owner[sample] = UInt8(index) }
    }
    rangeStep = plan.rangeStep
    lastSample = plan.lastSample
    annuli = plan.annuli
    annulusOfSample = owner
    storageCount = plan.storageCount
    radialTotal = plan.radialTotal
  }

  /// The sizes of a layout, without its per-sample tables: what the memory estimate and the layout share.
  struct Plan {
    let rangeStep: Double
    let lastSample: Int
    let annuli: [Annulus]
    let storageCount: Int
    let radialTotal: Int

    init(maximumRange: Double, cellSize: Double, resolution: SweepResolution) {
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
      var offset = 0
      var radialTotal = 0
      for level in stride(from: halvings, through: 0, by: -1) {
        let inner = level == halvings ? 1 : annuli[annuli.count - 1].lastSample
        let outer = level == 0 ? lastSample : max(lastSample >> level, inner + 1)
        let annulus = Annulus(
          radialCount: radials >> level, firstSample: inner, lastSample: outer, storageOffset: offset,
          radialOffset: radialTotal)
        offset += annulus.radialCount * annulus.samplesPerRadial
        radialTotal += annulus.radialCount
        annuli.append(annulus)
      }
      self.annuli = annuli
      self.storageCount = offset
      self.radialTotal = radialTotal
    }
  }
}
