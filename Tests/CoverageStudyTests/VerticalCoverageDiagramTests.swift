import CoverageKernel
import CoverageStudy
import Foundation
import RadarModels
import Testing

/// The vertical coverage diagram's detection contours sit where the detection model puts them, masked only where
/// the terrain or the Earth's curvature hides a target.
@Suite struct VerticalCoverageDiagramTests {
  let earth = EarthModel.standard
  /// A flat sea-level plain, 10 m antenna, 100 km due east.
  func diagram(r50: Double, maximumElevation: Double? = nil) -> (VerticalCoverageDiagram, SwerlingOneDetection) {
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: -5_000, originY: 5_000, cellWidth: 500, cellHeight: 500, width: 220,
      height: 20)
    let terrain = ElevationGrid(geometry: geometry, heights: [Float](repeating: 0, count: 220 * 20))
    let profile = TerrainProfile(
      terrain: terrain, from: MapPoint(x: 0, y: 0), antennaAltitude: 10, azimuth: .pi / 2, length: 100_000,
      step: 250, earth: earth, maximumElevation: maximumElevation)
    let model = SwerlingOneDetection(r50ForOneSquareMetre: r50)
    let contours = [0.5, 0.9].map {
      VerticalCoverageDiagram.Contour(probability: $0, slantRange: model.range(forProbability: $0, rcs: 1))
    }
    return (
      VerticalCoverageDiagram(
        profile: profile, radarName: "test", detectionNote: "test", contours: contours, topAltitude: 12_000,
        referenceAltitudes: [("FL100", FlightLevel(100).metresMSL)], referenceAboveGround: 300),
      model
    )
  }

  @Test func halfProbabilityContourForOneSquareMetreSitsAtR50() throws {
    let r50 = 60_000.0
    let (diagram, model) = diagram(r50: r50)
    let contour = try #require(diagram.contours.first { $0.probability == 0.5 })
    #expect(abs(contour.slantRange - r50) < 1e-6)
    let points = diagram.contourPoints(contour)
    let seen = points.filter(\.seen)
    #expect(seen.count > 100)
    for point in points {
      // Slant range over the effective Earth, worked out afresh: height above the antenna's tangent plane.
      let above = point.altitude - 10 - earth.curvatureDrop(atDistance: point.distance)
      let slant = (point.distance * point.distance + above * above).squareRoot()
      #expect(abs(slant - r50) < 1)
      #expect(abs(model.probability(range: slant, rcs: 1) - 0.5) < 1e-4)
    }
    // Unmasked, the contour's lowest seen point lies at R50 along the ground, just above the curvature's floor.
    let lowest = try #require(seen.min { $0.altitude < $1.altitude })
    #expect(abs(lowest.distance - r50) < 500)
    let floor = earth.lowestVisibleAltitudeOverSmoothSphere(antennaHeight: 10, distance: r50)
    #expect(lowest.altitude >= floor - 1 && lowest.altitude < floor + 50)
    // Below that floor the Earth hides the contour.
    #expect(points.contains { !$0.seen && $0.altitude < floor })
  }

  @Test func tableGivesEachContoursTopOutToItsRangeAndTheCeiling() throws {
    let (diagram, _) = diagram(r50: 60_000, maximumElevation: 20)
    let lines = diagram.csv().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(
      lines[0].map(String.init) == [
        "distance_m", "ground_msl_m", "lowest_visible_msl_m", "ceiling_msl_m", "pd_0_5_top_msl_m", "pd_0_9_top_msl_m",
      ])
    let rows = lines.dropFirst()
    #expect(rows.count == 401)
    var capped = 0
    var below = 0
    for row in rows {
      let distance = try #require(Double(row[0]))
      #expect(row[4].isEmpty == (distance > 60_000))
      let ceiling = try #require(Double(row[3]))
      #expect(
        abs(ceiling - (10 + distance * tan(20 * Double.pi / 180) + earth.curvatureDrop(atDistance: distance))) < 0.1)
      if let top = Double(row[4]), let pd09 = Double(row[5]) { #expect(top >= pd09) }
      if let top = Double(row[4]) {
        #expect(top <= ceiling + 0.1)
        if abs(top - ceiling) < 0.1 { capped += 1 } else { below += 1 }
      }
    }
    // Near the radar the cone of silence caps the contour; near its range the contour is lower than the cone.
    #expect(capped > 10 && below > 10)
  }

  @Test func diagramDrawsAtItsStatedSize() {
    let (diagram, _) = diagram(r50: 60_000, maximumElevation: 20)
    let canvas = diagram.draw()
    #expect(canvas.width == VerticalCoverageDiagram.width && canvas.height == VerticalCoverageDiagram.height)
    let planes = canvas.planes()
    // Not a blank image: the terrain, the mask and the contours are drawn.
    #expect(Set(zip(planes.red, planes.green).map { "\($0)-\($1)" }).count > 20)
  }
}
