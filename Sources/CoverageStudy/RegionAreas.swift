import CoverageKernel

/// Analysis regions burnt onto the study grid, and the areas they and the coverage take up.
struct RegionAreas {
  var names: [String]
  var masks: [[UInt8]]

  /// Region area and covered area per tracked altitude, km², for every region: `(region, altitude)`.
  func areas(of network: NetworkCoverage, terrain: [Float], earthRadius: Double) -> (
    region: [Double], covered: [[Double]]
  ) {
    let geometry = network.geometry
    let altitudes = network.altitudesAGL.count
    var region = [Double](repeating: 0, count: names.count)
    var covered = [[Double]](repeating: [Double](repeating: 0, count: altitudes), count: names.count)
    for row in 0..<geometry.height {
      let area = geometry.cellArea(row: row, earthRadius: earthRadius) / 1e6
      for column in 0..<geometry.width {
        let index = row * geometry.width + column
        guard !terrain[index].isNaN else { continue }
        let bits = network.coveredBits[index]
        for (number, mask) in masks.enumerated() where mask[index] != 0 {
          region[number] += area
          guard bits != 0 else { continue }
          for altitude in 0..<altitudes where bits & (1 << UInt16(altitude)) != 0 { covered[number][altitude] += area }
        }
      }
    }
    return (region, covered)
  }
}
