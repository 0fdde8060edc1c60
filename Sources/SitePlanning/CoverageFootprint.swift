import CoverageKernel

/// Which cells of the planning grid one radar covers, per altitude: sorted cell indices (4 bytes a covered cell),
/// so hundreds of candidates fit where their fields (4 bytes a cell of each window) would not.
public struct CoverageFootprint: Sendable, Equatable {
  /// Per planning altitude, the covered cells of the planning grid, ascending.
  public var coveredCells: [[UInt32]]

  /// A footprint from its covered cells per altitude (each list ascending).
  public init(coveredCells: [[UInt32]]) {
    self.coveredCells = coveredCells
  }

  /// The cells of the planning grid (`geometry`) that `field` covers at each of `altitudes`, keeping only cells
  /// where `keep` is true (the cells of some region: others never count). The field's grid must be a window of
  /// the planning grid with the same cell size (a kernel run over a crop of the planning terrain).
  public init(field: CoverageField, in geometry: GridGeometry, altitudes: [PlanningAltitude], keep: [Bool]) {
    let window = geometry.window(of: field.geometry)
    var covered = altitudes.map { _ in [UInt32]() }
    for row in 0..<window.height {
      let planningRow = window.row + row
      guard planningRow >= 0, planningRow < geometry.height else { continue }
      for column in 0..<window.width {
        let planningColumn = window.column + column
        guard planningColumn >= 0, planningColumn < geometry.width else { continue }
        let cell = planningRow * geometry.width + planningColumn
        guard keep[cell] else { continue }
        let index = row * window.width + column
        guard field.isInRange(index) else { continue }
        for (number, altitude) in altitudes.enumerated() where altitude.isVisible(in: field, at: index) {
          covered[number].append(UInt32(cell))
        }
      }
    }
    self.coveredCells = covered
  }
}
