/// Covered area of a network at its tracked altitudes (above ground, then above mean sea level), in square
/// kilometres and as a share of the area in range of at least one radar.
public struct CoverageSummary: Sendable, Equatable {
  /// One altitude's figures.
  public struct Row: Sendable, Equatable {
    /// What `altitude` is measured from.
    public var altitudeReference: AltitudeReference
    /// Target altitude, metres (above ground or above mean sea level).
    public var altitude: Double
    /// Area where a target at that altitude is visible, km².
    public var coveredAreaKm2: Double
    /// `coveredAreaKm2` as a per cent of `computedAreaKm2`.
    public var coveredPercent: Double
  }

  /// Area in range of at least one radar (on valid terrain), km².
  public var computedAreaKm2: Double
  /// One row per tracked altitude, in the network's order: AGL altitudes, then MSL ones.
  public var rows: [Row]

  /// Sums cell areas of `network` (geodesic cell areas on geographic grids). One pass over the planes counts, row
  /// by row, the cells in range and the cells covered at each altitude; each row's count of its (equal) cell areas
  /// is then added as `sequentialSum` adds it, so the sums are bit for bit those of adding every cell's area in
  /// turn.
  public init(network: NetworkCoverage, earth: EarthModel = .standard) {
    let geometry = network.geometry
    let altitudes =
      network.altitudesAGL.map { (AltitudeReference.aboveGroundLevel, $0) }
      + network.altitudesMSL.map { (AltitudeReference.meanSeaLevel, $0) }
    let width = geometry.width
    var computed = 0.0
    var covered = [Double](repeating: 0, count: altitudes.count)
    var counts = [Int](repeating: 0, count: altitudes.count + 1)
    // One row of covered-altitude bits at a time (a network without a cone of silence derives them).
    var rowBits = [UInt16](repeating: 0, count: width)
    network.lowestAltitudeMSL.withUnsafeBufferPointer { msl in
      rowBits.withUnsafeMutableBufferPointer { bits in
        for row in 0..<geometry.height {
          let start = row * width
          network.coveredBits(from: start, into: bits)
          Self.count(
            msl: UnsafeBufferPointer(rebasing: msl[start..<(start + width)]), bits: UnsafeBufferPointer(bits),
            into: &counts)
          guard counts[0] > 0 else { continue }
          let area = geometry.cellArea(row: row, earthRadius: earth.radius) / 1e6
          computed = Self.sequentialSum(computed, adding: area, times: counts[0])
          for bit in covered.indices where counts[bit + 1] > 0 {
            covered[bit] = Self.sequentialSum(covered[bit], adding: area, times: counts[bit + 1])
          }
        }
      }
    }
    computedAreaKm2 = computed
    rows = zip(altitudes, covered).map { altitude, area in
      Row(
        altitudeReference: altitude.0, altitude: Double(altitude.1), coveredAreaKm2: area,
        coveredPercent: computed > 0 ? 100 * area / computed : 0)
    }
  }

  /// Counts the cells of one row in range (`counts[0]`) and, of those, the cells with bit `b` of `bits` set
  /// (`counts[b + 1]`), sixteen cells at a time in per-lane counters.
  private static func count(
    msl: UnsafeBufferPointer<Float>, bits: UnsafeBufferPointer<UInt16>, into counts: inout [Int]
  ) {
    typealias Lanes = SIMD16<UInt16>
    let tracked = counts.count - 1
    for index in counts.indices { counts[index] = 0 }
    var inRange = Lanes()
    var perBit = [Lanes](repeating: Lanes(), count: tracked)
    let one = Lanes(repeating: 1)
    let chunks = msl.count / 16
    var chunk = 0
    counts.withUnsafeMutableBufferPointer { counts in
      perBit.withUnsafeMutableBufferPointer { perBit in
        let heights = UnsafeRawPointer(msl.baseAddress!)
        let flags = UnsafeRawPointer(bits.baseAddress!)
        while chunk < chunks {
          // Lanes count at most 65,535 chunks before they are emptied into `counts`.
          let end = min(chunks, chunk + 65_535)
          while chunk < end {
            let height = heights.loadUnaligned(fromByteOffset: chunk * 64, as: SIMD16<Float>.self)
            let valid = Lanes(truncatingIfNeeded: SIMD16<Int32>().replacing(with: -1, where: height .== height))
            let kept = flags.loadUnaligned(fromByteOffset: chunk * 32, as: Lanes.self) & valid
            inRange &+= valid & one
            for bit in 0..<tracked { perBit[bit] &+= (kept &>> UInt16(bit)) & one }
            chunk += 1
          }
          counts[0] += Int(SIMD16<UInt32>(truncatingIfNeeded: inRange).wrappedSum())
          inRange = Lanes()
          for bit in 0..<tracked {
            counts[bit + 1] += Int(SIMD16<UInt32>(truncatingIfNeeded: perBit[bit]).wrappedSum())
            perBit[bit] = Lanes()
          }
        }
        for index in (chunks * 16)..<msl.count where !msl[index].isNaN {
          counts[0] += 1
          for bit in 0..<tracked where bits[index] & (1 << UInt16(bit)) != 0 { counts[bit + 1] += 1 }
        }
      }
    }
  }

  /// `sum` after adding `value` to it `times` times, one rounded addition after another (as a loop would), in a
  /// few steps: while the sum stays within one binade and below it by more than `value`, every addition rounds by
  /// the same increment, so a run of them is one exact multiplication; the additions around a binade's end, or
  /// that could round a tie to even, are done one by one. `sum` and `value` must be finite and not negative.
  public static func sequentialSum(_ sum: Double, adding value: Double, times: Int) -> Double {
    precondition(sum >= 0 && value >= 0 && sum.isFinite && value.isFinite && times >= 0)
    var total = sum
    var remaining = times
    while remaining > 0 {
      // The increment one addition makes from here (exact: both sums are multiples of `total`'s ulp).
      let next = total + value
      remaining -= 1
      // An addition that changes nothing changes nothing every time after it.
      guard next != total else { return total }
      let step = next - total
      guard total.isNormal else {
        total = next
        continue
      }
      let unit = total.ulp
      let scaled = value / unit  // exact: a power of two apart
      guard scaled - scaled.rounded(.down) != 0.5 else {  // a tie: rounding then depends on the sum's last bit
        total = next
        continue
      }
      // Additions from `next` on add `step` as long as `sum + value` stays below the binade's end.
      let end = total.binade * 2
      let room = ((end - value - next) / step).rounded(.down) - 4  // a margin for the division's rounding
      let run = room > 0 ? min(remaining, Int(min(room, 1e15))) : 0
      total = next + Double(run) * step
      remaining -= run
    }
    return total
  }
}
