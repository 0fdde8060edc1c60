import CoverageKernel
import RadarModels

/// Each radar's coverage, computed once: the kernel over the crop of the planning terrain that its range reaches,
/// reduced at once to the footprint the objective reads.
public struct FootprintBuilder: Sendable {
  /// The planning terrain (a geographic grid).
  public var terrain: ElevationGrid
  /// When a radar covers a cell.
  public var criterion: DetectionCriterion
  /// The altitudes the objective tracks.
  public var altitudes: [PlanningAltitude]
  /// Earth radius and refraction, and how finely the terrain is sampled.
  public var kernel: LineOfSightKernel
  /// Simulated flights, when the objective has a flight layer: each footprint then lists, after its altitudes, the
  /// flights the radar covers (`FlightCoverage`), tested while the radar's field is at hand and then dropped.
  public var flights: [PlanningFlight]?

  /// A builder; the kernel's own thread count is ignored (each radar runs on one thread, radars in parallel).
  public init(
    terrain: ElevationGrid, criterion: DetectionCriterion, altitudes: [PlanningAltitude],
    kernel: LineOfSightKernel = LineOfSightKernel()
  ) {
    self.terrain = terrain
    self.criterion = criterion
    self.altitudes = altitudes
    self.kernel = kernel
  }

  /// The coverage of every radar, in the radars' order, on `threads` worker threads (one radar each at a time);
  /// `keep` marks the cells worth storing (those of some region). Each radar's result is its own, so the answer
  /// does not depend on `threads`. Throws for the first radar (in order) the kernel refuses.
  public func coverages(of radars: [PlanningRadar], keep: [Bool], threads: Int) throws(SitePlanningError)
    -> [SiteCoverage]
  {
    guard terrain.geometry.coordinateSystem == .geographic else { throw .projectedGrid }
    var results = [Result<SiteCoverage, SitePlanningError>?](repeating: nil, count: radars.count)
    var single = kernel
    single.threads = 1
    results.withUnsafeMutableBufferPointer { slots in
      let output = slots
      ParallelWork.forEachChunk(count: radars.count, threads: threads, chunkSize: 1) { chunk in
        for index in chunk {
          output[index] = Result { () throws(SitePlanningError) in
            try coverage(of: radars[index], keep: keep, kernel: single)
          }
        }
      }
    }
    return try results.map { result throws(SitePlanningError) in try result!.get() }
  }

  /// One radar's coverage (nothing where its type cannot see the target).
  private func coverage(of radar: PlanningRadar, keep: [Bool], kernel: LineOfSightKernel)
    throws(SitePlanningError) -> SiteCoverage
  {
    let layers = altitudes.count + (flights == nil ? 0 : 1)
    let empty = SiteCoverage(
      name: radar.name, availability: radar.availability,
      footprint: CoverageFootprint(coveredCells: (0..<layers).map { _ in [] }))
    guard let limits = criterion.limits(for: radar.type) else { return empty }
    let position = MapPoint(x: radar.coordinate.longitude, y: radar.coordinate.latitude)
    guard
      let window = terrain.geometry.window(
        around: position, radius: limits.maximumRange, earthRadius: kernel.earth.radius)
    else { return empty }
    let site = RadarSite(name: radar.name, position: position, antenna: radar.antenna, limits: limits)
    let field: CoverageField
    do {
      field = try kernel.coverage(of: site, over: terrain.cropped(to: window))
    } catch .noTerrainInRange {
      return empty
    } catch {
      throw .kernel(site: radar.name, error)
    }
    var footprint = CoverageFootprint(field: field, in: terrain.geometry, altitudes: altitudes, keep: keep)
    if let flights { footprint.appendLayer(FlightCoverage.coveredFlights(by: field, of: flights)) }
    return SiteCoverage(name: radar.name, availability: radar.availability, footprint: footprint)
  }
}
