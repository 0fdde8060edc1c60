import Interdiction
import InterdictionModels
import RadarModels
import Testing

/// The alert-basing search on the synthetic theatre: flights from "Bolivia" in the east to a strip at 73.5° W.
@Suite struct BasingSearchTests {
  static let radars = SyntheticTheatre.radars()
  static let world = SyntheticTheatre.world(radars: radars)
  /// Readiness below one, so that which draw a station takes matters.
  static let interceptor: InterceptorType = {
    var fast = SyntheticTheatre.interceptor("fast", speed: 250)
    fast.alertReadiness = SyntheticTheatre.fact(0.7)
    return fast
  }()
  static let scenario = SyntheticTheatre.scenario(
    radars: radars, interceptors: [interceptor], flightsPerDay: 3, turnaround: 6 * 3_600)
  static let seed: UInt64 = 11
  static let flightCount = 150

  static func station(_ name: String, _ latitude: Double, _ longitude: Double) -> Basing.Station {
    Basing.Station(
      name: name, latitude: latitude, longitude: longitude, scrambleDelay: SyntheticTheatre.fact(15 * 60))
  }

  /// Far north of every flight (over 900 km from the strip), then beside the strip, then in between.
  static let candidates = [
    station("far north", -3.5, -76.5), station("by the strip", -12.0, -73.2), station("midway", -12.3, -71.2),
    station("east", -12.8, -70.0), station("south", -15.5, -72.0),
  ]

  static func prepared(threads: Int = 2) -> PreparedFlights {
    PreparedFlights(
      monteCarlo: MonteCarlo(scenario: scenario, world: world, seed: seed, threads: threads), flights: flightCount,
      configurations: ["integrated"])
  }

  static let flights = prepared()

  static func search(_ candidates: [Basing.Station] = candidates) -> BasingSearch {
    BasingSearch(
      flights: flights, configuration: 0, interceptor: interceptor, candidates: candidates,
      reference: scenario.basings[0])
  }

  @Test func itPicksTheBaseBesideTheFlightsOverOneFarAway() {
    let search = Self.search(Array(Self.candidates.prefix(2)))
    let result = search.run(count: 1)
    #expect(result.chosen == [1])
    let far = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([0]))
    #expect(far.interceptions == 0)
    #expect(result.trial.interceptions > 10)
    // Its gain over no base at all is its P(intercept), with an interval clear of zero.
    #expect(result.steps[0].gain.low > 0)
    #expect(result.exhaustive?.best == [1] && result.greedyIsBest == true)
    // The reference is flown as the Monte Carlo flies it: its P(intercept) is the one `run` reports.
    #expect(
      result.reference
        == Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: Self.scenario.basings[0]))
  }

  @Test func aCandidateNamedAsAReferenceStationSharesItsDraws() {
    // The reference's one station "base", offered again as a candidate: flown alone, it is the reference.
    let reference = Self.scenario.basings[0]
    var again = reference.stations[0]
    again.scrambleDelay = SyntheticTheatre.fact(30 * 60)
    let search = BasingSearch(
      flights: Self.flights, configuration: 0, interceptor: Self.interceptor,
      candidates: [Self.candidates[1], again], reference: reference)
    #expect(search.candidates.map(\.readinessStream) == [1, 0])
    let alone = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([1]))
    #expect(alone == search.run(count: 1).reference)
  }

  @Test func theSameBasingTwiceGivesTheSameFlightsAndAPairedIntervalNarrowerThanUnpaired() {
    let search = Self.search()
    let once = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([1]))
    let twice = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([1]))
    #expect(once == twice)
    let more = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([1, 2]))
    let gain = PairedDifference(more, once)
    #expect(gain.discordant > 0)
    #expect(gain.high - gain.estimate < PairedDifference.unpairedHalfWidth(more, once))
    #expect(abs(gain.estimate - Double(more.interceptions - once.interceptions) / Double(Self.flightCount)) < 1e-12)
  }

  @Test func aBaseOutOfReachChangesNoFlightWhereverItStands() {
    // Each candidate draws readiness from its own stream: adding the far base, listed first, leaves every flight of
    // the near one as it was. (With draws by position in the basing, the near base's draws would move.)
    let search = Self.search()
    let near = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([1]))
    var both = search.basing([0, 1])
    #expect(both.stations.map(\.name) == ["far north", "by the strip"])
    let withFar = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: both)
    #expect(withFar.intercepted == near.intercepted)
    // Drawn by position, the near base draws from stream 0 alone and 1 behind the far one: its flights change.
    func byPosition(_ basing: Basing) -> Basing {
      var basing = basing
      basing.stations = basing.stations.map {
        var station = $0
        station.readinessStream = nil
        return station
      }
      return basing
    }
    let nearByPosition = Self.flights.engage(
      configuration: 0, interceptor: Self.interceptor, basing: byPosition(search.basing([1])))
    let bothByPosition = Self.flights.engage(
      configuration: 0, interceptor: Self.interceptor, basing: byPosition(both))
    #expect(bothByPosition.intercepted != nearByPosition.intercepted)
  }

  @Test func greedyAgainstEveryPairOfBases() {
    let search = Self.search()
    let result = search.run(count: 2)
    let exhaustive = try! #require(result.exhaustive)
    #expect(exhaustive.sets == 10)
    var best = 0
    var seen = 0
    for a in 0..<Self.candidates.count {
      for b in (a + 1)..<Self.candidates.count {
        let trial = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([a, b]))
        best = max(best, trial.interceptions)
        seen += 1
      }
    }
    #expect(seen == 10)
    #expect(exhaustive.trial.interceptions == best)
    #expect(result.trial.interceptions <= best)
    #expect(result.greedyIsBest == (result.trial.interceptions == best))
    // The answer is the best set found, whichever search found it.
    #expect(result.bestTrial.interceptions == best)
    #expect(result.gainOverReference == PairedDifference(result.bestTrial, result.reference))
    // Sets tied with the best: exactly those whose paired difference from it holds 0.
    var tied = 0
    for a in 0..<Self.candidates.count {
      for b in (a + 1)..<Self.candidates.count where [a, b] != result.best.sorted() {
        let trial = Self.flights.engage(configuration: 0, interceptor: Self.interceptor, basing: search.basing([a, b]))
        let isTied = PairedDifference(result.bestTrial, trial).low <= 0
        #expect(result.tiedWithBest.contains([a, b]) == isTied, "\([a, b])")
        tied += isTied ? 1 : 0
      }
    }
    #expect(result.tiedWithBest.count == tied && tied < 9)
    #expect(result.chosen.count == 2 && Set(result.chosen).count == 2)
    // Each pick's gain is the paired difference to the step before.
    #expect(
      result.steps[1].gain.estimate * Double(Self.flightCount)
        == Double(result.steps[1].trial.interceptions - result.steps[0].trial.interceptions))
    // Too many sets: no exhaustive search.
    let limited = BasingSearch(
      flights: Self.flights, configuration: 0, interceptor: Self.interceptor, candidates: Self.candidates,
      reference: Self.scenario.basings[0], exhaustiveLimit: 9
    ).run(count: 2)
    #expect(limited.exhaustive == nil && limited.greedyIsBest == nil && limited.chosen == result.chosen)
  }

  @Test func resultsDoNotDependOnTheThreadCount() {
    let one = BasingSearch(
      flights: Self.prepared(threads: 1), configuration: 0, interceptor: Self.interceptor,
      candidates: Self.candidates, reference: Self.scenario.basings[0]
    ).run(count: 2)
    let three = BasingSearch(
      flights: Self.prepared(threads: 3), configuration: 0, interceptor: Self.interceptor,
      candidates: Self.candidates, reference: Self.scenario.basings[0]
    ).run(count: 2)
    #expect(one.chosen == three.chosen)
    #expect(one.trial == three.trial)
    #expect(one.reference == three.reference)
    #expect(one.exhaustive?.best == three.exhaustive?.best)
  }

  @Test func preparedFlightsEngageAsTheMonteCarloDoes() {
    // Leaving out the flights the command never classifies changes no engagement: the scenario's own basing gives,
    // flight by flight, what the full Monte Carlo gives.
    let monteCarlo = MonteCarlo(scenario: Self.scenario, world: Self.world, seed: Self.seed, threads: 2)
    let combination = MonteCarlo.Combination(
      network: "integrated", interceptor: Self.interceptor.id, basing: Self.scenario.basings[0].id)
    let records = monteCarlo.run(flights: Self.flightCount, combinations: [combination])[combination]!
    let trial = Self.flights.engage(
      configuration: 0, interceptor: Self.interceptor, basing: Self.scenario.basings[0])
    #expect(trial.intercepted == records.map { $0.outcome == .intercepted })
    #expect(abs(trial.flightHours - records.reduce(0) { $0 + $1.flightHours }) < 1e-9)
    #expect(trial.interceptions > 0)
  }

  @Test func theBudgetBuysTheAlertPairsOrNot() {
    let cost = AlertBasingCost(
      bases: 2, interceptor: Self.interceptor, scenario: Self.scenario, flightHoursPerFlight: 0.5)
    // One pair a base, six aircraft a pair, US$50 M each, against US$3.5 B.
    #expect(cost.alertPairs == 2 && cost.aircraft == 12)
    #expect(cost.acquisitionUSD == 600e6 && cost.sustained == true)
    var dear = Self.interceptor
    dear.unitCost = SyntheticTheatre.fact(400e6)
    #expect(
      AlertBasingCost(bases: 2, interceptor: dear, scenario: Self.scenario, flightHoursPerFlight: 0.5).sustained
        == false)
    dear.unitCost = nil
    #expect(
      AlertBasingCost(bases: 2, interceptor: dear, scenario: Self.scenario, flightHoursPerFlight: 0.5).sustained
        == nil)
    #expect(abs(cost.flightHoursPerYear - 3 * 365 * 0.5) < 1e-9)
  }
}
