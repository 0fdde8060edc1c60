import Foundation

/// Great-circle geometry on a sphere, in degrees and metres.
public enum Geodesy {
  /// The point reached by travelling `distance` metres from `latitude`, `longitude` along the great circle that
  /// leaves at `azimuth` (radians clockwise from north), on a sphere of `radius` metres.
  public static func destination(
    latitude: Double, longitude: Double, azimuth: Double, distance: Double, radius: Double
  ) -> (latitude: Double, longitude: Double) {
    let phi1 = latitude * .pi / 180
    let delta = distance / radius
    let sinPhi2 = sin(phi1) * cos(delta) + cos(phi1) * sin(delta) * cos(azimuth)
    let phi2 = asin(min(max(sinPhi2, -1), 1))
    let dLambda = atan2(sin(azimuth) * sin(delta) * cos(phi1), cos(delta) - sin(phi1) * sinPhi2)
    return (phi2 * 180 / .pi, longitude + dLambda * 180 / .pi)
  }

  /// Great-circle distance in metres between two points (haversine, stable at short range).
  public static func distance(
    fromLatitude lat1: Double, longitude lon1: Double, toLatitude lat2: Double, longitude lon2: Double,
    radius: Double
  ) -> Double {
    let phi1 = lat1 * .pi / 180
    let phi2 = lat2 * .pi / 180
    let dPhi = phi2 - phi1
    let dLambda = (lon2 - lon1) * .pi / 180
    let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
    return 2 * radius * asin(min(a.squareRoot(), 1))
  }

  /// Initial azimuth in radians, clockwise from north in [0, 2π), of the great circle from the first point to the
  /// second.
  public static func azimuth(
    fromLatitude lat1: Double, longitude lon1: Double, toLatitude lat2: Double, longitude lon2: Double
  ) -> Double {
    let phi1 = lat1 * .pi / 180
    let phi2 = lat2 * .pi / 180
    let dLambda = (lon2 - lon1) * .pi / 180
    let x = sin(dLambda) * cos(phi2)
    let y = cos(phi1) * sin(phi2) - sin(phi1) * cos(phi2) * cos(dLambda)
    let angle = atan2(x, y)
    return angle < 0 ? angle + 2 * .pi : angle
  }
}
