import CoverageKernel
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import RadarModels

/// Prepares what the Monte Carlo needs from the outside world, once: the DEM over radars, flight areas and Peru, the
/// Peru mask (from the network scenario's regions file), and every radar's line-of-sight field at its instrumented
/// range, taken from `CoverageFields` (so a coverage study of the same network computes none of them again).
public enum SimulationWorldBuilder {
  /// Builds the world for `scenario` over the DEM of `fields`, which must be WGS 84 longitude/latitude.
  public static func build(
    scenario: InterdictionScenario, fields: CoverageFields,
    progress: @escaping @Sendable (String, Double) -> Void = { _, _ in }
  ) throws -> SimulationWorld {
    let network = scenario.network
    let terrain = fields.terrain
    let demPath = fields.demPath
    guard terrain.geometry.coordinateSystem == .geographic else {
      throw PipelineError("the scenario runner needs a geographic (longitude/latitude) DEM; '\(demPath)' is projected")
    }
    let placed = try network.radars.map { radar in
      let placed = try fields.place(radar)
      // Flights are flown in WGS 84 longitude/latitude on the DEM's own grid: a DEM on another datum, or in 0-360°
      // longitudes, would misplace them silently.
      guard abs(placed.position.x - radar.longitude) < 1e-9, abs(placed.position.y - radar.latitude) < 1e-9 else {
        throw PipelineError(
          "the scenario runner needs a WGS 84 longitude/latitude DEM in -180...180° (EPSG:4326); '\(demPath)' is "
            + "not: warp it (gdalwarp -t_srs EPSG:4326)")
      }
      return placed
    }
    var study = placed.map(\.window).union!
    for area in scenario.pattern.origins + scenario.pattern.destinations {
      let position = MapPoint(x: area.longitude, y: area.latitude)
      guard
        let window = terrain.geometry.window(
          around: position, radius: area.radius + 100_000, earthRadius: fields.earth.radius)
      else { throw PipelineError("flight area '\(area.name)' lies outside the DEM '\(demPath)'") }
      study = study.union(window)
    }
    try checkMemory(network: network, fields: fields, placed: placed, studyCells: study.cellCount)
    let grid = try terrain.read(study)
    guard let regions = network.regionsFile else {
      throw PipelineError("the network scenario needs a regions file with a 'Peru' feature")
    }
    let masks = try VectorFeatures.polygonMasks(
      path: regions, nameField: network.regionNameField, georeference: terrain.georeference(of: study))
    guard let peru = masks.first(where: { $0.name == "Peru" }) else {
      throw PipelineError("the regions file '\(regions)' has no feature named 'Peru'")
    }
    var radars: [SimulationWorld.Radar] = []
    for (index, (radar, site)) in zip(network.radars, placed).enumerated() {
      let label = "line of sight: radar \(index + 1)/\(network.radars.count) \(radar.name)"
      progress(label, 0)
      let field = try fields.field(of: site, radar.instrumentedLimits) { progress(label, $0) }
      radars.append(SimulationWorld.Radar(placement: radar, visibility: RadarVisibility(field)))
    }
    var world = SimulationWorld(terrain: grid, insidePeru: peru.mask, radars: radars, earth: fields.earth)
    if let file = scenario.pattern.strips.knownStripsFile {
      do {
        world.knownStrips = try PointFeatures.read(file).map {
          GeoCoordinate(latitude: $0.latitude, longitude: $0.longitude)
        }
      } catch let error as GeoRasterError {
        throw PipelineError("known strips: \(error)")
      }
    }
    progress("routes: least-exposure and shortest fields, strip places", 0)
    if let problem = world.prepareRoutes(for: scenario).first {
      throw PipelineError("scenario '\(scenario.id)': \(problem)")
    }
    progress("routes: least-exposure and shortest fields, strip places", 1)
    return world
  }
}

extension SimulationWorldBuilder {
  /// Refuses a world that cannot fit in memory before any terrain is read: the study terrain and mask, and every
  /// radar's kept field (MSL floor and ceiling) beside the largest kernel run.
  fileprivate static func checkMemory(
    network: Scenario, fields: CoverageFields, placed: [PlacedRadar], studyCells: Int
  ) throws {
    var kept = 0
    var largest = 0
    for (radar, site) in zip(network.radars, placed) {
      let estimate = try fields.resourceEstimate(of: site, radar.instrumentedLimits)
      kept += estimate.windowCells * 8
      largest = max(largest, estimate.peakBytes)
    }
    _ = try MemoryBudget.check(
      studyCells * 5 + kept + largest, for: "the simulation world of '\(network.id)' (\(network.radars.count) radars)",
      remedy: "use a coarser DEM (--dem), or set AIRPICTURE_MEMORY_LIMIT_MB if the machine has more")
  }
}

extension SimulationWorldBuilder {
  /// Reserves in `fields` the field each radar of `scenario`'s network will be asked for by `build`, so that a
  /// coverage study run first hands over the ones it computes instead of dropping them.
  public static func reserveFields(of scenario: InterdictionScenario, in fields: CoverageFields) throws {
    for radar in scenario.network.radars { fields.reserve(try fields.place(radar), radar.instrumentedLimits) }
  }
}
