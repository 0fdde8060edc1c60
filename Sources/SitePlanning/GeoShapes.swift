import CoverageKernel
import Foundation
import RadarModels

/// Point-in-polygon and distance-to-polyline tests on latitude and longitude.
enum GeoShapes {
  /// Whether `point` lies inside `rings` by the even-odd rule (a ring inside another is a hole), with longitude
  /// and latitude taken as plane coordinates (rings that do not cross the antimeridian).
  static func contains(_ rings: [[GeoCoordinate]], _ point: GeoCoordinate) -> Bool {
    var inside = false
    for ring in rings where ring.count >= 3 {
      var previous = ring[ring.count - 1]
      for vertex in ring {
        if (vertex.latitude > point.latitude) != (previous.latitude > point.latitude) {
          let crossing =
            vertex.longitude + (point.latitude - vertex.latitude) / (previous.latitude - vertex.latitude)
            * (previous.longitude - vertex.longitude)
          if point.longitude < crossing { inside.toggle() }
        }
        previous = vertex
      }
    }
    return inside
  }

  /// Distance in metres from `point` to the nearest of `polylines`, on a local equirectangular plane around the
  /// point (metres per degree of longitude scaled by the point's latitude): within a fraction of a percent over
  /// the few hundred kilometres a siting constraint spans.
  static func distance(from point: GeoCoordinate, to polylines: [[GeoCoordinate]], earthRadius: Double) -> Double {
    let metresPerDegree = earthRadius * .pi / 180
    let east = metresPerDegree * cos(point.latitude * .pi / 180)
    func plane(_ vertex: GeoCoordinate) -> (x: Double, y: Double) {
      ((vertex.longitude - point.longitude) * east, (vertex.latitude - point.latitude) * metresPerDegree)
    }
    var nearest = Double.infinity
    for line in polylines {
      guard let first = line.first else { continue }
      var a = plane(first)
      nearest = min(nearest, (a.x * a.x + a.y * a.y).squareRoot())
      for vertex in line.dropFirst() {
        let b = plane(vertex)
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = dx * dx + dy * dy
        let t = length > 0 ? min(max(-(a.x * dx + a.y * dy) / length, 0), 1) : 0
        let x = a.x + t * dx
        let y = a.y + t * dy
        nearest = min(nearest, (x * x + y * y).squareRoot())
        a = b
      }
    }
    return nearest
  }
}
