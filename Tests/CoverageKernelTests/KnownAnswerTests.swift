import CoverageKernel
import Foundation
import Testing

/// Terrain shapes whose lowest visible altitude can be worked out by hand: a wall, a cliff, cones.
@Suite struct KnownAnswerTests {
  let earth = EarthModel.standard
  let step = 50.0  // half of the 100 m cells

  /// Apparent slope of terrain `z` at `d` seen from an antenna at `antenna` metres.
  func slope(_ z: Double, _ d: Double, _ antenna: Double) -> Double {
    (z - antenna - earth.curvatureDrop(atDistance: d)) / d
  }

  @Test func aWallShadowsTheGroundBehindIt() throws {
    // A 500 m wall three cells thick across the grid, 20 km north of a 10 m antenna on flat ground.
    let terrain = TestTerrain.projected(size: 601, cell: 100) { _, y in abs(y - 20_000) <= 150 ? 500 : 0 }
    let field = try LineOfSightKernel(threads: 2).coverage(of: TestTerrain.site(range: 29_000), over: terrain)
    var checked = 0
    for row in 0..<601 {
      for column in 0..<601 {
        let x = terrain.geometry.x(ofColumn: Double(column))
        let y = terrain.geometry.y(ofRow: Double(row))
        let distance = (x * x + y * y).squareRoot()
        guard y >= 20_300, abs(x) < y, distance <= 29_000 else { continue }
        // Every sample above zero lies past the ramp's foot; one sample lies on the crest within a step of its edge.
        let foot = distance * 19_800 / y
        let crest = distance * 19_900 / y
        let level = 10 + earth.curvatureDrop(atDistance: distance)
        let highest = level + distance * slope(500, foot, 10)
        let lowest = level + distance * slope(500, crest + step, 10)
        let value = Double(field.lowestAltitudeMSL[row * 601 + column])
        #expect(value >= lowest - 1 && value <= highest + 1, "(\(x), \(y)): \(value) not in [\(lowest), \(highest)]")
        checked += 1
      }
    }
    #expect(checked > 10_000)
  }

  @Test func aCliffEdgeShadowsTheValleyBelow() throws {
    // The antenna stands 10 m above a 300 m plateau whose edge lies 1 km north; the valley floor is at 0 m.
    let terrain = TestTerrain.projected(size: 201, cell: 100) { _, y in y <= 1_000 ? 300 : 0 }
    let field = try LineOfSightKernel(threads: 1).coverage(of: TestTerrain.site(range: 9_000), over: terrain)
    var checked = 0
    for row in 0..<201 {
      for column in 0..<201 {
        let x = terrain.geometry.x(ofColumn: Double(column))
        let y = terrain.geometry.y(ofRow: Double(row))
        let distance = (x * x + y * y).squareRoot()
        guard y >= 2_000, abs(x) < y, distance <= 9_000 else { continue }
        let edge = distance * 1_000 / y
        let rampEnd = distance * 1_100 / y
        let level = 310 + earth.curvatureDrop(atDistance: distance)
        let lowest = level + distance * slope(300, edge - step, 310)
        let highest = level + distance * slope(300, rampEnd, 310)
        let value = Double(field.lowestAltitudeMSL[row * 201 + column])
        #expect(value >= lowest - 1 && value <= highest + 1, "(\(x), \(y)): \(value) not in [\(lowest), \(highest)]")
        checked += 1
      }
    }
    #expect(checked > 1_000)
  }

  @Test func fromAConePeakEveryFlankIsVisibleToTheGround() throws {
    let terrain = TestTerrain.projected(size: 301, cell: 100) { x, y in
      max(0, 2_000 - 0.2 * (x * x + y * y).squareRoot())
    }
    let field = try LineOfSightKernel(threads: 2).coverage(of: TestTerrain.site(range: 15_000), over: terrain)
    var checked = 0
    for row in 0..<301 {
      for column in 0..<301 {
        let x = terrain.geometry.x(ofColumn: Double(column))
        let y = terrain.geometry.y(ofRow: Double(row))
        guard (x * x + y * y).squareRoot() < 9_500 else { continue }
        #expect(field.lowestAltitudeAGL(at: row * 301 + column) <= 0.5)
        checked += 1
      }
    }
    #expect(checked > 25_000)
  }

  @Test func aConeCastsASymmetricShadowSetByItsPeak() throws {
    // A 1000 m cone 10 km north of a 10 m antenna on flat ground.
    let terrain = TestTerrain.projected(size: 401, cell: 100) { x, y in
      let dy = y - 10_000
      return max(0, 1_000 - 0.5 * (x * x + dy * dy).squareRoot())
    }
    let field = try LineOfSightKernel(threads: 2).coverage(of: TestTerrain.site(range: 19_000), over: terrain)
    for row in 0..<401 {
      for column in 0..<200 {
        let left = field.lowestAltitudeMSL[row * 401 + column]
        let right = field.lowestAltitudeMSL[row * 401 + 400 - column]
        #expect(left.isNaN ? right.isNaN : abs(left - right) <= 0.01)
      }
    }
    // Straight behind the peak, 15 km out, the peak sets the line of sight.
    let behind = (200 - 150) * 401 + 200
    let expected = 10 + earth.curvatureDrop(atDistance: 15_000) + 15_000 * slope(1_000, 10_000, 10)
    #expect(abs(Double(field.lowestAltitudeMSL[behind]) - expected) <= 1)
  }
}
