import CoverageKernel
import CoveragePipeline
import Foundation
import GeoRaster
import OutputFiles

/// The terrain and radar a benchmark times: a window of a real DEM, or generated ridged-fractal terrain.
struct BenchWorkload {
  let terrain: ElevationGrid
  let site: RadarSite
  let antennaHeight: Double
  let description: String
  /// The DEM on disk when it is projected (gdal_viewshed's input).
  private let projectedSource: String?
  private let crsWKT: String

  /// Generated terrain: `size × size` cells of 90 m in UTM zone 18S, radar 10 m above the centre.
  init(generatedSize size: Int, rangeKm: Double) {
    let half = Double(size) * 90 / 2
    let geometry = GridGeometry(
      coordinateSystem: .projected, originX: 600_000 - half, originY: 8_600_000 + half, cellWidth: 90,
      cellHeight: 90, width: size, height: size)
    terrain = ElevationGrid(
      geometry: geometry, heights: RidgedFractalTerrain(seed: 2025).heights(width: size, height: size))
    antennaHeight = 10
    let centre = MapPoint(x: geometry.x(ofColumn: Double(size / 2)), y: geometry.y(ofRow: Double(size / 2)))
    site = RadarSite(
      name: "bench", position: centre, antenna: .aboveGround(antennaHeight),
      limits: CoverageLimits(maximumRange: rangeKm * 1_000))
    description = "generated ridged-fractal terrain (seed 2025, 90 m cells)"
    projectedSource = nil
    crsWKT = SpatialReference(wkt: "EPSG:32718")!.wkt
  }

  /// A window of the DEM at `path` around `site` (default its centre, 10 m), `rangeKm` in radius.
  init(dem path: String, site specification: SiteSpecification?, rangeKm: Double) throws {
    let source: TerrainSource
    do {
      source = try TerrainSource(path: path)
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    }
    for warning in source.warnings { FileHandle.standardError.write(Data("airpicture: warning: \(warning)\n".utf8)) }
    let geometry = source.geometry
    var position = MapPoint(
      x: geometry.x(ofColumn: Double(geometry.width / 2)), y: geometry.y(ofRow: Double(geometry.height / 2)))
    if let specification {
      position = try source.position(latitude: specification.latitude, longitude: specification.longitude)
      guard geometry.contains(position) else { throw CommandError("--site lies outside the DEM '\(path)'") }
    }
    antennaHeight = specification?.antennaHeight ?? 10
    let limits = CoverageLimits(maximumRange: rangeKm * 1_000)
    guard
      let window = geometry.window(around: position, radius: limits.maximumRange, earthRadius: EarthModel.meanRadius),
      window.width >= 2, window.height >= 2
    else { throw CommandError("--dem '\(path)': the window around the site is smaller than 2 x 2 cells") }
    terrain = try source.read(window)
    site = RadarSite(name: "bench", position: position, antenna: .aboveGround(antennaHeight), limits: limits)
    description = path
    projectedSource = geometry.coordinateSystem == .projected ? path : nil
    crsWKT = source.dataset.georeference.crsWKT
  }

  /// gdal_viewshed's input: where the terrain lies on disk as a projected GeoTIFF (its output is aligned to the
  /// kernel's window by georeference, so where the window lies in it does not matter here).
  struct ViewshedInput {
    var path: String
    /// Whether the file was written for the benchmark (and should be removed).
    var isTemporary: Bool
  }

  /// The DEM itself when projected, a plain GeoTIFF written for generated terrain, or nil for geographic DEMs.
  func viewshedInput() throws -> ViewshedInput? {
    if let projectedSource {
      return ViewshedInput(path: projectedSource, isTemporary: false)
    }
    guard terrain.geometry.coordinateSystem == .projected else { return nil }
    // Registered: removed on Ctrl-C or SIGTERM, and by the next run if this one is killed.
    let path = TemporaryFiles.reserve(in: NSTemporaryDirectory(), suffix: ".tif")
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: terrain.heights)],
      georeference: RasterGeoreference(terrain.geometry, crsWKT: crsWKT), compressed: false, to: path)
    return ViewshedInput(path: path, isTemporary: true)
  }
}
