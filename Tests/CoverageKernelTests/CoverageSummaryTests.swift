import CoverageKernel
import Testing

/// The covered-area table's sums: bit for bit those of adding every cell's area in turn.
@Suite struct CoverageSummaryTests {

  static func loop(_ sum: Double, adding value: Double, times: Int) -> Double {
    var total = sum
    for _ in 0..<times { total += value }
    return total
  }

  @Test func aSequentialSumIsTheLoopsSum() {
    var random = SplitMix64(seed: 9)
    for case_ in 0..<3_000 {
      let value: Double
      switch case_ % 4 {
      case 0: value = Double.random(in: 1e-4...10, using: &random)
      case 1: value = 0.0009  // a 30 m cell in km²
      case 2: value = Double(Int.random(in: 1...7, using: &random)) * 0x1p-20  // ties against some sums' ulps
      default: value = Double.random(in: 1e-12...1e-6, using: &random)
      }
      let start =
        case_ % 4 == 2
        ? Double.random(in: 0x1p32...0x1p34, using: &random)  // ulps of 2^-20 to 2^-18
        : case_ % 3 == 0 ? 0 : Double.random(in: 0...1e4, using: &random)
      let times = Int.random(in: 0...(case_ % 5 == 0 ? 200_000 : 3_000), using: &random)
      let expected = Self.loop(start, adding: value, times: times)
      let sum = CoverageSummary.sequentialSum(start, adding: value, times: times)
      #expect(sum == expected, "\(start) + \(times) x \(value): \(sum) vs \(expected)")
      if sum != expected { return }
    }
  }

  @Test func anIncrementBelowHalfAnUlpLeavesTheSum() {
    #expect(CoverageSummary.sequentialSum(1e16, adding: 0.5, times: 1_000_000) == 1e16)
    #expect(CoverageSummary.sequentialSum(1, adding: 0x1p-53, times: 10) == Self.loop(1, adding: 0x1p-53, times: 10))
  }

  /// A network of one random field; the summary against a cell-by-cell sum of the same planes.
  func check(_ system: GridGeometry.CoordinateSystem, cell: Double, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let (width, height) = (173, 211)
    let geometry = GridGeometry(
      coordinateSystem: system, originX: system == .geographic ? -77 : 280_000,
      originY: system == .geographic ? -5 : 9_330_000, cellWidth: cell, cellHeight: cell, width: width,
      height: height)
    var msl = [Float](repeating: .nan, count: width * height)
    var grounds = [Float](repeating: 0, count: width * height)
    for index in msl.indices where Int.random(in: 0..<10, using: &random) > 1 {
      let ground = Float.random(in: 0...3_000, using: &random)
      let above = Int.random(in: 0..<8, using: &random) == 0 ? .infinity : Float.random(in: 0...4_000, using: &random)
      msl[index] = ground + above
      grounds[index] = ground
    }
    var network = NetworkCoverage(geometry: geometry, altitudesAGL: [150, 300, 1_000, 3_000], altitudesMSL: [4_572])
    network.merge(
      CoverageField(geometry: geometry, lowestAltitudeMSL: msl, groundHeights: grounds, ceilingMSL: nil))
    let summary = CoverageSummary(network: network, earth: .standard)
    var computed = 0.0
    var covered = [Double](repeating: 0, count: 5)
    for row in 0..<height {
      let area = geometry.cellArea(row: row, earthRadius: EarthModel.standard.radius) / 1e6
      for column in 0..<width {
        let index = row * width + column
        guard network.isInRange(index) else { continue }
        computed += area
        for bit in covered.indices where network.coveredBits(at: index) & (1 << UInt16(bit)) != 0 {
          covered[bit] += area
        }
      }
    }
    #expect(computed > 0 && covered.allSatisfy { $0 > 0 && $0 < computed })
    #expect(summary.computedAreaKm2 == computed)
    #expect(summary.rows.map(\.coveredAreaKm2) == covered)
    #expect(summary.rows.map(\.coveredPercent) == covered.map { 100 * $0 / computed })
  }

  @Test func projectedSumsAreTheCellByCellSums() {
    check(.projected, cell: 30, seed: 1)
    check(.projected, cell: 92.6, seed: 2)
  }

  @Test func geographicSumsAreTheCellByCellSums() {
    check(.geographic, cell: 1.0 / 1_200, seed: 3)
    check(.geographic, cell: 1.0 / 3_600, seed: 4)
  }
}
