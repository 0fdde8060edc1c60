import CoverageKernel
import RadarModels
import SitePlanning
import Testing

/// Footprints from the kernel: the crop lands on the planning grid, threads change nothing, the studies' range.
@Suite struct FootprintBuilderTests {
  static let altitudes = [
    PlanningAltitude(.aboveGroundLevel, metres: 100), PlanningAltitude(FlightLevel(50)),
  ]
  static let criterion = DetectionCriterion(
    target: SyntheticHills.target, minimumProbability: 0.5, falseAlarmProbability: 1e-6)

  static func radars() throws -> [PlanningRadar] {
    let sites = try CandidateFinder.candidates(
      on: SyntheticHills.terrain, criteria: CandidateCriteria(prominenceRadius: 1500))
    return sites.map { PlanningRadar(candidate: $0, type: SyntheticHills.radarType()) }
  }

  @Test func footprintsMatchTheKernelOverTheWholeGridWhateverTheThreads() throws {
    let terrain = SyntheticHills.terrain
    let keep = [Bool](repeating: true, count: terrain.heights.count)
    let builder = FootprintBuilder(terrain: terrain, criterion: Self.criterion, altitudes: Self.altitudes)
    let radars = try Self.radars()
    let one = try builder.coverages(of: radars, keep: keep, threads: 1)
    let three = try builder.coverages(of: radars, keep: keep, threads: 3)
    #expect(one == three)
    #expect(one.map(\.availability) == [0.9, 0.9, 0.9])
    let limits = try #require(Self.criterion.limits(for: SyntheticHills.radarType()))
    #expect(limits.maximumRange == 8000)  // the instrumented range: R50 lies far beyond
    let kernel = LineOfSightKernel(threads: 1)
    for coverage in one {
      // Coverage comes in stretches along rows: far fewer runs than cells (the 100 m AGL footprints are small:
      // the -5° lowest beam cannot reach down the 1 km below a summit).
      let listBytes = coverage.footprint.coveredCells.joined().count * MemoryLayout<UInt32>.size
      #expect(coverage.footprint.byteCount * 4 < listBytes)  // a quarter of a cell list at most
    }
    for (radar, coverage) in zip(radars, one) {
      let site = RadarSite(
        name: radar.name, position: MapPoint(x: radar.coordinate.longitude, y: radar.coordinate.latitude),
        antenna: radar.antenna, limits: limits)
      let field = try kernel.coverage(of: site, over: terrain)
      for (number, altitude) in Self.altitudes.enumerated() {
        let expected = (0..<terrain.heights.count).filter { index in
          switch altitude.reference {
          case .aboveGroundLevel: return field.isVisible(index, altitudeAGL: altitude.metres)
          case .meanSeaLevel: return field.isVisible(index, altitudeMSL: altitude.metres)
          }
        }
        #expect(!expected.isEmpty)
        #expect(coverage.footprint.coveredCells[number].map(Int.init) == expected, "\(radar.name) altitude \(number)")
      }
    }
  }

  @Test func footprintsKeepRunsOfConsecutiveCells() {
    let footprint = CoverageFootprint(coveredCells: [[0, 1, 2, 5, 7, 8], []])
    #expect(footprint.runs[0] == [.init(first: 0, count: 3), .init(first: 5, count: 1), .init(first: 7, count: 2)])
    #expect(footprint.runs[1].isEmpty && footprint.altitudeCount == 2)
    #expect(footprint.coveredCells == [[0, 1, 2, 5, 7, 8], []])
    #expect(footprint.byteCount == 3 * 8)
  }

  @Test func onlyKeptCellsAreStoredAndASilentTargetLeavesASecondaryRadarEmpty() throws {
    let terrain = SyntheticHills.terrain
    let keep = (0..<terrain.heights.count).map { $0 % 80 < 25 }  // the western columns
    let builder = FootprintBuilder(terrain: terrain, criterion: Self.criterion, altitudes: Self.altitudes)
    let radars = try Self.radars()
    let all = try builder.coverages(of: radars, keep: [Bool](repeating: true, count: keep.count), threads: 2)
    let kept = try builder.coverages(of: radars, keep: keep, threads: 2)
    for (whole, part) in zip(all, kept) {
      for (wholeCells, partCells) in zip(whole.footprint.coveredCells, part.footprint.coveredCells) {
        #expect(partCells == wholeCells.filter { keep[Int($0)] })
      }
    }
    #expect(kept[0].footprint.coveredCells[0].count > 0)
    let secondary = PlanningRadar(
      name: "ssr", type: SyntheticHills.radarType(role: .secondary), coordinate: radars[0].coordinate,
      antenna: .aboveGround(15))
    let silent = try builder.coverages(of: [secondary], keep: keep, threads: 1)
    #expect(silent[0].footprint.coveredCells == [[], []])
  }

  @Test func summitsFromTheDEMGoThroughTheWholeSearch() throws {
    let terrain = SyntheticHills.terrain
    let region = PlanningRegion(name: "all", weight: 1, mask: [Bool](repeating: true, count: terrain.heights.count))
    let objective = try SitingObjective(geometry: terrain.geometry, regions: [region], altitudes: Self.altitudes)
    let builder = FootprintBuilder(terrain: terrain, criterion: Self.criterion, altitudes: Self.altitudes)
    let coverages = try builder.coverages(of: try Self.radars(), keep: objective.counted, threads: 2)
    let search = try SitingSearch(objective: objective, candidates: coverages, threads: 2)
    let plan = search.greedy(count: 2)
    let optimum = SyntheticSiting.exhaustiveOptimum(search, size: 2)
    #expect(plan.value >= (1 - 1 / 2.718281828459045) * optimum.value)
    #expect(plan.upperBound >= optimum.value - 1e-6 && plan.value > 0)
  }
}
