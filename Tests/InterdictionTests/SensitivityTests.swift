import Foundation
import Interdiction
import InterdictionModels
import RadarModels
import TestSupport
import Testing

/// The sensitivity study on the synthetic theatre: swings that must be zero are, common random numbers make a
/// repeated variant identical, and parameters that must move P(intercept) move it the right way.
@Suite struct SensitivityTests {
  static let radars = SyntheticTheatre.radars()
  static let world = SyntheticTheatre.world(radars: radars)
  static let flights = 120

  static func scenario(ranges: [String: ClosedRange<Double>] = [:]) -> InterdictionScenario {
    var scenario = SyntheticTheatre.scenario(radars: radars)
    scenario.sensitivityRanges = ranges.mapValues { Sourced($0, .assumption("test")) }
    return scenario
  }

  static func study(_ scenario: InterdictionScenario, _ keys: [String], seed: UInt64 = 5) -> SensitivityStudy {
    SensitivityStudy(
      scenario: scenario, world: world, parameters: keys.map { SensitivityParameter.named($0)! }, flights: flights,
      seed: seed, threads: 2)
  }

  @Test func everyParameterHasAUniqueKeyAndADefaultRangeAroundTheScenario() {
    let keys = SensitivityParameter.all.map(\.key)
    #expect(Set(keys).count == keys.count)
    #expect(
      SensitivityParameter.all.isNonEmptyAndAll {
        $0.defaultRange.value.lowerBound <= 1 && $0.defaultRange.value.upperBound >= 1
          && $0.defaultRange.value.lowerBound >= 0 && $0.defaultRange.value.upperBound <= $0.maximumFactor
      })
  }

  @Test func aRangeThatIsTheBaseHasNoSwingAndRepeatsTheBaseExactly() {
    let study = Self.study(
      Self.scenario(ranges: ["alert_readiness": 1...1, "rcs": 1...1]), ["alert_readiness", "rcs"])
    // Each end is a fresh Monte Carlo with the same seed: common random numbers make it the base, figure for figure.
    for entry in study.entries {
      #expect(entry.stated)
      #expect(entry.low.rows == study.base.rows)
      #expect(entry.high.rows == study.base.rows)
    }
    let intercepting = study.combinations.indices.filter { study.base.rows[$0].interception.estimate > 0 }
    #expect(!intercepting.isEmpty)
    for metric in SensitivityMetric.allCases {
      #expect(
        intercepting.isNonEmptyAndAll { option in
          study.entries.allSatisfy { study.swing($0, option: option, metric: metric) == 0 }
        })
    }
    #expect(study.networks.allSatisfy { study.rankingChanges(network: $0).isEmpty })
  }

  @Test func theBaseRunTwiceGivesTheSameTable() {
    let first = Self.study(Self.scenario(), [])
    let second = Self.study(Self.scenario(), [])
    #expect(first.base.rows == second.base.rows)
    #expect(first.base.rows.contains { $0.interception.estimate > 0 })
    // Another seed draws other flights: the equality above is not vacuous.
    #expect(Self.study(Self.scenario(), [], seed: 6).base.rows != first.base.rows)
  }

  @Test func theRelayProbabilityCannotMatterWithoutARelay() {
    let study = Self.study(Self.scenario(ranges: ["relay_probability": 0...2]), ["relay_probability"])
    let integrated = study.combinations.indices.filter { study.combinations[$0].network == "integrated" }
    let entry = study.entries[0]
    #expect(
      integrated.isNonEmptyAndAll { option in
        study.swing(entry, option: option, metric: .interception) == 0
          && entry.low.rows[option] == study.base.rows[option] && entry.high.rows[option] == study.base.rows[option]
      })
  }

  @Test func noReadinessMeansNoInterception() {
    let study = Self.study(Self.scenario(ranges: ["alert_readiness": 0...1]), ["alert_readiness"])
    let entry = study.entries[0]
    #expect(study.base.rows.contains { $0.interception.estimate > 0 })
    #expect(entry.low.rows.isNonEmptyAndAll { $0.interception.estimate == 0 && $0.costPerInterceptionUSD == nil })
    // Detection does not depend on the interceptors.
    #expect(zip(entry.low.rows, study.base.rows).allSatisfy { $0.detection == $1.detection })
    let option = study.focusOptions[0]
    #expect(study.swing(entry, option: option, metric: .interception) == study.base.rows[option].interception.estimate)
    #expect(study.swing(entry, option: option, metric: .costPerInterception) == nil)
    #expect(study.bySwing(option: option, metric: .costPerInterception).first?.swing == nil)
  }

  @Test func radarAvailabilityReachesTheWorldsRadars() {
    let study = Self.study(Self.scenario(ranges: ["radar_availability": 0...1]), ["radar_availability"])
    // The world's radars are the variant's: with none up, nothing is detected.
    #expect(study.entries[0].low.rows.isNonEmptyAndAll { $0.detection.estimate == 0 })
    #expect(study.base.rows.contains { $0.detection.estimate > 0 })
  }

  @Test func aClassificationLongerThanAnyFlightCatchesNothing() {
    // A later classification need not catch less flight by flight: without hindsight, a later launch on a fresher
    // picture can find a target an earlier one missed. But at 100 times the rules' times (1,000 and 200 minutes, longer
    // than any flight of the theatre) no track is ever classified, so nothing is caught and P(intercept) moves.
    let study = Self.study(Self.scenario(ranges: ["classification_time": 1...100]), ["classification_time"])
    let entry = study.entries[0]
    #expect(study.combinations.indices.isNonEmptyAndAll { entry.high.rows[$0].interception.estimate == 0 })
    #expect(study.combinations.indices.contains { study.base.rows[$0].interception.estimate > 0 })
  }

  @Test func theBestOptionChangesWhereAFasterInterceptorBecomesAsReady() {
    // "fast" is ready half the time, "slow" always: raising readiness x2 (capped at 1) makes them equally ready, and
    // then the faster one, on the same flights and draws, must catch at least as many.
    var scenario = Self.scenario(ranges: ["alert_readiness": 1...2])
    scenario.interceptors[0].alertReadiness = Sourced(0.5, .assumption("test"))
    let study = Self.study(scenario, ["alert_readiness"])
    let network: NetworkConfiguration.ID = "integrated"
    let atBase = study.best(in: study.base, network: network)!
    #expect(study.combinations[atBase].interceptor == "slow")
    let changes = study.rankingChanges(network: network)
    #expect(changes.count == 1)
    #expect(changes.first?.end == .high && changes.first.map { study.combinations[$0.best].interceptor } == "fast")
    #expect(study.summary.contains("it changes at alert_readiness high (integrated / fast / forward"))
  }

  @Test func factorsScaleEveryFigureAndCapProbabilities() {
    let scenario = Self.scenario()
    let slower = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("classification_time")!, 1.5)
    #expect(slower.rules.classificationTime["non-integrated"]?.value == 900)
    #expect(slower.rules.classificationTime["integrated"]?.value == 180)
    let likely = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("relay_probability")!, 3)
    #expect(likely.network.networks[0].voiceRelay?.probability.value == 1)
    let ready = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("alert_readiness")!, 0.5)
    #expect(ready.interceptors.isNonEmptyAndAll { $0.alertReadiness.value == 0.5 })
    let high = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("cruise_height")!, 2)
    #expect(high.aircraft.isNonEmptyAndAll { $0.cruiseHeight.value == 600 })
    let late = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("alert_delay")!, 2)
    #expect(late.basings[0].stations[0].scrambleDelay?.value == 3_600)
    let down = SensitivityStudy.variant(of: scenario, SensitivityParameter.named("radar_availability")!, 0.5)
    #expect(
      SensitivityStudy.world(Self.world, for: down).radars.isNonEmptyAndAll {
        $0.placement.type.availability.value == 0.5
      })
  }

  @Test func theCSVHasOneRowPerParameterAndOptionWithEveryColumn() {
    let study = Self.study(Self.scenario(), ["alert_readiness", "classification_time"])
    let lines = study.csv.split(separator: "\n")
    #expect(lines.count == 1 + 2 * study.combinations.count)
    #expect(lines[0].split(separator: ",").map(String.init) == SensitivityStudy.csvColumns)
    // Quoted cells (provenance with commas) aside, every row has the header's number of cells.
    for line in lines.dropFirst() {
      var cells = 1
      var quoted = false
      for character in line {
        if character == "\"" { quoted.toggle() } else if character == ",", !quoted { cells += 1 }
      }
      #expect(cells == SensitivityStudy.csvColumns.count)
    }
    #expect(study.summary.contains("## Does the best option by P(intercept) change?"))
  }
}
