import CoverageKernel
import GeoRaster

/// Analysis regions burnt onto the study grid, and the areas they and the coverage take up.
struct RegionAreas {
  var names: [String]
  var masks: [[UInt8]]

  /// Region area and covered area per tracked altitude (the network's bits: AGL altitudes, then MSL ones), km², for
  /// every region: `(region, altitude)`.
  func areas(of network: NetworkCoverage, terrain: [Float], earthRadius: Double) -> (
    region: [Double], covered: [[Double]]
  ) {
    let geometry = network.geometry
    let altitudes = network.altitudesAGL.count + network.altitudesMSL.count
    var region = [Double](repeating: 0, count: names.count)
    var covered = [[Double]](repeating: [Double](repeating: 0, count: altitudes), count: names.count)
    for row in 0..<geometry.height {
      let area = geometry.cellArea(row: row, earthRadius: earthRadius) / 1e6
      for column in 0..<geometry.width {
        let index = row * geometry.width + column
        guard !terrain[index].isNaN else { continue }
        let bits = network.coveredBits(at: index)
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

extension RegionAreas {
  /// The regions of the vector file `path`, named by `nameField`, burnt onto `georeference`'s grid.
  ///
  /// Refuses, in one line naming the file, a file without any feature that has a geometry (a study would
  /// otherwise report no region at all and succeed) and a region that covers no cell of the grid (it lies outside
  /// the DEM or is not a polygon: its area would read 0 km²).
  static func read(path: String, nameField: String, georeference: RasterGeoreference) throws -> RegionAreas {
    let masks = try VectorFeatures.polygonMasks(path: path, nameField: nameField, georeference: georeference)
    guard !masks.isEmpty else {
      throw StudyError(
        "the regions file '\(path)' has no features with a geometry (a scenario's regions.file needs at least one polygon)"
      )
    }
    if let empty = masks.first(where: { !$0.mask.contains(1) }) {
      throw StudyError(
        "region '\(Self.shortName(empty.name))' of the regions file '\(path)' covers no cell of the study grid"
          + " (it lies outside the DEM, or is not a polygon)")
    }
    return RegionAreas(names: masks.map(\.name), masks: masks.map(\.mask))
  }

  /// A region name as an error quotes it: one line, at most 80 characters.
  private static func shortName(_ name: String) -> String {
    let flat = name.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
  }
}
