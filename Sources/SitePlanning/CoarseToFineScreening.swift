import CoverageKernel
import RadarModels

/// Screens many candidates on a coarser grid, then sets up the search for the best few on the full one: the
/// kernel's cost falls with the square of the decimation factor, and only `keep` candidates pay the full price.
///
/// The screen ranks candidates by their gain over the base network alone on the coarse grid (ties: lowest index).
/// Block-mean terrain smooths ridges, so coarse coverage is a heuristic for ranking, not a figure to report; an
/// antenna given above ground keeps its full-grid altitude (the fine ground under it plus its height), so a summit
/// is not lowered to its block's mean.
public struct CoarseToFineScreening: Sendable {
  /// The full planning terrain (a geographic grid).
  public var terrain: ElevationGrid
  /// Cells of the full grid per coarse cell along each axis.
  public var factor: Int
  /// When a radar covers a cell.
  public var criterion: DetectionCriterion
  /// The altitudes the objective tracks.
  public var altitudes: [PlanningAltitude]
  /// The regions on the full grid.
  public var regions: [PlanningRegion]
  /// The kernel's Earth model and sampling.
  public var kernel: LineOfSightKernel

  /// A screening set-up.
  public init(
    terrain: ElevationGrid, factor: Int, criterion: DetectionCriterion, altitudes: [PlanningAltitude],
    regions: [PlanningRegion], kernel: LineOfSightKernel = LineOfSightKernel()
  ) {
    self.terrain = terrain
    self.factor = max(factor, 1)
    self.criterion = criterion
    self.altitudes = altitudes
    self.regions = regions
    self.kernel = kernel
  }

  /// What the screen found and the full-grid search over the candidates it kept.
  public struct Outcome: Sendable {
    /// Each candidate's gain over the base network on the coarse grid, by candidate index.
    public var coarseGains: [Double]
    /// The indices of the candidates kept, best coarse gain first.
    public var kept: [Int]
    /// The search on the full grid; its candidate `i` is candidate `kept[i]`.
    public var search: SitingSearch
  }

  /// Screens `candidates` against `baseNetwork` on the coarse grid, keeps the best `keep`, and builds the full-grid
  /// search over them, on `threads` threads (the outcome does not depend on them).
  public func screen(
    candidates: [PlanningRadar], baseNetwork: [PlanningRadar], keep: Int, threads: Int
  ) throws(SitePlanningError) -> Outcome {
    let gains = try coarseGains(of: candidates, baseNetwork: baseNetwork, threads: threads)
    let kept = Self.best(keep, of: gains)
    let fineObjective = try SitingObjective(
      geometry: terrain.geometry, earthRadius: kernel.earth.radius, regions: regions, altitudes: altitudes)
    let fineBuilder = FootprintBuilder(terrain: terrain, criterion: criterion, altitudes: altitudes, kernel: kernel)
    let fine = try fineBuilder.coverages(
      of: baseNetwork + kept.map { candidates[$0] }, keep: fineObjective.counted, threads: threads)
    let objective = try SitingObjective(
      geometry: terrain.geometry, earthRadius: kernel.earth.radius, regions: regions, altitudes: altitudes,
      baseNetwork: Array(fine.prefix(baseNetwork.count)))
    let search = try SitingSearch(
      objective: objective, candidates: Array(fine.dropFirst(baseNetwork.count)), threads: threads)
    return Outcome(coarseGains: gains, kept: Array(kept), search: search)
  }

  /// Each candidate's gain over `baseNetwork` on the coarse grid, by candidate index: every coarse field computed
  /// once, on `threads` threads (the gains do not depend on them).
  public func coarseGains(of candidates: [PlanningRadar], baseNetwork: [PlanningRadar], threads: Int)
    throws(SitePlanningError) -> [Double]
  {
    try coarseSearch(of: candidates, baseNetwork: baseNetwork, threads: threads).gainsOverTheBase()
  }

  /// The search over `candidates` on top of `baseNetwork` on the coarse grid (its candidate `i` is candidate `i`):
  /// every coarse field computed once, on `threads` threads (the search does not depend on them). Its lazy greedy
  /// order ranks candidates by what each adds to those ranked before it, so neighbours of one good summit do not
  /// crowd out the sites that complement it, as a ranking by gain alone lets them.
  public func coarseSearch(of candidates: [PlanningRadar], baseNetwork: [PlanningRadar], threads: Int)
    throws(SitePlanningError) -> SitingSearch
  {
    let coarseTerrain = terrain.decimated(by: factor)
    let coarseRegions = regions.map {
      $0.decimated(by: factor, width: terrain.geometry.width, height: terrain.geometry.height)
    }
    let coarseObjective = try SitingObjective(
      geometry: coarseTerrain.geometry, earthRadius: kernel.earth.radius, regions: coarseRegions,
      altitudes: altitudes)
    let coarseBuilder = FootprintBuilder(
      terrain: coarseTerrain, criterion: criterion, altitudes: altitudes, kernel: kernel)
    let fixed = try (baseNetwork + candidates).map { radar throws(SitePlanningError) in try atFullAltitude(radar) }
    let coarse = try coarseBuilder.coverages(of: fixed, keep: coarseObjective.counted, threads: threads)
    let screenObjective = try SitingObjective(
      geometry: coarseTerrain.geometry, earthRadius: kernel.earth.radius, regions: coarseRegions,
      altitudes: altitudes, baseNetwork: Array(coarse.prefix(baseNetwork.count)))
    return try SitingSearch(
      objective: screenObjective, candidates: Array(coarse.dropFirst(baseNetwork.count)), threads: threads)
  }

  /// The indices of the `keep` largest `gains`, largest first (ties: lowest index).
  public static func best(_ keep: Int, of gains: [Double]) -> [Int] {
    Array(gains.indices.sorted { gains[$0] != gains[$1] ? gains[$0] > gains[$1] : $0 < $1 }.prefix(max(keep, 0)))
  }

  /// The radar with an antenna given above ground turned into one above sea level over the full terrain.
  private func atFullAltitude(_ radar: PlanningRadar) throws(SitePlanningError) -> PlanningRadar {
    guard case .aboveGround = radar.antenna else { return radar }
    let site = RadarSite(
      name: radar.name, position: MapPoint(x: radar.coordinate.longitude, y: radar.coordinate.latitude),
      antenna: radar.antenna, limits: CoverageLimits(maximumRange: 1))
    var fixed = radar
    do {
      fixed.antenna = .aboveSeaLevel(try site.antennaAltitude(over: terrain))
    } catch {
      throw .kernel(site: radar.name, error)
    }
    return fixed
  }
}
