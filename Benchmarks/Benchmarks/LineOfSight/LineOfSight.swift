import Benchmark
import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster

/// Kernel regression benchmarks: one radar over a 3601 × 3601 tile, one radar over the Peru 30" composite at
/// 450 km, and a 10-radar network on the composite. Real data comes from `../shared/terrain` (or
/// `AIRPICTURE_TERRAIN_DIR`); the tile falls back to generated terrain when it is absent. At national scale, on
/// generated terrain: one radar at 444 km on a 1" grid of 30,000 × 30,000 cells, and a 10-radar network over a
/// Peru-sized 3" grid (`--filter '.*generated.*'`; several GB of memory each).
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident], warmupIterations: 1, scalingFactor: .one,
    maxDuration: .seconds(20), maxIterations: 10)

  let tile = Scenes.tile()
  Benchmark("one radar, 3601x3601 tile, \(tile.label)") { benchmark in
    let workspace = CoverageWorkspace()
    let kernel = LineOfSightKernel()
    for _ in benchmark.scaledIterations {
      let field = try! kernel.coverage(of: tile.site, over: tile.terrain, workspace: workspace)
      blackHole(field.lowestAltitudeMSL.count)
      workspace.recycle(field)
    }
  }

  if let composite = Scenes.composite() {
    Benchmark("one radar, Peru 30\" composite, 450 km (Puerto Maldonado)") { benchmark in
      let workspace = CoverageWorkspace()
      let kernel = LineOfSightKernel()
      let site = composite.site(latitude: -12.6131, longitude: -69.2282)
      let window = composite.window(for: site)
      for _ in benchmark.scaledIterations {
        let field = try! kernel.coverage(of: site, over: window, workspace: workspace)
        blackHole(field.lowestAltitudeMSL.count)
        workspace.recycle(field)
      }
    }

    Benchmark("10-radar network, Peru 30\" composite, 450 km") { benchmark in
      let workspace = CoverageWorkspace()
      let kernel = LineOfSightKernel()
      let sites = Scenes.networkSites.map { composite.site(latitude: $0.0, longitude: $0.1) }
      let windows = sites.map { composite.window(for: $0) }
      let union = windows.dropFirst().reduce(windows[0].geometry) { composite.union($0, $1.geometry) }
      for _ in benchmark.scaledIterations {
        var network = NetworkCoverage(geometry: union, altitudesAGL: [150, 300, 1_000, 3_000])
        for (site, window) in zip(sites, windows) {
          let field = try! kernel.coverage(of: site, over: window, workspace: workspace)
          network.merge(field)
          workspace.recycle(field)
        }
        blackHole(network)
      }
    }
  }

  // National scale (issue 9): generated terrain, made outside the measured block; each runs once. The resident
  // peak is sampled over the whole benchmark, terrain generation included, so the setup holds no more than the
  // measured work does (its peak is the work's); the delta is the peak less the resident memory before the setup.
  let national = Benchmark.Configuration(
    metrics: [.wallClock, .cpuUser, .cpuSystem, .peakMemoryResident, .peakMemoryResidentDelta],
    units: [.peakMemoryResident: .mega, .peakMemoryResidentDelta: .mega], warmupIterations: 0,
    scalingFactor: .one, maxDuration: .seconds(3_600), maxIterations: 1)
  let single = GeneratedScene.single
  Benchmark(
    "one radar, generated \(single.label), 444 km", configuration: national
  ) { benchmark in
    // Only the radar's window of the grid is generated (the same heights as the whole grid's there).
    let (site, window) = single.radarWindow()
    benchmark.startMeasurement()
    let field = try! LineOfSightKernel().coverage(of: site, over: window, workspace: CoverageWorkspace())
    benchmark.stopMeasurement()
    blackHole(field.lowestAltitudeMSL.count)
  }

  let peru = GeneratedScene.peru
  Benchmark("10-radar network, generated Peru-sized \(peru.label), 444 km", configuration: national) { benchmark in
    let scene = peru.composite()
    let sites = Scenes.networkSites.map { scene.site(latitude: $0.0, longitude: $0.1) }
    let union = sites.dropFirst().reduce(scene.window(geometryOf: sites[0])) {
      scene.union($0, scene.window(geometryOf: $1))
    }
    benchmark.startMeasurement()
    let workspace = CoverageWorkspace()
    let kernel = LineOfSightKernel()
    var network = NetworkCoverage(geometry: union, altitudesAGL: [150, 300, 1_000, 3_000])
    for site in sites {
      let field = try! kernel.coverage(of: site, over: scene.window(for: site), workspace: workspace)
      network.merge(field)
      workspace.recycle(field)
    }
    benchmark.stopMeasurement()
    blackHole(network)
  }
}

/// The terrain the benchmarks run on.
enum Scenes {
  static var terrainDirectory: String {
    ProcessInfo.processInfo.environment["AIRPICTURE_TERRAIN_DIR"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/terrain").path
  }

  /// Ten radar sites (the Air Force's TPS-70 sites and the civil radar airports, as an all-primary network).
  static let networkSites: [(Double, Double)] = [
    (-12.6131, -69.2282), (-8.3779, -74.5743), (-12.0194, -77.1155), (-16.3405, -71.5708), (-13.1548, -74.2044),
    (-7.1392, -78.4894), (-13.5357, -71.9388), (-3.7847, -73.3088), (-5.2057, -80.6164), (-6.5087, -76.3733),
  ]

  /// A 3601 × 3601 tile of 3" SRTM over northern Peru, or generated terrain at 90 m without the data.
  static func tile() -> (terrain: ElevationGrid, site: RadarSite, label: String) {
    let size = 3_601
    let path = (terrainDirectory as NSString).appendingPathComponent("north_peru_3s_srtm3.tif")
    if let raster = try? RasterDataset(path: path), raster.georeference.width >= size + 1_000,
      let heights = try? raster.read(column: 1_000, row: 1_000, width: size, height: size)
    {
      let reference = raster.georeference
      let geometry = GridGeometry(
        coordinateSystem: .geographic, originX: reference.originX + 1_000 * reference.cellWidth,
        originY: reference.originY - 1_000 * reference.cellHeight, cellWidth: reference.cellWidth,
        cellHeight: reference.cellHeight, width: size, height: size)
      let centre = MapPoint(x: geometry.x(ofColumn: 1_800), y: geometry.y(ofRow: 1_800))
      return (
        ElevationGrid(geometry: geometry, heights: heights),
        RadarSite(
          name: "tile", position: centre, antenna: .aboveGround(10), limits: CoverageLimits(maximumRange: 160_000)),
        "3\" SRTM"
      )
    }
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: Double(size) * 90, cellWidth: 90, cellHeight: 90, width: size,
      height: size)
    let centre = MapPoint(x: geometry.x(ofColumn: 1_800), y: geometry.y(ofRow: 1_800))
    return (
      ElevationGrid(geometry: geometry, heights: RidgedFractalTerrain(seed: 2025).heights(width: size, height: size)),
      RadarSite(
        name: "tile", position: centre, antenna: .aboveGround(10), limits: CoverageLimits(maximumRange: 160_000)),
      "generated"
    )
  }

  /// The Peru 30" composite, read whole.
  static func composite() -> Composite? {
    let path = (terrainDirectory as NSString).appendingPathComponent("peru_composite_30s.tif")
    guard let raster = try? RasterDataset(path: path) else { return nil }
    let reference = raster.georeference
    guard let heights = try? raster.read(column: 0, row: 0, width: reference.width, height: reference.height) else {
      return nil
    }
    let geometry = GridGeometry(reference)
    return Composite(terrain: ElevationGrid(geometry: geometry, heights: heights))
  }

  struct Composite {
    let terrain: ElevationGrid
    /// The radars' range, metres.
    var range = 450_000.0

    func site(latitude: Double, longitude: Double) -> RadarSite {
      RadarSite(
        name: "\(latitude),\(longitude)", position: MapPoint(x: longitude, y: latitude), antenna: .aboveGround(10),
        limits: CoverageLimits(maximumRange: range))
    }

    func window(for site: RadarSite) -> ElevationGrid {
      terrain.cropped(
        to: terrain.geometry.window(around: site.position, radius: range, earthRadius: EarthModel.meanRadius)!)
    }

    /// The geometry of `site`'s window, without copying its heights.
    func window(geometryOf site: RadarSite) -> GridGeometry {
      terrain.geometry.subgrid(
        terrain.geometry.window(around: site.position, radius: range, earthRadius: EarthModel.meanRadius)!)
    }

    func union(_ a: GridGeometry, _ b: GridGeometry) -> GridGeometry {
      terrain.geometry.subgrid(terrain.geometry.window(of: a).union(terrain.geometry.window(of: b)))
    }
  }
}

/// Generated ridged-fractal terrain (seed 2025, as `airpicture terrain generate` and `Benchmarks/scale.sh` make it) on
/// a WGS 84 grid: the national-scale cases of issue 9. `AIRPICTURE_BENCH_SMALL=1` makes the cells 10 times larger
/// over the same box (a quick check that the cases run).
struct GeneratedScene {
  var arcSeconds: Double
  var columns: Int
  var rows: Int
  /// North-west corner, degrees.
  var north = 0.0
  var west = -81.5

  static let small = ProcessInfo.processInfo.environment["AIRPICTURE_BENCH_SMALL"] == "1"

  /// A 1" DEM of 30,000 × 30,000 cells (8.33° square), a TPS-70 at its centre.
  static let single =
    small
    ? GeneratedScene(arcSeconds: 10, columns: 3_000, rows: 3_000)
    : GeneratedScene(arcSeconds: 1, columns: 30_000, rows: 30_000)
  /// A 3" DEM of 19,200 × 24,000 cells: 16° × 20° from 81.5° W, 0°, the box around Peru.
  static let peru =
    small
    ? GeneratedScene(arcSeconds: 30, columns: 1_920, rows: 2_400)
    : GeneratedScene(arcSeconds: 3, columns: 19_200, rows: 24_000)

  var label: String { "\(Int(arcSeconds))\" \(columns)x\(rows)" }

  var centre: (latitude: Double, longitude: Double) {
    (north - Double(rows) * arcSeconds / 7_200, west + Double(columns) * arcSeconds / 7_200)
  }

  static let range = 444_000.0

  var geometry: GridGeometry {
    GridGeometry(
      coordinateSystem: .geographic, originX: west, originY: north, cellWidth: arcSeconds / 3_600,
      cellHeight: arcSeconds / 3_600, width: columns, height: rows)
  }

  /// The whole grid as Float heights, with the radars' range at 444 km.
  func composite() -> Scenes.Composite {
    let heights = RidgedFractalTerrain(seed: 2025).heights(width: columns, height: rows)
    return Scenes.Composite(terrain: ElevationGrid(geometry: geometry, heights: heights), range: Self.range)
  }

  /// A radar 10 m above the centre and the window of the grid its range needs, generated alone.
  func radarWindow() -> (RadarSite, ElevationGrid) {
    let site = RadarSite(
      name: "centre", position: MapPoint(x: centre.longitude, y: centre.latitude), antenna: .aboveGround(10),
      limits: CoverageLimits(maximumRange: Self.range))
    let window = geometry.window(around: site.position, radius: Self.range, earthRadius: EarthModel.meanRadius)!
    let terrain = RidgedFractalTerrain(seed: 2025)
    var heights = [Float](repeating: 0, count: window.cellCount)
    heights.withUnsafeMutableBufferPointer { output in
      let buffer = output
      ParallelWork.forEachChunk(count: window.height, threads: ParallelWork.processorCount, chunkSize: 32) { rows in
        for row in rows {
          for column in 0..<window.width {
            buffer[row * window.width + column] = Float(
              terrain.height(x: Double(window.column + column), y: Double(window.row + row)))
          }
        }
      }
    }
    return (site, ElevationGrid(geometry: geometry.subgrid(window), heights: heights))
  }
}
