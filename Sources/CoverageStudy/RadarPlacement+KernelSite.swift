import CoverageKernel
import GeoRaster
import RadarModels

extension RadarPlacement {
  /// This radar as the kernel sees it at `position` on the DEM's grid: its antenna above ground, out to `range`
  /// metres, within its type's elevation limits.
  func kernelSite(at position: MapPoint, range: Double) -> RadarSite {
    RadarSite(
      name: name, position: position, antenna: .aboveGround(antennaHeight.value),
      limits: CoverageLimits(
        maximumRange: range, minimumElevation: type.elevationLimits.value.lowerBound,
        maximumElevation: type.elevationLimits.value.upperBound))
  }
}

extension LineOfSightKernel {
  /// The coverage of a scenario's `site` over `window` of `terrain`, with a scenario's way out when the site stands on
  /// a DEM void (scenario sites have no ground elevation to give).
  func coverage(
    of site: RadarSite, in window: GridWindow, of terrain: TerrainSource, workspace: CoverageWorkspace,
    progress: @escaping @Sendable (Double) -> Void
  ) throws -> CoverageField {
    do {
      return try coverage(of: site, over: terrain.read(window), workspace: workspace, progress: progress)
    } catch CoverageKernelError.siteOnVoid(let name) {
      throw GeoRasterError(
        "radar '\(name)' stands on a void (no-data) of the DEM '\(terrain.dataset.path)': move the site in the "
          + "scenario or fill the DEM (gdal_fillnodata)")
    }
  }
}
