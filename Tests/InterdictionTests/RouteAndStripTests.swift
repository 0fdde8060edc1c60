import CoverageKernel
import Interdiction
import InterdictionModels
import RadarModels
import Testing

/// Routes that never go through terrain, least-exposure routes round a known radar, strips within their caps, and
/// destination shares, over small synthetic worlds.
@Suite struct RouteAndStripTests {
  static func fact(_ value: Double) -> Sourced<Double> { Sourced(value, .assumption("test")) }

  /// The synthetic theatre's extent with ground `height(longitude, latitude)` (see `SyntheticTheatre.world`).
  static func world(radars: [RadarPlacement] = [], height: (Double, Double) -> Float) -> SimulationWorld {
    SyntheticTheatre.world(radars: radars, height: height)
  }

  static func scenario(
    origin: FlightPattern.Area = FlightPattern.Area(name: "east", latitude: -12.5, longitude: -67.5, radius: 300_000),
    destinations: [FlightPattern.Area] = [
      FlightPattern.Area(name: "strip", latitude: -12.0, longitude: -73.5, radius: 100_000)
    ],
    routing: TraffickerRouting = .direct, strips: StripSiting = .anywhere, radars: [RadarPlacement] = []
  ) -> InterdictionScenario {
    var scenario = SyntheticTheatre.scenario(radars: radars)
    scenario.pattern = FlightPattern(
      origins: [origin], destinations: destinations, flightsPerDay: fact(3), entryHour: fact(6),
      entrySpread: fact(1), routing: routing, strips: strips)
    return scenario
  }

  /// Every airborne sample lies on or above the ground and at or below the ceiling.
  static func expectWithinGroundAndCeiling(_ path: FlightPath, world: SimulationWorld, _ flight: Int) {
    for sample in path.samples where sample.airborne {
      let ground = world.ground(latitude: sample.latitude, longitude: sample.longitude)
      #expect(sample.altitude >= ground - 1e-6, "flight \(flight) below the ground at \(sample.time)")
      #expect(sample.altitude <= path.aircraft.ceiling.value + 1e-6, "flight \(flight) above its ceiling")
    }
  }

  @Test func theTerrainProfileRefusesGroundAboveTheCeiling() {
    #expect(TerrainFollowing.profile(ground: [0, 8_000, 0], height: 100, climbPerStep: 500, ceiling: 3_000) == nil)
    let profile = TerrainFollowing.profile(ground: [0, 2_900, 0], height: 300, climbPerStep: 5_000, ceiling: 3_000)
    #expect(profile == [0, 3_000, 0])
  }

  /// A 6,000 m ridge along 71.5° W, above the 5,000 m ceiling, with a 1,000 m pass between 13.2° S and 12.8° S:
  /// every flight crosses at the pass, on or above the ground and under its ceiling; straight lines (the old
  /// behaviour) would cross the ridge on its surface, 1,000 m above the ceiling.
  @Test(arguments: [false, true]) func flightsCrossARidgeAboveTheirCeilingOnlyAtThePass(planned: Bool) {
    let world = Self.world { longitude, latitude in
      guard abs(longitude + 71.5) < 0.2 else { return 150 }
      return latitude > -13.2 && latitude < -12.8 ? 1_000 : 6_000
    }
    let routing =
      planned
      ? TraffickerRouting(
        plannedShare: Self.fact(1), exposureWeight: Self.fact(10),
        knownRadars: Sourced(.fixedPrimary, .assumption("test")))
      : .direct
    let scenario = Self.scenario(routing: routing)
    #expect(world.prepareRoutes(for: scenario).isEmpty)
    let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: 5))
    var detours = 0
    for index in 0..<40 {
      let path = generator.flight(index)
      Self.expectWithinGroundAndCeiling(path, world: world, index)
      for sample in path.samples where sample.airborne && abs(sample.longitude + 71.5) < 0.2 {
        #expect(sample.latitude > -13.25 && sample.latitude < -12.75, "flight \(index) crossed off the pass")
      }
      if path.route == .detour { detours += 1 }
    }
    // Straight lines from a 300 km disc to a 100 km disc mostly meet the ridge away from the 45 km pass.
    if !planned { #expect(detours >= 20) }
  }

  /// A primary radar standing on the straight way: flights that plan their route stay out of its coverage (a detour
  /// round a circle of about 85 km at 300 m exists); flights that fly straight cross it.
  @Test func leastExposureRoutesGoRoundAKnownRadar() {
    let radar = SyntheticTheatre.placement(
      "known primary", "FAP", SyntheticTheatre.radarType("psr", .primary, range: 150_000), -12.3, -70.5)
    let world = Self.world(radars: [radar]) { _, _ in 150 }
    let origin = FlightPattern.Area(name: "east", latitude: -12.3, longitude: -67.5, radius: 30_000)
    let destination = FlightPattern.Area(name: "west", latitude: -12.3, longitude: -73.5, radius: 30_000)
    func seen(planned: Bool) -> (samples: Int, flightsSeen: Int, routes: Set<FlightPath.Route>) {
      let routing = TraffickerRouting(
        plannedShare: Self.fact(planned ? 1 : 0), exposureWeight: Self.fact(10),
        knownRadars: Sourced(.fixedPrimary, .assumption("test")))
      let scenario = Self.scenario(origin: origin, destinations: [destination], routing: routing, radars: [radar])
      let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: 9))
      var samples = 0
      var flights = 0
      var routes: Set<FlightPath.Route> = []
      for index in 0..<30 {
        let path = generator.flight(index)
        Self.expectWithinGroundAndCeiling(path, world: world, index)
        routes.insert(path.route)
        let count = path.samples.filter {
          $0.airborne
            && world.radars[0].visibility.sees(x: $0.longitude, y: $0.latitude, altitude: $0.altitude)
        }.count
        samples += count
        if count > 0 { flights += 1 }
      }
      return (samples, flights, routes)
    }
    let direct = seen(planned: false)
    let planned = seen(planned: true)
    #expect(direct.routes == [.direct])
    #expect(planned.routes == [.planned])
    #expect(direct.flightsSeen == 30)
    #expect(planned.samples * 20 <= direct.samples, "planned \(planned.samples) against direct \(direct.samples)")
  }

  /// The destination's west half slopes at 4.5 % and its north is a flat 3,000 m plateau: with caps of 3 % and
  /// 1,500 m every strip lies on the low, flat south-east, where a uniform draw in the disc would put about two
  /// strips in three elsewhere.
  @Test func stripsLieWithinTheSlopeAndAltitudeCaps() {
    let world = Self.world { longitude, latitude in
      if latitude > -11.6 { return 3_000 }
      return 200 + Float(max(0, -73.5 - longitude) * 5_000)
    }
    let siting = StripSiting(maximumSlope: Self.fact(0.03), maximumAltitude: Self.fact(1_500))
    let scenario = Self.scenario(strips: siting)
    #expect(world.prepareRoutes(for: scenario).isEmpty)
    let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: 11))
    var strips: Set<GeoCoordinate> = []
    for index in 0..<60 {
      let path = generator.flight(index)
      let strip = path.samples[path.landingIndex]
      #expect(world.slope(latitude: strip.latitude, longitude: strip.longitude) <= 0.03)
      #expect(world.ground(latitude: strip.latitude, longitude: strip.longitude) <= 1_500)
      #expect(strip.longitude >= -73.5 - 0.05 && strip.latitude <= -11.6 + 0.05)
      strips.insert(GeoCoordinate(latitude: strip.latitude, longitude: strip.longitude))
      Self.expectWithinGroundAndCeiling(path, world: world, index)
    }
    #expect(strips.count > 30)
    // No place at all within the caps: the world is refused, naming the area.
    let impossible = Self.scenario(
      strips: StripSiting(maximumSlope: Self.fact(0.03), maximumAltitude: Self.fact(100)))
    #expect(world.prepareRoutes(for: impossible).contains { $0.contains("'strip'") })
  }

  /// Known strips inside an area and within the caps are where its strips are drawn.
  @Test func knownStripsAreDrawnWhenTheAreaHasThem() {
    var world = Self.world { _, _ in 150 }
    let known = [GeoCoordinate(latitude: -12.1, longitude: -73.4), GeoCoordinate(latitude: -11.9, longitude: -73.6)]
    world.knownStrips = known + [GeoCoordinate(latitude: -5, longitude: -75)]
    let generator = FlightGenerator(scenario: Self.scenario(), world: world, random: CounterRandom(seed: 2))
    var drawn: Set<GeoCoordinate> = []
    for index in 0..<20 {
      let path = generator.flight(index)
      let strip = path.samples[path.landingIndex]
      drawn.insert(GeoCoordinate(latitude: strip.latitude, longitude: strip.longitude))
    }
    #expect(drawn == Set(known))
  }

  /// Shares of 0.6, 0.3 and 0.1: over 3,000 flights each destination's frequency lies within four standard errors.
  @Test func destinationSharesAreHonoured() {
    let world = Self.world { _, _ in 150 }
    let shares = [0.6, 0.3, 0.1]
    let destinations = shares.enumerated().map { index, share in
      FlightPattern.Area(
        name: "d\(index)", latitude: -10.0 - 2 * Double(index), longitude: -73.5, radius: 30_000,
        share: Sourced(share * 7, .assumption("test")))
    }
    let scenario = Self.scenario(destinations: destinations)
    let generator = FlightGenerator(scenario: scenario, world: world, random: CounterRandom(seed: 13))
    let flights = 3_000
    var counts: [String: Int] = [:]
    for index in 0..<flights { counts[generator.flight(index).destinationName, default: 0] += 1 }
    for (index, share) in shares.enumerated() {
      let frequency = Double(counts["d\(index)", default: 0]) / Double(flights)
      let error = (share * (1 - share) / Double(flights)).squareRoot()
      #expect(abs(frequency - share) < 4 * error, "d\(index): \(frequency) for \(share)")
    }
  }
}
