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

  /// Sums cell areas of `network` (geodesic cell areas on geographic grids).
  public init(network: NetworkCoverage, earth: EarthModel = .standard) {
    let geometry = network.geometry
    let altitudes =
      network.altitudesAGL.map { (AltitudeReference.aboveGroundLevel, $0) }
      + network.altitudesMSL.map { (AltitudeReference.meanSeaLevel, $0) }
    var computed = 0.0
    var covered = [Double](repeating: 0, count: altitudes.count)
    for row in 0..<geometry.height {
      let area = geometry.cellArea(row: row, earthRadius: earth.radius) / 1e6
      for column in 0..<geometry.width {
        let index = row * geometry.width + column
        guard network.isInRange(index) else { continue }
        computed += area
        let bits = network.coveredBits(at: index)
        for bit in covered.indices where bits & (1 << UInt16(bit)) != 0 { covered[bit] += area }
      }
    }
    computedAreaKm2 = computed
    rows = zip(altitudes, covered).map { altitude, area in
      Row(
        altitudeReference: altitude.0, altitude: Double(altitude.1), coveredAreaKm2: area,
        coveredPercent: computed > 0 ? 100 * area / computed : 0)
    }
  }
}
