import CoverageKernel
import Foundation
import Testing

/// Over a smooth sea-level sphere the lowest visible altitude has a closed form: `(D − √(2kRh))² / 2kR`.
@Suite struct SmoothSphereTests {
  let earth = EarthModel.standard

  @Test func projectedGridMatchesTheClosedFormTo400Kilometres() throws {
    let terrain = TestTerrain.projected(size: 801, cell: 1000) { _, _ in 0 }
    let site = TestTerrain.site(range: 400_000)
    let field = try LineOfSightKernel(threads: 2).coverage(of: site, over: terrain)
    var checked = 0
    for row in 0..<801 {
      for column in 0..<801 {
        let index = row * 801 + column
        let x = terrain.geometry.x(ofColumn: Double(column))
        let y = terrain.geometry.y(ofRow: Double(row))
        let distance = (x * x + y * y).squareRoot()
        guard distance <= 400_000 else {
          #expect(field.lowestAltitudeMSL[index].isNaN)
          continue
        }
        let expected = earth.lowestVisibleAltitudeOverSmoothSphere(antennaHeight: 10, distance: distance)
        let actual = Double(field.lowestAltitudeAGL(at: index))
        #expect(abs(actual - expected) <= 1 + 0.002 * expected, "at \(distance) m: \(actual) vs \(expected)")
        checked += 1
      }
    }
    #expect(checked > 490_000)
  }

  @Test func geographicGridUsesGreatCircleDistances() throws {
    let latitude = -12.6
    let longitude = -69.2
    let terrain = TestTerrain.geographic(
      longitude: longitude, latitude: latitude, columns: 721, rows: 721, cell: 0.01)
    let site = TestTerrain.site(at: MapPoint(x: longitude, y: latitude), range: 390_000)
    let field = try LineOfSightKernel(threads: 2).coverage(of: site, over: terrain)
    var worst = 0.0
    var checked = 0
    for row in stride(from: 0, to: 721, by: 3) {
      for column in stride(from: 0, to: 721, by: 3) {
        let distance = Geodesy.distance(
          fromLatitude: latitude, longitude: longitude, toLatitude: terrain.geometry.y(ofRow: Double(row)),
          longitude: terrain.geometry.x(ofColumn: Double(column)), radius: earth.radius)
        let value = field.lowestAltitudeAGL(at: row * 721 + column)
        guard distance <= 389_000 else { continue }
        let expected = earth.lowestVisibleAltitudeOverSmoothSphere(antennaHeight: 10, distance: distance)
        worst = max(worst, abs(Double(value) - expected) - 0.002 * expected)
        checked += 1
      }
    }
    #expect(checked > 40_000)
    #expect(worst <= 1, "worst excess error \(worst) m")
  }

  @Test func insideTheHorizonTheGroundIsVisible() throws {
    let terrain = TestTerrain.projected(size: 201, cell: 200) { _, _ in 0 }
    let site = TestTerrain.site(height: 30, range: 20_000)
    let field = try LineOfSightKernel(threads: 1).coverage(of: site, over: terrain)
    let horizon = earth.horizonDistance(antennaHeight: 30)
    #expect(horizon > 22_000)
    let inRange = field.lowestAltitudeAGLPlane().filter { !$0.isNaN }
    #expect(inRange.count > 30_000)
    #expect(inRange.max()! <= 0.5, "highest \(inRange.max()!) m")
  }

  @Test func refractionFactorWidensTheHorizon() throws {
    let terrain = TestTerrain.projected(size: 401, cell: 500) { _, _ in 0 }
    let site = TestTerrain.site(height: 10, range: 100_000)
    let noRefraction = EarthModel(refractionFactor: 1)
    let geometric = try LineOfSightKernel(earth: noRefraction, threads: 1).coverage(of: site, over: terrain)
    let standard = try LineOfSightKernel(threads: 1).coverage(of: site, over: terrain)
    let index = 200 * 401 + 200 + 160  // 80 km east of the radar
    let expected = noRefraction.lowestVisibleAltitudeOverSmoothSphere(antennaHeight: 10, distance: 80_000)
    #expect(abs(Double(geometric.lowestAltitudeAGL(at: index)) - expected) <= 1 + 0.002 * expected)
    #expect(standard.lowestAltitudeAGL(at: index) < geometric.lowestAltitudeAGL(at: index) - 50)
  }
}
