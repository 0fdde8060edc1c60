import CoverageKernel
import Foundation
import RadarModels

/// A geographic DEM of three Gaussian hills on a 200 m plain, 80 × 80 cells of 0.002° (about 220 m).
enum SyntheticHills {
  /// The hills: (row, column, peak above the plain in metres), highest first.
  static let hills = [
    (row: 20, column: 20, rise: 1300.0), (row: 20, column: 30, rise: 1000.0), (row: 60, column: 60, rise: 800.0),
  ]

  static let geometry = GridGeometry(
    coordinateSystem: .geographic, originX: -75, originY: -10, cellWidth: 0.002, cellHeight: 0.002, width: 80,
    height: 80)

  static let terrain: ElevationGrid = {
    var heights = [Float](repeating: 0, count: 80 * 80)
    for row in 0..<80 {
      for column in 0..<80 {
        var height = 200.0
        for hill in hills {
          let dr = Double(row - hill.row)
          let dc = Double(column - hill.column)
          height += hill.rise * exp(-(dr * dr + dc * dc) / 18)
        }
        heights[row * 80 + column] = Float(height)
      }
    }
    return ElevationGrid(geometry: geometry, heights: heights)
  }()

  /// The centre of a cell.
  static func coordinate(row: Int, column: Int) -> GeoCoordinate {
    GeoCoordinate(latitude: geometry.y(ofRow: Double(row)), longitude: geometry.x(ofColumn: Double(column)))
  }

  static func fact<T: Sendable & Equatable>(_ value: T) -> Sourced<T> { Sourced(value, .assumption("test")) }

  /// A primary radar with an 8 km instrumented range (its 1 m² R50 is far beyond), or a secondary one.
  static func radarType(role: SensorRole = .primary, availability: Double = 0.9) -> RadarType {
    RadarType(
      id: RadarType.ID("test"), name: "test", role: role, instrumentedRange: fact(8000),
      elevationLimits: fact(-5...60), scanPeriod: fact(10),
      r50ForOneSquareMetre: role == .primary ? fact(300_000) : nil,
      cooperativeDetection: role == .secondary ? fact(0.98) : nil, antennaHeight: fact(15),
      availability: fact(availability), meanTimeToRepair: fact(24))
  }

  static let target = TargetClass(id: "light", name: "light aircraft", radarCrossSection: fact(2), transponderOn: false)
}
