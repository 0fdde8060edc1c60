import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import Interdiction
import InterdictionModels
import ScenarioFiles
import TestSupport
import Testing

/// `airpicture run`'s path: a coverage study and the simulation world of the same network draw on one set of
/// fields. The world gets the very fields it would compute alone, and no field is computed twice.
@Suite final class SharedFieldsTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "airpicture-shared-\(UUID().uuidString)")
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The embedded 5' DEM: small enough for a whole study and world in a test.
  static let dem = repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path

  @Test func theStudyHandsTheWorldItsFieldsAndNoneIsComputedTwice() throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path)
    let network = scenario.network

    let shared = try CoverageFields(scenario: network, dem: Self.dem, threads: 2)
    try SimulationWorldBuilder.reserveFields(of: scenario, in: shared)
    let table = try CoverageStudy(
      scenario: network, fields: shared, outputDirectory: directory.appendingPathComponent("shared").path
    ).run().table
    let afterStudy = shared.kernelRuns
    let world = try SimulationWorldBuilder.build(scenario: scenario, fields: shared)

    let alone = try CoverageFields(scenario: network, dem: Self.dem, threads: 2)
    let aloneWorld = try SimulationWorldBuilder.build(scenario: scenario, fields: alone)
    let studyAlone = try CoverageFields(scenario: network, dem: Self.dem, threads: 2)
    let aloneTable = try CoverageStudy(
      scenario: network, fields: studyAlone, outputDirectory: directory.appendingPathComponent("alone").path
    ).run().table

    // The study computes one field per radar and distinct range of its targets; the world then computes only the
    // radars whose instrumented range no target of the study used.
    var studyKeys = 0
    var worldOnly = 0
    for radar in network.radars {
      let ranges = Set(
        network.targets.map {
          radar.type.coverageRange(
            of: $0, minimumProbability: network.coverageProbability.value,
            falseAlarmProbability: network.falseAlarmProbability.value)
        }.filter { $0 > 0 })
      studyKeys += ranges.count
      if !ranges.contains(radar.type.instrumentedRange.value) { worldOnly += 1 }
    }
    #expect(afterStudy == studyKeys && studyAlone.kernelRuns == studyKeys)
    #expect(shared.kernelRuns == studyKeys + worldOnly)
    #expect(worldOnly < network.radars.count, "the scenario should share at least one field")
    #expect(alone.kernelRuns == network.radars.count)

    #expect(table.csv == aloneTable.csv)
    #expect(world.radars.count == aloneWorld.radars.count)
    #expect(
      zip(world.radars, aloneWorld.radars).isNonEmptyAndAll { a, b in
        a.visibility.geometry == b.visibility.geometry
          && a.visibility.floorMSL.elementsEqual(b.visibility.floorMSL) { $0.bitPattern == $1.bitPattern }
          && a.visibility.ceilingMSL.map { $0.map(\.bitPattern) }
            == b.visibility.ceilingMSL.map { $0.map(\.bitPattern) }
      })
  }
}
