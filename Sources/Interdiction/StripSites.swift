import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// Where in an area a strip can be: the known strips inside it within the slope and altitude caps, or, when it has
/// none, every DEM cell inside it within the caps.
enum StripSites {
  /// The strip positions of `area` under `siting` over `world` that `usable` accepts.
  static func find(
    in area: FlightPattern.Area, siting: StripSiting, world: SimulationWorld, usable: (GeoCoordinate) -> Bool
  ) -> [GeoCoordinate] {
    func inside(_ position: GeoCoordinate) -> Bool {
      Geodesy.distance(
        fromLatitude: area.latitude, longitude: area.longitude, toLatitude: position.latitude,
        longitude: position.longitude, radius: world.earth.radius) <= area.radius
    }
    func suitable(_ position: GeoCoordinate) -> Bool {
      let ground = world.ground(latitude: position.latitude, longitude: position.longitude)
      return ground <= siting.maximumAltitude.value
        && world.slope(latitude: position.latitude, longitude: position.longitude) <= siting.maximumSlope.value
        && usable(position)
    }
    let known = world.knownStrips.filter { inside($0) && suitable($0) }
    if !known.isEmpty { return known }
    let geometry = world.terrain.geometry
    guard
      let window = geometry.window(
        around: MapPoint(x: area.longitude, y: area.latitude), radius: area.radius, earthRadius: world.earth.radius,
        margin: 0)
    else { return [] }
    var sites: [GeoCoordinate] = []
    for row in window.row..<(window.row + window.height) {
      for column in window.column..<(window.column + window.width) {
        let position = GeoCoordinate(
          latitude: geometry.y(ofRow: Double(row)), longitude: geometry.x(ofColumn: Double(column)))
        let height = world.terrain.heights[row * geometry.width + column]
        guard !height.isNaN, Double(height) <= siting.maximumAltitude.value, inside(position),
          world.slope(column: column, row: row) <= siting.maximumSlope.value, usable(position)
        else { continue }
        sites.append(position)
      }
    }
    return sites
  }

  static func percent(_ slope: Double) -> String {
    slope >= 1e10 ? "any" : String(format: "%.3g %%", slope * 100)
  }

  static func metres(_ altitude: Double) -> String {
    altitude >= 1e10 ? "any" : String(format: "%.0f m", altitude)
  }
}
