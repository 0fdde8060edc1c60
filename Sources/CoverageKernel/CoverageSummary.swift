/// Covered area of a network at fixed altitudes above ground, in square kilometres and as a share of the area
/// in range of at least one radar.
public struct CoverageSummary: Sendable, Equatable, Codable {
  /// One altitude's figures.
  public struct Row: Sendable, Equatable, Codable {
    /// Target altitude above ground, metres.
    public var altitudeAGL: Double
    /// Area where a target at that altitude is visible, km².
    public var coveredAreaKm2: Double
    /// `coveredAreaKm2` as a per cent of `computedAreaKm2`.
    public var coveredPercent: Double
  }

  /// Area in range of at least one radar (on valid terrain), km².
  public var computedAreaKm2: Double
  /// One row per tracked altitude, in the network's order.
  public var rows: [Row]

  /// Sums cell areas of `network` (geodesic cell areas on geographic grids).
  public init(network: NetworkCoverage, earth: EarthModel = .standard) {
    let geometry = network.geometry
    var computed = 0.0
    var covered = [Double](repeating: 0, count: network.altitudesAGL.count)
    for row in 0..<geometry.height {
      let area = geometry.cellArea(row: row, earthRadius: earth.radius) / 1e6
      for column in 0..<geometry.width {
        let index = row * geometry.width + column
        guard network.isInRange(index) else { continue }
        computed += area
        let bits = network.coveredBits[index]
        for bit in covered.indices where bits & (1 << UInt16(bit)) != 0 { covered[bit] += area }
      }
    }
    computedAreaKm2 = computed
    rows = zip(network.altitudesAGL, covered).map { altitude, area in
      Row(altitudeAGL: Double(altitude), coveredAreaKm2: area, coveredPercent: computed > 0 ? 100 * area / computed : 0)
    }
  }
}
