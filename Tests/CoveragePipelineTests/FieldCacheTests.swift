import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
import RadarModels
import TestSupport
import Testing

/// The field cache: a reserved field is computed once and handed out unchanged; nothing is kept that was not
/// reserved; the two ways of placing a radar (a `--site` and a scenario's radar) give the same field.
@Suite final class FieldCacheTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String

  /// 0.01° cells of ridged fractal terrain, 3° × 3° around (-72.5, -10.5).
  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    dem = directory.appendingPathComponent("ridges.tif").path
    let size = 300
    let terrain = RidgedFractalTerrain(seed: 11, relief: 2_500).heights(width: size, height: size)
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: terrain)],
      georeference: RasterGeoreference(
        originX: -74, originY: -9, cellWidth: 0.01, cellHeight: 0.01, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  func fields() throws -> CoverageFields { try CoverageFields(demPath: dem, earth: .standard, threads: 2) }

  static let limits = CoverageLimits(maximumRange: 120_000, minimumElevation: -5, maximumElevation: 60)

  func radar(_ fields: CoverageFields) throws -> PlacedRadar {
    try fields.place(
      name: "ridge", latitude: -10.4, longitude: -72.6, antenna: .aboveGround(12), reach: 150_000, voidRemedy: "none")
  }

  @Test func aReservedFieldIsComputedOnceAndHandedOutUnchanged() throws {
    let fields = try fields()
    let radar = try radar(fields)
    fields.reserve(radar, Self.limits)
    fields.reserve(radar, Self.limits)
    let first = try fields.field(of: radar, Self.limits)
    let second = try fields.field(of: radar, Self.limits)
    #expect(fields.kernelRuns == 1)
    #expect(first.lowestAltitudeMSL.contains { !$0.isNaN })
    #expect(first.lowestAltitudeMSL.elementsEqual(second.lowestAltitudeMSL) { $0.bitPattern == $1.bitPattern })
    // Both reservations are spent: a third call computes again.
    _ = try fields.field(of: radar, Self.limits)
    #expect(fields.kernelRuns == 2)
  }

  @Test func anUnreservedFieldIsNotKept() throws {
    let fields = try fields()
    let radar = try radar(fields)
    let first = try fields.field(of: radar, Self.limits)
    fields.recycle(first)
    let again = try fields.field(of: radar, Self.limits)
    #expect(fields.kernelRuns == 2)
    let other = CoverageLimits(maximumRange: 60_000, minimumElevation: -5, maximumElevation: 60)
    fields.reserve(radar, other)
    _ = try fields.field(of: radar, Self.limits)
    #expect(fields.kernelRuns == 3, "a reservation for other limits must not serve these")
    #expect(again.lowestAltitudeMSL.contains { !$0.isNaN })
  }

  @Test func theCachedFieldIsTheKernelsOwn() throws {
    let fields = try fields()
    let radar = try radar(fields)
    fields.reserve(radar, Self.limits)
    let cached = try fields.field(of: radar, Self.limits)
    let direct = try LineOfSightKernel(earth: .standard, threads: 1).coverage(
      of: radar.site(Self.limits), over: fields.terrain.read(radar.window))
    #expect(cached.lowestAltitudeMSL.elementsEqual(direct.lowestAltitudeMSL) { $0.bitPattern == $1.bitPattern })
    #expect(
      cached.lowestAltitudeAGLPlane().elementsEqual(direct.lowestAltitudeAGLPlane()) { $0.bitPattern == $1.bitPattern })
    #expect(cached.lowestAltitudeMSL.contains { !$0.isNaN })
  }

  @Test func aSiteAndTheSameScenarioRadarGiveTheSameField() throws {
    let type = RadarType(
      id: "psr", name: "test primary", role: .primary, instrumentedRange: Sourced(150_000, .assumption("test")),
      elevationLimits: Sourced(-5...60, .assumption("test")), scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: Sourced(5_000_000, .assumption("test")), cooperativeDetection: nil,
      antennaHeight: Sourced(12, .assumption("test")), availability: Sourced(1, .assumption("test")),
      meanTimeToRepair: Sourced(1, .assumption("test")))
    let placement = RadarPlacement(
      name: "ridge", operator: "FAP", type: type, latitude: -10.4, longitude: -72.6,
      antennaHeight: Sourced(12, .assumption("test")), notional: false, provenance: .assumption("test"))
    let adHoc = try fields()
    let scenario = try fields()
    let site = try radar(adHoc)
    let radar = try scenario.place(placement)
    #expect(site.position == radar.position && site.window == radar.window && site.antenna == radar.antenna)
    let limits = placement.limits(range: 120_000)
    #expect(limits == Self.limits)
    let a = try adHoc.field(of: site, Self.limits)
    let b = try scenario.field(of: radar, limits)
    #expect(a.lowestAltitudeMSL.contains { !$0.isNaN })
    #expect(a.lowestAltitudeMSL.elementsEqual(b.lowestAltitudeMSL) { $0.bitPattern == $1.bitPattern })
    let ceilings = try #require(a.ceilingMSL.flatMap { a in b.ceilingMSL.map { (a, $0) } })
    #expect(ceilings.0.elementsEqual(ceilings.1) { $0.bitPattern == $1.bitPattern })
  }

  @Test func aSiteOffTheDEMIsRefusedInOneLine() throws {
    let fields = try fields()
    #expect {
      try fields.place(
        name: "far", latitude: 5, longitude: -72, antenna: .aboveGround(10), reach: 100_000, voidRemedy: "none")
    } throws: { error in
      let message = (error as? PipelineError)?.message ?? ""
      return message.contains("far") && message.contains("outside the DEM") && !message.contains("\n")
    }
  }
}
