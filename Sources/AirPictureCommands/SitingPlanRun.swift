import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
import OutputFiles
import RadarModels
import ScenarioFiles
import SitePlanning

/// `airpicture plan PLAN.yaml --out DIR`: the planner over the base network's DEM, written into a temporary folder
/// beside DIR and moved into place only when every file is complete.
struct SitingPlanRun {
  let command: PlanCommand
  /// The checked shard folders whose footprints stand in for evaluating the candidates (`airpicture merge`).
  var shards: ShardSet? = nil

  /// What the three phases share: the plan, its terrain and regions, and the radars to weigh.
  struct Setup {
    var plan: SitingPlanFile
    var demPath: String
    /// Whether the DEM is a coarser fallback for the one the network names.
    var coarseTerrain: Bool
    var georeference: RasterGeoreference
    var reporter: ProgressReporter
    var terrain: ElevationGrid
    var regions: [PlanningRegion]
    var altitudes: [PlanningAltitude]
    var earth: EarthModel
    var criterion: DetectionCriterion
    var builder: FootprintBuilder
    var keep: [Bool]
    var threads: Int
    var baseRadars: [PlanningRadar]
    var candidates: [CandidateSite]
    var radars: [PlanningRadar]
    var count: Int
  }

  /// Prepares, evaluates the candidates (or this shard's slice of them, or reads them from the shards), then
  /// searches and writes; a shard run stops after writing its shard folder.
  func execute() throws {
    let setup = try prepare()
    guard let evaluation = try evaluateCandidates(setup) else { return }
    try searchAndWrite(setup, evaluation)
  }

  /// The first phase: the plan, the DEM, the regions on its grid, the base network and the candidate sites.
  func prepare() throws -> Setup {
    let plan = try SitingPlanReader.read(contentsOf: command.plan)
    let network = plan.network
    let choice = try DEMChoice(given: command.dem, candidates: network.demCandidates, scenario: network.id)
    let reporter = ProgressReporter()
    if let note = choice.fallbackWarning { reporter.warn(note) }
    let terrainSource = try TerrainSource(path: choice.path)
    for warning in terrainSource.warnings { reporter.warn(warning) }
    let geometry = terrainSource.geometry
    guard geometry.coordinateSystem == .geographic else {
      throw CommandError("the DEM '\(choice.path)' is projected; the planner needs a geographic (degrees) DEM")
    }
    let full = GridWindow(column: 0, row: 0, width: geometry.width, height: geometry.height)
    let terrain = try terrainSource.read(full)
    let regions = try regionMasks(
      plan, georeference: terrainSource.georeference(of: full), cells: geometry.width * geometry.height)
    let altitudes =
      plan.altitudesAGL.map { PlanningAltitude(.aboveGroundLevel, metres: Float($0.metres.value), weight: $0.weight) }
      + plan.flightLevels.map {
        PlanningAltitude(.meanSeaLevel, metres: Float($0.level.value * 100 * 0.3048), weight: $0.weight)
      }
    let earth = EarthModel(refractionFactor: network.refractionFactor.value)
    let criterion = DetectionCriterion(
      target: plan.target, minimumProbability: network.coverageProbability.value,
      falseAlarmProbability: network.falseAlarmProbability.value)
    var builder = FootprintBuilder(
      terrain: terrain, criterion: criterion, altitudes: altitudes, kernel: LineOfSightKernel(earth: earth))
    let threads = command.threads ?? ProcessInfo.processInfo.activeProcessorCount
    builder.flights = try plan.flights.map {
      try SitingPlanFlights.flights($0, dem: choice.path, threads: threads, reporter: reporter)
    }
    let keep = (0..<(geometry.width * geometry.height)).map { cell in regions.contains { $0.mask[cell] } }

    let baseRadars = network.radars.filter { plan.configuration.realTimeOperators.contains($0.operator) }.map {
      PlanningRadar(
        name: $0.name, type: $0.type, coordinate: GeoCoordinate(latitude: $0.latitude, longitude: $0.longitude),
        antenna: .aboveGround($0.antennaHeight.value))
    }
    let candidates = try candidateSites(plan, terrain: terrain, regions: regions, earth: earth)
    let count = Int(plan.sites.value)
    guard candidates.count >= count else {
      throw CommandError(
        "the plan asks for \(count) sites but its criteria give only \(candidates.count) candidates; relax them")
    }
    let radars = candidates.map {
      PlanningRadar(
        name: $0.name, type: plan.radarType, coordinate: $0.coordinate, antenna: .aboveGround(plan.mast.value))
    }
    return Setup(
      plan: plan, demPath: choice.path, coarseTerrain: choice.isFallback,
      georeference: terrainSource.georeference(of: full), reporter: reporter, terrain: terrain, regions: regions,
      altitudes: altitudes,
      earth: earth, criterion: criterion, builder: builder, keep: keep, threads: threads, baseRadars: baseRadars,
      candidates: candidates, radars: radars, count: count)
  }

  /// The last phase: the base network's coverage, the search over the evaluated candidates, the files.
  func searchAndWrite(_ setup: Setup, _ evaluation: CandidateEvaluation) throws {
    let (plan, geometry, earth, threads) = (setup.plan, setup.terrain.geometry, setup.earth, setup.threads)
    let (regions, altitudes, terrain, reporter, count) = (
      setup.regions, setup.altitudes, setup.terrain, setup.reporter, setup.count
    )
    let base = try setup.builder.coverages(of: setup.baseRadars, keep: setup.keep, threads: threads)
    let candidates = evaluation.indices.map { setup.candidates[$0] }
    let coverages = evaluation.coverages
    let objective = try SitingObjective(
      geometry: geometry, earthRadius: earth.radius, regions: regions, altitudes: altitudes, baseNetwork: base,
      flights: plan.flights.map { FlightObjective(count: Int($0.count.value), weight: $0.weight.value * 1e6) })
    let search = try SitingSearch(objective: objective, candidates: coverages, threads: threads)
    let greedy = search.greedy(count: count)
    let swapped = search.improveBySwaps(greedy.picks.map(\.candidate))
    let outcome = SitingPlanOutcome(
      plan: plan, candidates: candidates, terrain: terrain, search: search, greedy: greedy, swapped: swapped,
      // Absolute, as a merge names them, so that the report does not depend on how the paths were typed.
      planPath: URL(fileURLWithPath: command.plan).standardizedFileURL.path,
      demPath: setup.demPath.hasPrefix("/vsi")
        ? setup.demPath : URL(fileURLWithPath: setup.demPath).standardizedFileURL.path,
      georeference: setup.georeference, earth: earth,
      baseRadars: setup.baseRadars, coarseTerrain: setup.coarseTerrain)

    let out = command.out ?? "out/\(plan.id)"
    let inputs =
      [RunInput(option: "plan", path: command.plan), RunInput(option: "network", path: plan.networkFile)]
      + [RunInput(option: "DEM", path: setup.demPath)]
      + (plan.flights.map { [RunInput(option: "flights scenario", path: $0.scenarioFile)] } ?? [])
      + (plan.basing.map { [RunInput(option: "basing scenario", path: $0.scenarioFile)] } ?? [])
    let output = try OutputFolder(out, option: "--out", inputs: inputs)
    var basingTable: String?
    do {
      try outcome.write(to: output.staging)
      // The network file must read back as a coverage scenario before it is published.
      _ = try ScenarioReader.read(contentsOf: output.staging + "/network.yaml")
      basingTable = try plan.basing.map {
        try AlertBasingRun(
          section: $0, plan: plan, planNetwork: output.staging + "/network.yaml", dem: setup.demPath, threads: threads,
          reporter: reporter
        ).write(into: output.staging)
      }
      if let note = try output.publish() { reporter.warn(note) }
    } catch {
      output.discard()
      throw error
    }
    print(outcome.summary)
    if let basingTable { print(basingTable) }
    print(
      "wrote plan.csv, plan.json, candidates.csv, network.yaml, plan-map.png, plan-sites.gpkg, plan-sites.kml, "
        + "sites/ (a profile and a vertical coverage diagram per chosen site), report.html"
        + (basingTable == nil ? "" : ", basing.csv, basing.md") + " to \(out)")
  }

  /// The plan's regions burnt onto the DEM's grid, in the plan's order; an unknown name is refused in one line.
  private func regionMasks(_ plan: SitingPlanFile, georeference: RasterGeoreference, cells: Int) throws
    -> [PlanningRegion]
  {
    guard let file = plan.network.regionsFile else { throw CommandError("the network names no regions file") }
    let masks = try VectorFeatures.polygonMasks(
      path: file, nameField: plan.network.regionNameField, georeference: georeference)
    return try plan.regions.map { region in
      guard let found = masks.first(where: { $0.name == region.name }) else {
        throw CommandError(
          "'\(command.plan)': region '\(region.name)' is not in the regions file '\(file)' (it has: "
            + masks.map(\.name).joined(separator: ", ") + ")")
      }
      guard found.mask.contains(1) else {
        throw CommandError("'\(command.plan)': region '\(region.name)' covers no cell of the DEM")
      }
      // The plan's weights count per km²; the objective's cells are in m², so a common scale changes nothing.
      return PlanningRegion(name: region.name, weight: region.weight.value, mask: found.mask.map { $0 != 0 })
    }
  }

  /// The candidate sites: summits of the DEM inside the plan's regions or box, then the sites of the point file.
  private func candidateSites(
    _ plan: SitingPlanFile, terrain: ElevationGrid, regions: [PlanningRegion], earth: EarthModel
  ) throws -> [CandidateSite] {
    var sites: [CandidateSite] = []
    if let criteria = plan.candidates.fromDEM {
      var area: [[GeoCoordinate]]?
      if let box = criteria.boundingBox {
        area = [
          [
            GeoCoordinate(latitude: box[1], longitude: box[0]), GeoCoordinate(latitude: box[1], longitude: box[2]),
            GeoCoordinate(latitude: box[3], longitude: box[2]), GeoCoordinate(latitude: box[3], longitude: box[0]),
          ]
        ]
      }
      let within = regions.filter { criteria.withinRegions.contains($0.name) }
      let found = try CandidateFinder.candidates(
        on: terrain,
        criteria: CandidateCriteria(
          prominenceRadius: criteria.prominenceRadius.value, minimumProminence: criteria.minimumProminence.value,
          topCount: nil, minimumSpacing: criteria.spacing.value, area: area,
          maximumGroundHeight: criteria.maximumGround?.value),
        earthRadius: earth.radius)
      let geometry = terrain.geometry
      var inside = found.filter { site in
        guard !within.isEmpty else { return true }
        let column = Int(((site.coordinate.longitude - geometry.originX) / geometry.cellWidth).rounded(.down))
        let row = Int(((geometry.originY - site.coordinate.latitude) / geometry.cellHeight).rounded(.down))
        guard column >= 0, column < geometry.width, row >= 0, row < geometry.height else { return false }
        return within.contains { $0.mask[row * geometry.width + column] }
      }
      if let top = criteria.top.map({ Int($0.value) }), inside.count > top {
        let order = inside.indices.sorted {
          let (a, b) = (inside[$0].prominence ?? 0, inside[$1].prominence ?? 0)
          return a != b ? a > b : $0 < $1
        }
        let kept = Set(order.prefix(top))
        inside = inside.indices.filter { kept.contains($0) }.map { inside[$0] }
      }
      sites += inside
    }
    if let file = plan.candidates.file {
      let geometry = terrain.geometry
      var points = 0
      for layer in try FeatureReader.read(file.value) where layer.geometryType.contains("Point") {
        for feature in layer.features {
          for point in feature.coordinates {
            points += 1
            let given = feature.values["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "point \(points)"
            let name = feature.coordinates.count > 1 ? "\(given) \(points)" : given
            let column = Int(((point.x - geometry.originX) / geometry.cellWidth).rounded(.down))
            let row = Int(((geometry.originY - point.y) / geometry.cellHeight).rounded(.down))
            guard column >= 0, column < geometry.width, row >= 0, row < geometry.height else {
              throw CommandError("candidate '\(name)' of '\(file.value)' lies outside the DEM")
            }
            sites.append(
              CandidateSite(
                name: name, coordinate: GeoCoordinate(latitude: point.y, longitude: point.x),
                groundHeight: Double(terrain[row, column]), prominence: nil))
          }
        }
      }
      guard points > 0 else { throw CommandError("the candidates file '\(file.value)' has no point features") }
    }
    return sites
  }
}
