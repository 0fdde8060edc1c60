import CoverageKernel

/// What the simulation looks up of a radar's line-of-sight field, per cell of its window: the lowest altitude MSL
/// it sees, and the ceiling MSL above which its cone of silence hides a target. Kept instead of the whole
/// `CoverageField`, whose above-ground plane the simulation never reads.
public struct RadarVisibility: Sendable {
  /// The radar's window.
  public var geometry: GridGeometry
  /// Lowest visible altitude MSL per cell; NaN out of range.
  public var floorMSL: [Float]
  /// Highest visible altitude MSL per cell (cone of silence); nil when the radar has no maximum elevation.
  public var ceilingMSL: [Float]?

  /// The visibility of `field`, dropping what the simulation does not use.
  public init(_ field: CoverageField) {
    geometry = field.geometry
    floorMSL = field.lowestAltitudeMSL
    ceilingMSL = field.ceilingMSL
  }

  /// Whether a target at `altitude` metres MSL over map position (`x`, `y`) is in line of sight: above the floor and
  /// under the ceiling of the nearest cell.
  public func sees(x: Double, y: Double, altitude: Double) -> Bool {
    let column = Int(geometry.column(ofX: x).rounded())
    let row = Int(geometry.row(ofY: y).rounded())
    guard column >= 0, row >= 0, column < geometry.width, row < geometry.height else { return false }
    let index = row * geometry.width + column
    let floor = floorMSL[index]
    guard !floor.isNaN, altitude >= Double(floor) else { return false }
    if let ceilingMSL, altitude > Double(ceilingMSL[index]) { return false }
    return true
  }
}
