import CoverageKernel
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import RadarModels

/// Prepares what the Monte Carlo needs from the outside world, once: the DEM over radars, flight areas and Peru, the
/// Peru mask (from the network scenario's regions file), and every radar's line-of-sight field from the kernel.
public enum SimulationWorldBuilder {
  /// Builds the world for `scenario` (on `dem`, or the network scenario's first DEM that exists). `warn` gets a line
  /// for implausible DEM heights and for radars whose fields look past DEM voids (lower bounds).
  public static func build(
    scenario: InterdictionScenario, dem: String?, threads: Int, warn: (String) -> Void = { _ in },
    progress: @escaping @Sendable (String, Double) -> Void
  ) throws -> (world: SimulationWorld, demPath: String) {
    let network = scenario.network
    let demPath =
      try dem ?? network.demCandidates.first { FileManager.default.fileExists(atPath: $0) }
      ?? {
        throw GeoRasterError("none of the network scenario's DEMs exists; pass --dem")
      }()
    let terrain = try TerrainSource(path: demPath)
    for warning in terrain.warnings { warn(warning) }
    guard terrain.geometry.coordinateSystem == .geographic else {
      throw GeoRasterError("the scenario runner needs a geographic (longitude/latitude) DEM; '\(demPath)' is projected")
    }
    let earth = EarthModel(refractionFactor: network.refractionFactor.value)
    var windows: [GridWindow] = []
    for radar in network.radars {
      let position = MapPoint(x: radar.longitude, y: radar.latitude)
      // Flights are flown in WGS 84 longitude/latitude on the DEM's own grid: a DEM on another datum, or in 0-360°
      // longitudes, would misplace them silently.
      let placed = try terrain.position(latitude: radar.latitude, longitude: radar.longitude)
      guard abs(placed.x - position.x) < 1e-9, abs(placed.y - position.y) < 1e-9 else {
        throw GeoRasterError(
          "the scenario runner needs a WGS 84 longitude/latitude DEM in -180...180° (EPSG:4326); '\(demPath)' is "
            + "not: warp it (gdalwarp -t_srs EPSG:4326)")
      }
      guard terrain.geometry.contains(position) else {
        throw GeoRasterError("site '\(radar.name)' lies outside the DEM '\(demPath)'")
      }
      windows.append(
        terrain.geometry.window(
          around: position, radius: radar.type.instrumentedRange.value, earthRadius: earth.radius)!)
    }
    var study = windows.dropFirst().reduce(windows[0]) { $0.union($1) }
    for area in scenario.pattern.origins + scenario.pattern.destinations {
      let position = MapPoint(x: area.longitude, y: area.latitude)
      guard
        let window = terrain.geometry.window(around: position, radius: area.radius + 100_000, earthRadius: earth.radius)
      else { throw GeoRasterError("flight area '\(area.name)' lies outside the DEM '\(demPath)'") }
      study = study.union(window)
    }
    try checkMemory(network: network, terrain: terrain, earth: earth, windows: windows, studyCells: study.cellCount)
    let grid = try terrain.read(study)
    guard let regions = network.regionsFile else {
      throw GeoRasterError("the network scenario needs a regions file with a 'Peru' feature")
    }
    let masks = try VectorFeatures.polygonMasks(
      path: regions, nameField: network.regionNameField, georeference: terrain.georeference(of: study))
    guard let peru = masks.first(where: { $0.name == "Peru" }) else {
      throw GeoRasterError("the regions file '\(regions)' has no feature named 'Peru'")
    }
    let kernel = LineOfSightKernel(earth: earth, threads: threads)
    let workspace = CoverageWorkspace()
    var radars: [SimulationWorld.Radar] = []
    for (index, radar) in network.radars.enumerated() {
      let label = "line of sight: radar \(index + 1)/\(network.radars.count) \(radar.name)"
      progress(label, 0)
      let site = radar.kernelSite(
        at: MapPoint(x: radar.longitude, y: radar.latitude), range: radar.type.instrumentedRange.value)
      let field = try kernel.coverage(of: site, in: windows[index], of: terrain, workspace: workspace) {
        progress(label, $0)
      }
      if let note = VoidReport.line(radar: radar.name, field: field) { warn(note) }
      radars.append(SimulationWorld.Radar(placement: radar, visibility: RadarVisibility(field)))
    }
    return (SimulationWorld(terrain: grid, insidePeru: peru.mask, radars: radars, earth: earth), demPath)
  }
}

extension SimulationWorldBuilder {
  /// Refuses a world that cannot fit in memory before any terrain is read: the study terrain and mask, and every
  /// radar's kept field (MSL floor and ceiling) beside the largest kernel run.
  fileprivate static func checkMemory(
    network: Scenario, terrain: TerrainSource, earth: EarthModel, windows: [GridWindow], studyCells: Int
  ) throws {
    let kernel = LineOfSightKernel(earth: earth)
    var kept = 0
    var largest = 0
    for (index, radar) in network.radars.enumerated() {
      let site = radar.kernelSite(
        at: MapPoint(x: radar.longitude, y: radar.latitude), range: radar.type.instrumentedRange.value)
      let estimate = try kernel.resourceEstimate(for: site, over: terrain.geometry.subgrid(windows[index]))
      kept += estimate.windowCells * 8
      largest = max(largest, estimate.peakBytes)
    }
    _ = try MemoryBudget.check(
      studyCells * 5 + kept + largest, for: "the simulation world of '\(network.id)' (\(network.radars.count) radars)",
      remedy: "use a coarser DEM (--dem), or set AIRPICTURE_MEMORY_LIMIT_MB if the machine has more")
  }
}
