import Foundation
import MapCanvas
import RadarModels

/// Colours and symbols of radars on maps and in KML: by operator, primary as triangles, secondary as squares,
/// notional sites hollow (white).
enum OperatorStyle {
  static func colour(for placement: RadarPlacement) -> RGBColour {
    if placement.notional { return .white }
    switch placement.operator {
    case "FAP": return RGBColour(31, 90, 200)
    case "CORPAC": return RGBColour(235, 140, 20)
    default: return RGBColour(150, 60, 170)
    }
  }

  static func hex(_ colour: RGBColour) -> String {
    String(format: "#%02X%02X%02X", colour.red, colour.green, colour.blue)
  }

  /// Real-time coverage, and coverage that reaches the picture only by voice relay.
  static let realTime = RGBColour(0, 150, 70)
  static let relayOnly = RGBColour(250, 190, 40)
  static let border = RGBColour(40, 40, 40)
}
