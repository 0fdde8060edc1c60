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
    var counts = [Int](repeating: 0, count: altitudes.count)
    var rowBits = [UInt16](repeating: 0, count: width)
    network.lowestAltitudeMSL.withUnsafeBufferPointer { msl in
      network.coveredBits.withUnsafeBufferPointer { bits in
        rowBits.withUnsafeMutableBufferPointer { rowBits in
          for row in 0..<geometry.height {
            let start = row * width
            var inRange = 0
            var any: UInt16 = 0
            for column in 0..<width {
              let valid = !msl[start + column].isNaN
              let kept = valid ? bits[start + column] : 0
              rowBits[column] = kept
              any |= kept
              inRange &+= valid ? 1 : 0
            }
            guard inRange > 0 else { continue }
            for bit in counts.indices {
              guard any & (1 << UInt16(bit)) != 0 else {
                counts[bit] = 0
                continue
              }
              var count = 0
              for column in 0..<width { count &+= Int((rowBits[column] &>> UInt16(bit)) & 1) }
              counts[bit] = count
            }
            let area = geometry.cellArea(row: row, earthRadius: earth.radius) / 1e6
            computed = Self.sequentialSum(computed, adding: area, times: inRange)
            for bit in counts.indices where counts[bit] > 0 {
              covered[bit] = Self.sequentialSum(covered[bit], adding: area, times: counts[bit])
            }
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
