import CoverageKernel
import Foundation
import RadarModels

/// Summits and ridge points of a DEM as candidate radar sites.
public enum CandidateFinder {
  /// The cells of `terrain` (a geographic grid) that are higher than every other cell within
  /// `criteria.prominenceRadius` by at least `criteria.minimumProminence` (and by more than nothing), inside the
  /// area, under the cap and near the features when those are set; then, highest first (ties by cell, row-major),
  /// each kept only when it lies at least `minimumSpacing` from every one kept before; then, with `topCount`, the
  /// most prominent of those (ties by height, then cell). Returned highest first, ties by cell, named
  /// "summit 1", "summit 2", … in that order: the same terrain and criteria always give the same list.
  ///
  /// Voids (non-finite heights) are never candidates and do not count against a neighbour's prominence.
  public static func candidates(
    on terrain: ElevationGrid, criteria: CandidateCriteria, earthRadius: Double = EarthModel.meanRadius
  ) throws(SitePlanningError) -> [CandidateSite] {
    let geometry = terrain.geometry
    guard geometry.coordinateSystem == .geographic else { throw .projectedGrid }
    try criteria.validate()
    var found: [(cell: Int, height: Double, prominence: Double, coordinate: GeoCoordinate)] = []
    for row in 0..<geometry.height {
      for column in 0..<geometry.width {
        let height = terrain[row, column]
        guard height.isFinite else { continue }
        if let cap = criteria.maximumGroundHeight, Double(height) > cap { continue }
        guard isHighestOfNeighbours(terrain, row: row, column: column) else { continue }
        let coordinate = GeoCoordinate(
          latitude: geometry.y(ofRow: Double(row)), longitude: geometry.x(ofColumn: Double(column)))
        if let area = criteria.area, !GeoShapes.contains(area, coordinate) { continue }
        if let features = criteria.nearFeatures,
          GeoShapes.distance(from: coordinate, to: features, earthRadius: earthRadius) > criteria.maximumDistance
        {
          continue
        }
        let prominence = localProminence(
          terrain, row: row, column: column, radius: criteria.prominenceRadius, earthRadius: earthRadius)
        guard prominence > 0, prominence >= criteria.minimumProminence else { continue }
        found.append((row * geometry.width + column, Double(height), prominence, coordinate))
      }
    }
    found.sort { $0.height != $1.height ? $0.height > $1.height : $0.cell < $1.cell }
    var kept: [(cell: Int, height: Double, prominence: Double, coordinate: GeoCoordinate)] = []
    for candidate in found {
      let spaced = kept.allSatisfy {
        Geodesy.distance(
          fromLatitude: $0.coordinate.latitude, longitude: $0.coordinate.longitude,
          toLatitude: candidate.coordinate.latitude, longitude: candidate.coordinate.longitude, radius: earthRadius)
          >= criteria.minimumSpacing
      }
      if spaced { kept.append(candidate) }
    }
    if let topCount = criteria.topCount, kept.count > topCount {
      kept.sort {
        if $0.prominence != $1.prominence { return $0.prominence > $1.prominence }
        return $0.height != $1.height ? $0.height > $1.height : $0.cell < $1.cell
      }
      kept = Array(kept.prefix(topCount))
      kept.sort { $0.height != $1.height ? $0.height > $1.height : $0.cell < $1.cell }
    }
    return kept.enumerated().map { number, candidate in
      CandidateSite(
        name: "summit \(number + 1)", coordinate: candidate.coordinate, groundHeight: candidate.height,
        prominence: candidate.prominence)
    }
  }

  /// Whether the cell is at least as high as its eight neighbours (voids aside): a cheap test every candidate
  /// passes, so the disc is searched only around local maxima.
  private static func isHighestOfNeighbours(_ terrain: ElevationGrid, row: Int, column: Int) -> Bool {
    let geometry = terrain.geometry
    let height = terrain[row, column]
    for r in max(row - 1, 0)...min(row + 1, geometry.height - 1) {
      for c in max(column - 1, 0)...min(column + 1, geometry.width - 1) where (r, c) != (row, column) {
        let other = terrain[r, c]
        if other.isFinite, other > height { return false }
      }
    }
    return true
  }

  /// The cell's height less the highest other cell within `radius` metres (cell-centre distances, cell sizes
  /// taken at the cell's latitude); +∞ when no other cell lies that close.
  private static func localProminence(
    _ terrain: ElevationGrid, row: Int, column: Int, radius: Double, earthRadius: Double
  ) -> Double {
    let geometry = terrain.geometry
    let size = geometry.cellSizeInMetres(nearY: geometry.y(ofRow: Double(row)), earthRadius: earthRadius)
    let rowReach = Int((radius / size.height).rounded(.down))
    let columnReach = Int((radius / size.width).rounded(.down))
    var highest = -Double.infinity
    for r in max(row - rowReach, 0)...min(row + rowReach, geometry.height - 1) {
      let dy = Double(r - row) * size.height
      for c in max(column - columnReach, 0)...min(column + columnReach, geometry.width - 1)
      where (r, c) != (row, column) {
        let dx = Double(c - column) * size.width
        guard dx * dx + dy * dy <= radius * radius else { continue }
        let other = terrain[r, c]
        if other.isFinite { highest = max(highest, Double(other)) }
      }
    }
    return Double(terrain[row, column]) - highest
  }
}
