import CoverageKernel
import Foundation
import InterdictionModels
import RadarModels

/// What every flight over one world shares, prepared once before the Monte Carlo: the coarse route grid, per
/// aircraft class the blocks it can cross and its exposure to the known radars at its cruise height, a cost-to-go
/// field to each origin area per aircraft class (least exposure, and shortest), and the places in each area where a
/// strip can be. A flight then draws its strips and follows the fields, with no search of its own.
package final class RoutePlan: Sendable {
  let grid: RouteGrid
  /// Per aircraft class (scenario order): whether each block lies wholly below its ceiling.
  let passable: [[Bool]]
  /// Least-exposure and shortest fields to each origin area, `[origin][aircraft]`.
  let planned: [[CostToGoField]]
  let shortest: [[CostToGoField]]
  /// Strip positions per origin and per destination area.
  package let originSites: [[GeoCoordinate]]
  package let destinationSites: [[GeoCoordinate]]
  /// Indices (into the world's radars) of the radars traffickers plan around.
  package let knownRadars: [Int]
  /// Why the world does not suit the scenario (an area with no place for a strip); empty when it does.
  package let problems: [String]

  init(scenario: InterdictionScenario, world: SimulationWorld) {
    let pattern = scenario.pattern
    let grid = RouteGrid(world: world)
    self.grid = grid
    let known = Self.knownRadars(pattern.routing.knownRadars.value, in: world)
    knownRadars = known
    let region = Self.planningRegion(of: pattern, grid: grid)
    let passable = scenario.aircraft.map { aircraft in
      grid.highest.indices.map { region[$0] && Double(grid.highest[$0]) <= aircraft.ceiling.value }
    }
    self.passable = passable
    let weight = pattern.routing.exposureWeight.value
    let plansRoutes = pattern.routing.plannedShare.value > 0 && weight > 0 && !known.isEmpty
    let exposure: [[Float]?] = scenario.aircraft.indices.map { index in
      plansRoutes ? Self.exposure(of: scenario.aircraft[index], passable: passable[index], grid, world, known) : nil
    }
    var problems: [String] = []
    let goals = pattern.origins.map { area -> [Int] in
      let inside = Self.blocks(in: area, grid: grid, world: world)
      if inside.isEmpty { problems.append("origin area '\(area.name)' lies outside the terrain") }
      return inside
    }
    // Flights start from their areas' strips only: a field need not reach further than every block an area touches
    // (a block's centre lies within half its diagonal of any point of it).
    let needed = (pattern.origins + pattern.destinations).flatMap { area -> [Int] in
      var widened = area
      widened.radius += grid.blockHeight + (grid.blockWidth.max() ?? 0)
      return Self.blocks(in: widened, grid: grid, world: world)
    }
    // Every field is independent of the others: compute them side by side.
    let jobs = goals.indices.flatMap { origin in
      scenario.aircraft.indices.flatMap { aircraft in
        [(origin, aircraft, false)] + (exposure[aircraft] == nil ? [] : [(origin, aircraft, true)])
      }
    }
    var computed = [CostToGoField?](repeating: nil, count: jobs.count)
    computed.withUnsafeMutableBufferPointer { buffer in
      ParallelWork.forEachChunk(count: jobs.count, threads: ParallelWork.processorCount, chunkSize: 1) { range in
        for job in range {
          let (origin, aircraft, planned) = jobs[job]
          buffer[job] = CostToGoField(
            grid: grid, passable: passable[aircraft], exposure: planned ? exposure[aircraft] : nil,
            weight: planned ? weight : 0, goals: goals[origin], needed: needed)
        }
      }
    }
    func field(_ origin: Int, _ aircraft: Int, planned: Bool) -> CostToGoField {
      let job = jobs.firstIndex { $0.0 == origin && $0.1 == aircraft && $0.2 == planned }
      return computed[job ?? jobs.firstIndex { $0.0 == origin && $0.1 == aircraft && !$0.2 }!]!
    }
    let shortest = goals.indices.map { origin in
      scenario.aircraft.indices.map { field(origin, $0, planned: false) }
    }
    self.shortest = shortest
    planned = goals.indices.map { origin in
      scenario.aircraft.indices.map { field(origin, $0, planned: true) }
    }
    /// A block every aircraft class can fly from to every origin area.
    let everyField = shortest.flatMap { $0 }
    func reachable(_ position: GeoCoordinate) -> Bool {
      guard let cell = grid.cell(latitude: position.latitude, longitude: position.longitude) else { return false }
      return everyField.allSatisfy { $0.cost[cell].isFinite }
    }
    func sites(_ area: FlightPattern.Area, kind: String) -> [GeoCoordinate] {
      let found = StripSites.find(in: area, siting: pattern.strips, world: world, usable: reachable)
      guard found.isEmpty else { return found }
      problems.append(
        "\(kind) area '\(area.name)' has no ground within \(Int(area.radius / 1_000)) km of its centre with a slope "
          + "of at most \(StripSites.percent(pattern.strips.maximumSlope.value)) and an altitude of at most "
          + "\(StripSites.metres(pattern.strips.maximumAltitude.value)) from which every aircraft can reach every "
          + "origin below its ceiling")
      return [GeoCoordinate(latitude: area.latitude, longitude: area.longitude)]
    }
    originSites = pattern.origins.map { sites($0, kind: "origin") }
    destinationSites = pattern.destinations.map { sites($0, kind: "destination") }
    self.problems = problems
  }

  /// Margin round the flight areas within which routes are planned, degrees (about 330 km): wider than any detour
  /// an aircraft's endurance allows, and it spares the search the rest of the country.
  static let planningMargin = 3.0

  /// The blocks within `planningMargin` of the box holding every origin and destination area.
  static func planningRegion(of pattern: FlightPattern, grid: RouteGrid) -> [Bool] {
    let areas = pattern.origins + pattern.destinations
    let degree = 111_195.0
    let south = areas.map { $0.latitude - $0.radius / degree }.min()! - planningMargin
    let north = areas.map { $0.latitude + $0.radius / degree }.max()! + planningMargin
    let widest = max(abs(south), abs(north))
    let stretch = 1 / cos(min(widest, 80) * Double.pi / 180)
    let west = areas.map { $0.longitude - $0.radius / degree * stretch }.min()! - planningMargin * stretch
    let east = areas.map { $0.longitude + $0.radius / degree * stretch }.max()! + planningMargin * stretch
    return (0..<(grid.width * grid.height)).map { cell in
      let centre = grid.centre(cell)
      return centre.latitude >= south && centre.latitude <= north && centre.longitude >= west
        && centre.longitude <= east
    }
  }

  /// The radars of `world` that traffickers know of.
  static func knownRadars(_ choice: TraffickerRouting.KnownRadars, in world: SimulationWorld) -> [Int] {
    world.radars.indices.filter { index in
      let placement = world.radars[index].placement
      switch choice {
      case .none: return false
      case .allPrimary: return placement.type.role == .primary
      case .fixedPrimary: return placement.type.role == .primary && !placement.notional
      }
    }
  }

  /// The share of each block where a known radar sees `aircraft` at its cruise height above the block's highest
  /// ground (under its ceiling): the height it needs to cross the block, not the lower height it keeps in a valley.
  private static func exposure(
    of aircraft: NarcoAircraft, passable: [Bool], _ grid: RouteGrid, _ world: SimulationWorld, _ known: [Int]
  ) -> [Float] {
    let height = aircraft.cruiseHeight.value
    let ceiling = aircraft.ceiling.value
    let visibilities = known.map { world.radars[$0].visibility }
    var exposure = [Float](repeating: 1, count: grid.width * grid.height)
    exposure.withUnsafeMutableBufferPointer { buffer in
      ParallelWork.forEachChunk(count: buffer.count, threads: ParallelWork.processorCount, chunkSize: 4_096) {
        range in
        for cell in range where passable[cell] {
          let altitude = min(Double(grid.highest[cell]) + height, ceiling)
          let points = grid.samplePoints(cell)
          let seen = points.filter { point in
            visibilities.contains { $0.sees(x: point.longitude, y: point.latitude, altitude: altitude) }
          }
          buffer[cell] = Float(seen.count) / Float(points.count)
        }
      }
    }
    return exposure
  }

  /// The blocks whose centre lies in `area`'s disc, or the block of its centre when none does.
  private static func blocks(in area: FlightPattern.Area, grid: RouteGrid, world: SimulationWorld) -> [Int] {
    let inside = (0..<(grid.width * grid.height)).filter { cell in
      let centre = grid.centre(cell)
      return Geodesy.distance(
        fromLatitude: area.latitude, longitude: area.longitude, toLatitude: centre.latitude,
        longitude: centre.longitude, radius: world.earth.radius) <= area.radius
    }
    if !inside.isEmpty { return inside }
    return grid.cell(latitude: area.latitude, longitude: area.longitude).map { [$0] } ?? []
  }

  /// The blocks from the one holding `position` to `origin`'s area for `aircraft`, on the least-exposure or the
  /// shortest field; nil when it cannot be reached.
  func chain(from position: GeoCoordinate, toOrigin origin: Int, aircraft: Int, planned: Bool) -> [Int]? {
    guard let cell = grid.cell(latitude: position.latitude, longitude: position.longitude) else { return nil }
    return (planned ? self.planned : shortest)[origin][aircraft].chain(from: cell)
  }
}

/// The route plans of a world, built on first use per scenario (flight pattern, aircraft, radars and known strips),
/// under a lock, so that the parallel Monte Carlo builds each once.
package final class RoutePlanCache: @unchecked Sendable {
  private struct Key: Equatable {
    var pattern: FlightPattern
    var aircraft: [NarcoAircraft]
    var radars: [String]
    var knownStrips: [GeoCoordinate]
  }

  private let lock = NSLock()
  private var plans: [(key: Key, plan: RoutePlan)] = []

  package init() {}

  func plan(for scenario: InterdictionScenario, world: SimulationWorld) -> RoutePlan {
    let key = Key(
      pattern: scenario.pattern, aircraft: scenario.aircraft, radars: world.radars.map(\.placement.name),
      knownStrips: world.knownStrips)
    lock.lock()
    defer { lock.unlock() }
    if let found = plans.first(where: { $0.key == key }) { return found.plan }
    let plan = RoutePlan(scenario: scenario, world: world)
    plans.append((key, plan))
    return plan
  }
}

extension SimulationWorld {
  /// The route plan of `scenario` over this world, built on first use. Build it before the Monte Carlo with
  /// `prepareRoutes(for:)`, which also says when the world does not suit the scenario.
  package func routePlan(for scenario: InterdictionScenario) -> RoutePlan {
    routePlans.plan(for: scenario, world: self)
  }

  /// Builds the route plan of `scenario` over this world (once; flights reuse it), and returns what is wrong with
  /// the world for the scenario, one line each: an area with no place for a strip. Empty when all is well.
  public func prepareRoutes(for scenario: InterdictionScenario) -> [String] {
    routePlan(for: scenario).problems
  }
}
