import CoverageKernel
import Interdiction
import InterdictionModels
import RadarModels

/// A small flat theatre for tests: "Bolivia" east of 69.5° W, "Peru" west of it, a primary radar on the border, a
/// civil secondary and a civil primary inland, flights from the east to strips in the west.
enum SyntheticTheatre {
  static func fact(_ value: Double) -> Sourced<Double> { Sourced(value, .assumption("test")) }

  static func radarType(_ id: String, _ role: SensorRole, range: Double, availability: Double = 1) -> RadarType {
    RadarType(
      id: RadarType.ID(id), name: id, role: role, instrumentedRange: fact(range),
      elevationLimits: Sourced(-5...60, .assumption("t")),
      scanPeriod: fact(10), r50ForOneSquareMetre: role == .primary ? fact(300_000) : nil,
      cooperativeDetection: role == .secondary ? fact(0.98) : nil, antennaHeight: fact(10),
      availability: fact(availability), meanTimeToRepair: fact(24))
  }

  static func placement(_ name: String, _ op: String, _ type: RadarType, _ lat: Double, _ lon: Double) -> RadarPlacement
  {
    RadarPlacement(
      name: name, operator: op, type: type, latitude: lat, longitude: lon, antennaHeight: fact(10), notional: false,
      provenance: .assumption("test"))
  }

  /// Radars: where they stand, and their availability.
  static func radars(availability: Double = 1, far: Bool = false) -> [RadarPlacement] {
    // "far" moves every radar 7.5° north, over 800 km from any flight.
    let shift = far ? 7.5 : 0.0
    return [
      placement(
        "border primary", "FAP", radarType("psr", .primary, range: 120_000, availability: availability),
        -12.5 + shift, -69.5),
      placement(
        "civil secondary", "CORPAC", radarType("ssr", .secondary, range: 400_000, availability: availability),
        -11.5 + shift, -73.0),
      placement(
        "civil primary", "CORPAC", radarType("cpsr", .primary, range: 150_000, availability: availability),
        -12.0 + shift, -74.0),
    ]
  }

  static func network(radars: [RadarPlacement]) -> Scenario {
    let target = TargetClass(id: "t", name: "t", radarCrossSection: fact(1.5), transponderOn: false)
    return Scenario(
      id: "synthetic", title: "synthetic", demCandidates: [], refractionFactor: fact(4.0 / 3),
      falseAlarmProbability: fact(1e-6), coverageProbability: fact(0.5), targets: [target], radars: radars,
      networks: [
        NetworkConfiguration(
          id: "non-integrated", description: "", realTimeOperators: ["FAP"], fusionLatency: fact(10),
          voiceRelay: NetworkConfiguration.VoiceRelay(operators: ["CORPAC"], delay: fact(420), probability: fact(0.5))),
        NetworkConfiguration(
          id: "integrated", description: "", realTimeOperators: ["FAP", "CORPAC"], fusionLatency: fact(5),
          voiceRelay: nil),
      ], regionsFile: nil, regionNameField: "name", bordersFile: nil, altitudesAGL: [300], mapAltitudeAGL: 300)
  }

  static func interceptor(_ id: String, speed: Double) -> InterceptorType {
    InterceptorType(
      id: InterceptorType.ID(id), name: id, transitSpeed: fact(speed), combatRadius: fact(1_000_000),
      endurance: fact(4 * 3_600),
      minimumEscortSpeed: fact(50), sensorRange: fact(30_000), unitCost: fact(50e6), costPerFlightHour: fact(5_000),
      alertReadiness: fact(1))
  }

  /// The theatre's scenario; `flightsPerDay` flights share a day's `pairs` alert pairs at the one base, each back on
  /// alert `turnaround` seconds after landing.
  static func scenario(
    radars: [RadarPlacement], interceptors: [InterceptorType]? = nil, flightsPerDay: Double = 3, pairs: Double = 1,
    turnaround: Double = 3_600
  ) -> InterdictionScenario {
    let aircraft = NarcoAircraft(
      id: "c210", name: "c210", share: 1, cruiseSpeed: fact(85), climbRate: fact(4.8), ceiling: fact(5_000),
      endurance: fact(20_000), radarCrossSection: fact(1.5), transponderOnProbability: fact(0.2),
      cruiseHeight: fact(300), groundTime: Sourced(600...1_200, .assumption("t")))
    return InterdictionScenario(
      id: "synthetic", title: "synthetic", network: network(radars: radars), aircraft: [aircraft],
      pattern: FlightPattern(
        origins: [FlightPattern.Area(name: "east", latitude: -12.5, longitude: -67.5, radius: 300_000)],
        destinations: [FlightPattern.Area(name: "strip", latitude: -12.0, longitude: -73.5, radius: 100_000)],
        flightsPerDay: fact(flightsPerDay), entryHour: fact(6), entrySpread: fact(1)),
      interceptors: interceptors ?? [interceptor("fast", speed: 250), interceptor("slow", speed: 120)],
      basings: [
        Basing(
          id: "forward", description: "",
          stations: [Basing.Station(name: "base", latitude: -12.2, longitude: -71.0, scrambleDelay: fact(30 * 60))])
      ],
      rules: InterdictionRules(
        confirmHits: 2, confirmWindow: 3, dropAfterMisses: 6,
        classificationTime: ["non-integrated": fact(600), "integrated": fact(120)], identification: fact(480),
        interventionAndPersuasion: fact(900), authorisation: fact(600), fastJetPenalty: fact(1.5),
        searchTime: fact(900), alertPairsPerStation: fact(pairs), turnaround: fact(turnaround)),
      budget: fact(3.5e9), aircraftPerAlertPair: fact(6))
  }

  /// Flat ground at 150 m with a 1,500 m ridge along 71.5° W, from 78° W to 66° W and 18° S to 2° S at 0.05°; Peru
  /// west of 69.5° W.
  static func world(radars: [RadarPlacement]) -> SimulationWorld {
    world(radars: radars) { longitude, _ in abs(longitude + 71.5) < 0.2 ? 1_500 : 150 }
  }

  /// A world from 78° W to 66° W and 18° S to 2° S at 0.05° with ground `height(longitude, latitude)`; Peru west of
  /// 69.5° W; each radar's line-of-sight field computed by the kernel.
  static func world(radars: [RadarPlacement], height: (Double, Double) -> Float) -> SimulationWorld {
    let geometry = GridGeometry(
      coordinateSystem: .geographic, originX: -78, originY: -2, cellWidth: 0.05, cellHeight: 0.05, width: 240,
      height: 320)
    var heights = [Float](repeating: 0, count: 240 * 320)
    var peru = [UInt8](repeating: 0, count: 240 * 320)
    for row in 0..<320 {
      for column in 0..<240 {
        let longitude = geometry.x(ofColumn: Double(column))
        heights[row * 240 + column] = height(longitude, geometry.y(ofRow: Double(row)))
        if longitude < -69.5 { peru[row * 240 + column] = 1 }
      }
    }
    let terrain = ElevationGrid(geometry: geometry, heights: heights)
    let kernel = LineOfSightKernel(threads: 2)
    let fields = radars.map { radar -> SimulationWorld.Radar in
      let site = RadarSite(
        name: radar.name, position: MapPoint(x: radar.longitude, y: radar.latitude), antenna: .aboveGround(10),
        limits: CoverageLimits(
          maximumRange: radar.type.instrumentedRange.value, minimumElevation: -5, maximumElevation: 60))
      let window = geometry.window(
        around: site.position, radius: site.limits.maximumRange, earthRadius: EarthModel.meanRadius)!
      return SimulationWorld.Radar(
        placement: radar,
        visibility: RadarVisibility(try! kernel.coverage(of: site, over: terrain.cropped(to: window))))
    }
    return SimulationWorld(terrain: terrain, insidePeru: peru, radars: fields, earth: .standard)
  }
}
