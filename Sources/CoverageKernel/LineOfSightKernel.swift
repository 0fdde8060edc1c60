import Foundation

/// Computes, for every cell of a terrain grid, the lowest altitude at which a target above it is in line of sight
/// of a radar antenna over the effective Earth.
///
/// The kernel sweeps radials outward from the antenna (great circles on geographic grids), sampling the terrain
/// bilinearly every `1/samplesPerCell` of a cell and keeping the steepest apparent slope met so far; radials are
/// about a cell apart at the outer edge of each annulus and halve in number toward the radar. Each cell then reads
/// the steepest slope in front of it from its two neighbouring radials, interpolated by azimuth.
public struct LineOfSightKernel: Sendable {
  /// Earth radius and refraction.
  public var earth: EarthModel
  /// How finely the terrain is sampled.
  public var resolution: SweepResolution
  /// Worker threads (1 runs inline).
  public var threads: Int

  /// Creates a kernel; `threads` defaults to the number of active processors.
  public init(earth: EarthModel = .standard, resolution: SweepResolution = .standard, threads: Int? = nil) {
    self.earth = earth
    self.resolution = resolution
    self.threads = max(1, threads ?? ParallelWork.processorCount)
  }

  /// The coverage of `site` over every cell of `terrain` (pass a window that holds the radar's range).
  /// `workspace` lends memory across calls; `progress`, if given, is called with the fraction done (from worker
  /// threads).
  public func coverage(
    of site: RadarSite, over terrain: ElevationGrid, workspace: CoverageWorkspace = CoverageWorkspace(),
    progress: (@Sendable (Double) -> Void)? = nil
  ) -> CoverageField {
    let geometry = terrain.geometry
    let limits = site.limits
    precondition(limits.maximumRange > 0 && limits.maximumRange <= 1_500_000, "maximum range must be in (0, 1500 km]")
    precondition(geometry.width >= 2 && geometry.height >= 2, "terrain needs at least 2 x 2 cells")
    let antenna = site.antennaAltitude(over: terrain)
    let cell = geometry.cellSizeInMetres(nearY: site.position.y, earthRadius: earth.radius)
    let layout = PolarLayout(
      maximumRange: limits.maximumRange, cellSize: min(cell.width, cell.height), resolution: resolution)
    let sweep = makeSweep(layout: layout, site: site, geometry: geometry, antenna: antenna)

    workspace.reserveStore(count: layout.storageCount)
    let sweepShare = 0.5
    workspace.store.withUnsafeMutableBufferPointer { slopes in
      let storeBase = slopes.baseAddress!
      terrain.heights.withUnsafeBufferPointer { heights in
        var done = 0
        let total = layout.annuli.reduce(0) { $0 + $1.radialCount }
        for index in layout.annuli.indices {
          let annulus = layout.annuli[index]
          ParallelWork.forEachChunk(count: annulus.radialCount, threads: threads, chunkSize: 64) { radials in
            sweep.sweep(
              annulus: index, radials: radials, terrain: heights, columns: geometry.width, rows: geometry.height,
              store: storeBase)
          }
          done += annulus.radialCount
          progress?(sweepShare * Double(done) / Double(total))
        }
      }
    }
    return readBack(
      layout: layout, workspace: workspace, site: site, terrain: terrain, antenna: antenna,
      progress: progress.map { report in { @Sendable fraction in report(sweepShare + (1 - sweepShare) * fraction) } })
  }

  private func makeSweep(layout: PolarLayout, site: RadarSite, geometry: GridGeometry, antenna: Double) -> RadialSweep {
    var inverse = [Float](repeating: 0, count: layout.lastSample + 1)
    var offset = [Float](repeating: 0, count: layout.lastSample + 1)
    let twoKR = 2 * earth.effectiveRadius
    for sample in 1...layout.lastSample {
      let distance = Double(sample) * layout.rangeStep
      inverse[sample] = Float(1 / distance)
      offset[sample] = Float(antenna / distance + distance / twoKR)
    }
    let initial = site.limits.minimumElevation.map { Float(tan($0 * .pi / 180)) } ?? -1_000
    return RadialSweep(
      layout: layout, path: RadialPath(geometry: geometry, origin: site.position, earthRadius: earth.radius),
      inverseDistance: inverse, slopeOffset: offset, initialSlope: initial)
  }

  /// Turns the polar slope store into per-cell lowest visible altitudes, rows in parallel.
  private func readBack(
    layout: PolarLayout, workspace: CoverageWorkspace, site: RadarSite, terrain: ElevationGrid, antenna: Double,
    progress: (@Sendable (Double) -> Void)?
  ) -> CoverageField {
    let geometry = terrain.geometry
    let cells = geometry.width * geometry.height
    let reader = PolarReadBack(
      layout: layout, polar: CellPolarCoordinates(geometry: geometry, origin: site.position, earthRadius: earth.radius),
      limits: site.limits, antenna: antenna, inverseTwoKR: 1 / (2 * earth.effectiveRadius),
      ceilingSlope: site.limits.maximumElevation.map { tan($0 * .pi / 180) })
    let hasCeiling = reader.ceilingSlope != nil
    let rowsDone = ProgressCounter(total: geometry.height)
    var agl = [Float]()
    var ceiling = [Float]()
    let msl = workspace.plane(count: cells) { mslBase in
      agl = workspace.plane(count: cells) { aglBase in
        ceiling = workspace.plane(count: hasCeiling ? cells : 0) { ceilingBase in
          let output = PolarReadBack.Output(
            columns: geometry.width, lowestMSL: mslBase, lowestAGL: aglBase, ceilingMSL: hasCeiling ? ceilingBase : nil)
          workspace.store.withUnsafeBufferPointer { slopes in
            terrain.heights.withUnsafeBufferPointer { heights in
              ParallelWork.forEachChunk(count: geometry.height, threads: threads, chunkSize: 16) { rows in
                reader.fill(rows: rows, terrain: heights.baseAddress!, store: slopes.baseAddress!, output: output)
                if let progress { progress(rowsDone.add(rows.count)) }
              }
            }
          }
        }
      }
    }
    return CoverageField(
      geometry: geometry, lowestAltitudeMSL: msl, lowestAltitudeAGL: agl, ceilingMSL: hasCeiling ? ceiling : nil)
  }
}
