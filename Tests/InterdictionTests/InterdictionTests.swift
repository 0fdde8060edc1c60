import CoverageKernel
import Foundation
import Interdiction
import InterdictionModels
import RadarModels
import TestSupport
import Testing

/// The checks, on the synthetic theatre: each could fail if the simulation were wrong.
@Suite struct InterdictionTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)
  static let flights = 300

  func run(_ scenario: InterdictionScenario, _ world: SimulationWorld, threads: Int = 2, seed: UInt64 = 7)
    -> [MonteCarlo.Combination: [FlightRecord]]
  {
    MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads).run(flights: Self.flights)
  }

  @Test func outcomeCountsAddUpToTheNumberOfFlights() {
    let results = run(Self.scenario, Self.world)
    #expect(results.count == 4)
    for records in results.values {
      #expect(records.count == Self.flights)
      #expect(Set(records.map(\.flight)) == Set(0..<Self.flights))
    }
    let table = ComparisonTable(
      scenario: Self.scenario, seed: 7, results: results,
      order: MonteCarlo(scenario: Self.scenario, world: Self.world, seed: 7, threads: 1).combinations)
    let lines = table.csv.split(separator: "\n")
    #expect(lines.count == 1 + table.rows.count)
    #expect(Set(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count }).count == 1)
    for row in table.rows {
      #expect(row.outcomes.values.reduce(0, +) == Self.flights)
      #expect(abs(row.interceptionsPerYear - 3 * 365 * row.interception.estimate) < 1e-6)
      #expect(row.interception.estimate <= row.track.estimate && row.track.estimate <= row.detection.estimate)
    }
    // The theatre is built so that some flights are caught and some are not.
    let intercepted = results.values.flatMap { $0 }.filter { $0.outcome == .intercepted }.count
    #expect(intercepted > 0)
    #expect(results.values.flatMap { $0 }.contains { $0.outcome != .intercepted })
  }

  @Test func aFlightEntirelyOutsideCoverageIsNeverDetected() {
    let far = SyntheticTheatre.radars(far: true)
    let results = run(SyntheticTheatre.scenario(radars: far), SyntheticTheatre.world(radars: far))
    #expect(results.values.flatMap { $0 }.isNonEmptyAndAll { $0.outcome == .undetected })
  }

  @Test func withEveryRadarUnavailableNothingIsDetected() {
    let down = SyntheticTheatre.radars(availability: 0)
    let results = run(SyntheticTheatre.scenario(radars: down), SyntheticTheatre.world(radars: down))
    #expect(results.values.flatMap { $0 }.isNonEmptyAndAll { $0.outcome == .undetected && $0.borderToDetection == nil })
  }

  @Test func theIntegratedNetworkNeverDetectsLessForTheSameDraws() {
    let results = run(Self.scenario, Self.world)
    for interceptor: InterceptorType.ID in ["fast", "slow"] {
      let key = { (network: NetworkConfiguration.ID) in
        MonteCarlo.Combination(network: network, interceptor: interceptor, basing: "forward")
      }
      let separate = results[key("non-integrated")]!
      let fused = results[key("integrated")]!
      var strictlyMore = 0
      for (a, b) in zip(separate, fused) {
        #expect(a.flight == b.flight)
        if a.outcome != .undetected { #expect(b.outcome != .undetected, "flight \(a.flight)") }
        if let late = a.borderToDetection, let early = b.borderToDetection { #expect(early <= late + 10) }
        if a.outcome == .undetected && b.outcome != .undetected { strictlyMore += 1 }
      }
      // The civil primary inland sees flights the border radar misses: integration must show it.
      #expect(strictlyMore > 0)
    }
  }

  @Test func aFasterInterceptorNeverDoesWorseFromTheSameBase() {
    // Pairs enough that no flight waits for one: the flights do not interact through the roster.
    let ample = SyntheticTheatre.scenario(radars: Self.radars, pairs: 50)
    let results = run(ample, Self.world)
    for network: NetworkConfiguration.ID in ["non-integrated", "integrated"] {
      let fast = results[MonteCarlo.Combination(network: network, interceptor: "fast", basing: "forward")]!
      let slow = results[MonteCarlo.Combination(network: network, interceptor: "slow", basing: "forward")]!
      for (a, b) in zip(fast, slow) where b.outcome == .intercepted {
        #expect(a.outcome == .intercepted, "flight \(a.flight): slow intercepted, fast \(a.outcome)")
        #expect((a.borderToInterception ?? .infinity) <= (b.borderToInterception ?? 0) + 1)
      }
      #expect(fast.filter { $0.outcome == .intercepted }.count >= slow.filter { $0.outcome == .intercepted }.count)
    }
  }

  @Test func theSameSeedGivesTheSameResultsWhateverTheThreadCount() throws {
    let order = MonteCarlo(scenario: Self.scenario, world: Self.world, seed: 7, threads: 1).combinations
    let one = ComparisonTable(
      scenario: Self.scenario, seed: 7, results: run(Self.scenario, Self.world, threads: 1), order: order)
    let four = ComparisonTable(
      scenario: Self.scenario, seed: 7, results: run(Self.scenario, Self.world, threads: 4), order: order)
    #expect(one.csv == four.csv)
    #expect(try one.json() == four.json())
    let other = ComparisonTable(
      scenario: Self.scenario, seed: 8, results: run(Self.scenario, Self.world, seed: 8), order: order)
    #expect(other.csv != one.csv)
  }

  @Test func flightsFollowTheTerrainWithinTheirClimbRateAndCeiling() {
    let generator = FlightGenerator(scenario: Self.scenario, world: Self.world, random: CounterRandom(seed: 3))
    for index in 0..<20 {
      let path = generator.flight(index)
      let airborne = path.samples.filter(\.airborne)
      #expect(!airborne.isEmpty)
      for sample in airborne {
        let ground = Self.world.ground(latitude: sample.latitude, longitude: sample.longitude)
        #expect(sample.altitude >= ground - 1, "flight \(index) below ground at \(sample.time)")
        #expect(sample.altitude <= 5_000 + 1)
      }
      // Over the 1500 m ridge the aircraft climbs; over the plain it keeps near its 300 m cruise height.
      #expect(airborne.map(\.altitude).max()! >= 1_500)
      #expect(path.borderCrossing != nil && path.exitFromPeru != nil)
      #expect(path.samples[path.landingIndex].airborne == false)
    }
  }

  @Test func theTerrainProfileRespectsTheClimbRate() {
    let ground: [Double] = [0, 0, 0, 0, 0, 1_000, 0, 0, 0, 0, 0]
    let profile = TerrainFollowing.profile(ground: ground, height: 100, climbPerStep: 300, ceiling: 5_000)!
    #expect(profile[5] == 1_100)
    for index in 1..<(profile.count - 2) where index > 1 {
      #expect(abs(profile[index + 1] - profile[index]) <= 300 + 1e-9)
    }
    #expect(profile[3] >= 500 && profile[7] >= 500)
    // Ground above the ceiling cannot be crossed (it was flown on its surface): RouteAndStripTests.
    #expect(TerrainFollowing.profile(ground: [0, 8_000, 0], height: 100, climbPerStep: 500, ceiling: 3_000) == nil)
  }

  @Test func wilsonIntervalsBehave() {
    let half = ComparisonTable.Interval(successes: 50, trials: 100)
    #expect(abs(half.estimate - 0.5) < 1e-12 && half.low < 0.5 && half.high > 0.5)
    #expect(abs((half.high - half.low) - 0.19) < 0.01)
    let none = ComparisonTable.Interval(successes: 0, trials: 100)
    #expect(none.low == 0 && none.high > 0.02 && none.high < 0.05)
  }
}
