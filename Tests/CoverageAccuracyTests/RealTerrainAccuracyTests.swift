import CoverageKernel
import CoverageReference
import Foundation
import Testing

/// The kernel against the exact reference on real Peruvian terrain (skipped when `../shared/terrain` is absent).
@Suite struct RealTerrainAccuracyTests {
  static let altitudes: [Float] = [150, 300, 1_000, 3_000]

  static let composite = SharedData.terrain("peru_composite_30s.tif")
  static let srtm3 = SharedData.terrain("north_peru_3s_srtm3.tif")

  func check(path: String, name: String, latitude: Double, longitude: Double, range: Double, stride: Int) throws
    -> AgreementReport
  {
    let scene = try SharedData.scene(path: path, latitude: latitude, longitude: longitude, range: range)
    let field = try LineOfSightKernel().coverage(of: scene.site, over: scene.terrain)
    let reference = ExactLineOfSight().evaluate(site: scene.site, terrain: scene.terrain, stride: stride)
    let report = AgreementReport(
      field: field, reference: reference, terrain: scene.terrain, altitudes: Self.altitudes)
    print("\(name), \(Int(range / 1_000)) km:", report)
    #expect(report.cellsInRange > 20_000)
    #expect(report.rangeMismatches <= report.cellsInRange / 1_000)
    for altitude in Self.altitudes {
      #expect(report.disagreementShare(at: altitude) <= 0.02, "\(name) at \(altitude) m AGL")
    }
    return report
  }

  @Test(.enabled(if: composite != nil))
  func puertoMaldonadoAmazonLowlands() throws {
    let report = try check(
      path: Self.composite!, name: "Puerto Maldonado (30\")", latitude: -12.6131, longitude: -69.2282,
      range: 300_000, stride: 3)
    #expect(report.medianAbsoluteDifference <= 50)
  }

  @Test(.enabled(if: composite != nil))
  func cuscoAndes() throws {
    _ = try check(
      path: Self.composite!, name: "Cusco (30\")", latitude: -13.5357, longitude: -71.9388, range: 300_000, stride: 3)
  }

  @Test(.enabled(if: composite != nil))
  func cordilleraBlanca() throws {
    _ = try check(
      path: Self.composite!, name: "Cordillera Blanca (30\")", latitude: -9.30, longitude: -77.20, range: 300_000,
      stride: 3)
  }

  @Test(.enabled(if: srtm3 != nil))
  func cajamarcaNorthernAndesAt3Seconds() throws {
    _ = try check(
      path: Self.srtm3!, name: "Cajamarca (3\" SRTM)", latitude: -7.16, longitude: -78.51, range: 50_000, stride: 6)
  }
}
