import CoverageKernel
import Interdiction
import InterdictionModels
import RadarModels
import TestSupport
import Testing

/// Engagements without hindsight, on the synthetic theatre: the command's decisions never read the target's future,
/// sorties that find nothing cost their flight hours, and a day's flights share the alert pairs.
@Suite struct EngagementTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)
  static let seed: UInt64 = 7

  /// Flight `index`'s path and its picture under `network`, drawn as the Monte Carlo draws them.
  static func flight(_ index: Int, network: NetworkConfiguration.ID) -> (FlightPath, AirPicture, NetworkConfiguration) {
    let random = CounterRandom(seed: seed)
    let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
    let history = DetectionHistory(
      flight: index, path: path, world: world, days: SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value),
      falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
    let configuration = scenario.network.networks.first { $0.id == network }!
    let picture = AirPicture(
      flight: index, history: history, configuration: configuration, radars: world.radars.map(\.placement),
      rules: scenario.rules, random: random)
    return (path, picture, configuration)
  }

  static func context(
    _ index: Int, _ path: FlightPath, _ picture: AirPicture, _ configuration: NetworkConfiguration,
    rules: InterdictionRules = scenario.rules
  ) -> EngagementContext {
    EngagementContext(
      flight: index, path: path, picture: picture, latency: configuration.fusionLatency.value,
      interceptor: scenario.interceptors[0], rules: rules, pattern: scenario.pattern, world: world)
  }

  static var basing: Basing { scenario.basings[0] }

  /// `path` as flown up to `time`, and `degrees` of latitude further north per sample step after it.
  static func diverging(_ path: FlightPath, after time: Double, degrees: Double) -> FlightPath {
    var altered = path
    var steps = 0.0
    for index in altered.samples.indices where altered.samples[index].time > time {
      steps += 1
      altered.samples[index].latitude += degrees * steps
    }
    return altered
  }

  @Test func interceptPointsNeverUseTheFuture() {
    var compared = 0
    var differentEnds = 0
    for index in 0..<80 {
      for network: NetworkConfiguration.ID in ["non-integrated", "integrated"] {
        let (path, picture, configuration) = Self.flight(index, network: network)
        guard let first = picture.classifications.first else { continue }
        // The last moment the picture told the command anything when it gave the order.
        let information = TargetKnowledge.atClassification(
          first, path: path, picture: picture, latency: configuration.fusionLatency.value, earth: Self.world.earth
        ).time
        #expect(information <= first.time)
        let random = CounterRandom(seed: Self.seed)
        let truth = EngagementDay.run(
          [Self.context(index, path, picture, configuration)], basing: Self.basing, random: random)[0]
        // A launch on the first classification (a later one knows more, of a past the test has altered).
        guard let launch = truth.launches.first, launch.decision == first.time else { continue }
        // Paths the same up to the order (or up to the last plot before it) and apart after it.
        for cut in [first.time, information] {
          let altered = Self.diverging(path, after: cut, degrees: 0.004)
          let other = EngagementDay.run(
            [Self.context(index, altered, picture, configuration)], basing: Self.basing, random: random)[0]
          // Same picture, same past: the same pair, take-off and aim point, whatever the target does next.
          #expect(other.launches.first == launch, "flight \(index) \(network)")
          compared += 1
          if truth.outcome != other.outcome || truth.flightHours != other.flightHours { differentEnds += 1 }
        }
      }
    }
    #expect(compared >= 10)
    // The altered futures matter to what happens: only the decisions must not see them.
    #expect(differentEnds > 0)
  }

  @Test func futileSortiesCostFlightHours() {
    var futile = 0
    for index in 0..<60 {
      let (path, real, configuration) = Self.flight(index, network: "non-integrated")
      guard let first = real.classifications.first, let border = path.borderCrossing else { continue }
      // A stale voice report only: the position of ten minutes after the border crossing, reaching the command ten
      // minutes later; the target then turns north.
      let knownAt = border + 600
      guard knownAt < first.time + 3_600 else { continue }
      var picture = real
      picture.tracks = []
      var report = first
      report.time = knownAt + 600
      report.liveUntil = nil
      report.knownAt = knownAt
      picture.classifications = [report]
      let altered = Self.diverging(path, after: knownAt, degrees: 0.01)
      let engagement = EngagementDay.run(
        [Self.context(index, altered, picture, configuration)], basing: Self.basing,
        random: CounterRandom(seed: Self.seed))[0]
      guard let launch = engagement.launches.first, engagement.outcome == .launchedNotFound else { continue }
      futile += 1
      // Out to the aim point and back at least, for both aircraft.
      let station = Self.basing.stations[0]
      let out = Geodesy.distance(
        fromLatitude: station.latitude, longitude: station.longitude, toLatitude: launch.aimLatitude,
        longitude: launch.aimLongitude, radius: Self.world.earth.radius)
      let speed = Self.scenario.interceptors[0].transitSpeed.value
      #expect(engagement.flightHours >= 2 * (2 * out / speed) / 3_600 - 1e-9, "flight \(index)")
      #expect(engagement.flightHours > 0)
    }
    #expect(futile >= 3)
  }

  @Test func costPerInterceptionCountsTheFutileSorties() {
    let monteCarlo = MonteCarlo(scenario: Self.scenario, world: Self.world, seed: Self.seed, threads: 2)
    let results = monteCarlo.run(flights: 150)
    let table = ComparisonTable(
      scenario: Self.scenario, seed: Self.seed, results: results, order: monteCarlo.combinations)
    var futileHours = 0.0
    for row in table.rows {
      let combination = MonteCarlo.Combination(
        network: NetworkConfiguration.ID(row.network), interceptor: InterceptorType.ID(row.interceptor),
        basing: Basing.ID(row.basing))
      let records = results[combination]!
      let intercepted = records.filter { $0.outcome == .intercepted }.count
      guard intercepted > 0, let cost = row.costPerInterceptionUSD else { continue }
      let futile = records.filter { $0.outcome == .launchedNotFound }
      #expect(futile.allSatisfy { $0.flightHours > 0 })
      futileHours += futile.reduce(0) { $0 + $1.flightHours }
      let everyHour = records.reduce(0) { $0 + $1.flightHours }
      #expect(abs(cost - everyHour * 5_000 / Double(intercepted)) <= 1e-6 * cost)
    }
    #expect(futileHours > 0)
  }

  @Test func aDaysFlightsShareTheAlertPair() {
    // One station, one pair, back on alert only the next day: the pair is out when the second order comes.
    let rules = SyntheticTheatre.scenario(radars: Self.radars, turnaround: 20 * 3_600).rules
    var checked = 0
    for index in 0..<40 {
      let (path, picture, configuration) = Self.flight(index, network: "integrated")
      let random = CounterRandom(seed: Self.seed)
      let alone = EngagementDay.run(
        [Self.context(index, path, picture, configuration, rules: rules)], basing: Self.basing, random: random)[0]
      guard !alone.launches.isEmpty else { continue }
      // The same flight twice on one day, close in time: the second finds no pair.
      let twin = Self.context(index + 1_000, path, picture, configuration, rules: rules)
      let sameDay = EngagementDay.run(
        [Self.context(index, path, picture, configuration, rules: rules), twin], basing: Self.basing, random: random)
      #expect(sameDay[0].launches == alone.launches)
      #expect(sameDay[1].outcome == .trackedNoInterceptorAvailable && sameDay[1].flightHours == 0)
      // On a day of its own, it gets a pair.
      let otherDay = EngagementDay.run([twin], basing: Self.basing, random: random)[0]
      #expect(!otherDay.launches.isEmpty && otherDay.outcome != .trackedNoInterceptorAvailable)
      // With two pairs at the station, both flights of the day get one.
      var twoPairs = rules
      twoPairs.alertPairsPerStation = SyntheticTheatre.fact(2)
      let doubled = EngagementDay.run(
        [
          Self.context(index, path, picture, configuration, rules: twoPairs),
          Self.context(index + 1_000, path, picture, configuration, rules: twoPairs),
        ], basing: Self.basing, random: random)
      #expect(doubled.allSatisfy { !$0.launches.isEmpty })
      checked += 1
    }
    #expect(checked >= 5)
  }

  @Test func theMonteCarloSharesPairsWithinDaysOnly() {
    // Pairs back on alert only the next day: at most one sortie a day per combination when flights share days, and
    // none short of a pair when each flight has its day.
    for perDay in [3.0, 1.0] {
      let scenario = SyntheticTheatre.scenario(radars: Self.radars, flightsPerDay: perDay, turnaround: 20 * 3_600)
      let results = MonteCarlo(scenario: scenario, world: Self.world, seed: Self.seed, threads: 2).run(flights: 90)
      var short = 0
      for records in results.values {
        let days = Dictionary(grouping: records) { $0.flight / Int(perDay) }
        for flights in days.values { #expect(flights.filter { $0.flightHours > 0 }.count <= 1) }
        short += records.filter { $0.outcome == .trackedNoInterceptorAvailable }.count
      }
      if perDay == 1 { #expect(short == 0) } else { #expect(short > 0) }
    }
  }
}
