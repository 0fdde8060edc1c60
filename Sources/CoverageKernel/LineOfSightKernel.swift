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
  ///
  /// Throws `CoverageKernelError`: before any sweeping for invalid input (see `validate(_:over:)`) and for a site
  /// on a void (`siteOnVoid`: give `AntennaHeight.aboveSeaLevel`); after it, `noTerrainInRange` when voids leave
  /// no terrain in range. Voids in the path are unknown terrain: the field counts and flags the cells that depend
  /// on them. The terrain is swept once, with the void bookkeeping when it has voids (`terrain.voidsExpected`, or a
  /// pass over the heights when that is unknown); only a hint of `false` that proves wrong costs a second sweep.
  public func coverage(
    of site: RadarSite, over terrain: ElevationGrid, workspace: CoverageWorkspace = CoverageWorkspace(),
    progress: (@Sendable (Double) -> Void)? = nil
  ) throws(CoverageKernelError) -> CoverageField {
    let cellSize = try sweepCellSize(for: site, over: terrain.geometry)
    let antenna = try site.antennaAltitude(over: terrain)
    let layout = PolarLayout(
      maximumRange: sweptRange(for: site, over: terrain.geometry), cellSize: cellSize, resolution: resolution)
    let sweep = makeSweep(layout: layout, site: site, geometry: terrain.geometry, antenna: antenna)
    workspace.reserveStore(count: layout.storageCount)
    if !(terrain.voidsExpected ?? terrain.hasVoids) {
      let first = run(
        sweep, site: site, terrain: terrain, antenna: antenna, workspace: workspace, tracksVoids: false,
        progress: progress)
      guard first.counts.voidCells > 0 else { return first.field }
      workspace.recycle(first.field)
      if first.counts.voidCells == terrain.heights.count { throw .noTerrainInRange(radar: site.name) }
    }
    var tracked = run(
      sweep, site: site, terrain: terrain, antenna: antenna, workspace: workspace, tracksVoids: true,
      progress: progress)
    guard tracked.counts.inRange > 0 || tracked.counts.voidCells == 0 else {
      workspace.recycle(tracked.field)
      throw .noTerrainInRange(radar: site.name)
    }
    // A hint that was wrong: no void after all.
    if tracked.counts.voidCells == 0 { tracked.field.voidDependence = nil }
    return tracked.field
  }

  /// One sweep and read-back; with `tracksVoids` also the per-radial void table, the void mask and its counts.
  private func run(
    _ sweep: RadialSweep, site: RadarSite, terrain: ElevationGrid, antenna: Double, workspace: CoverageWorkspace,
    tracksVoids: Bool, progress: (@Sendable (Double) -> Void)?
  ) -> (field: CoverageField, counts: PolarReadBack.Counts) {
    let geometry = terrain.geometry
    let layout = sweep.layout
    // One entry per radial: the first range sample that depends on a void.
    var voidStart = [Int32](repeating: .max, count: tracksVoids ? layout.radialTotal : 0)
    let sweepShare = 0.5
    workspace.store.withUnsafeMutableBufferPointer { slopes in
      let storeBase = slopes.baseAddress!
      voidStart.withUnsafeMutableBufferPointer { voidTable in
        let voidBase = tracksVoids ? voidTable.baseAddress : nil
        terrain.heights.withUnsafeBufferPointer { heights in
          var done = 0
          let total = layout.annuli.reduce(0) { $0 + $1.radialCount }
          for index in layout.annuli.indices {
            let annulus = layout.annuli[index]
            ParallelWork.forEachChunk(count: annulus.radialCount, threads: threads, chunkSize: 64) { radials in
              sweep.sweep(
                annulus: index, radials: radials, terrain: heights, columns: geometry.width, rows: geometry.height,
                store: storeBase, voidStart: voidBase)
            }
            done += annulus.radialCount
            progress?(sweepShare * Double(done) / Double(total))
          }
        }
      }
    }
    return readBack(
      layout: layout, workspace: workspace, site: site, terrain: terrain, antenna: antenna,
      voidStart: tracksVoids ? voidStart : nil,
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
    let initial = site.limits.minimumElevation.map { Float(tan($0 * .pi / 180)) } ?? Self.unlimitedSlope
    return RadialSweep(
      layout: layout, path: RadialPath(geometry: geometry, origin: site.position, earthRadius: earth.radius),
      inverseDistance: inverse, slopeOffset: offset, initialSlope: initial)
  }

  /// The running slope before the first sample without a minimum elevation: steeper down than any terrain seen
  /// from an antenna up to 100 km above it at any range step, finite so that slopes still interpolate.
  static let unlimitedSlope: Float = -1e30

  /// Turns the polar slope store into per-cell lowest visible altitudes, rows in parallel, counting the window's
  /// void cells; with `voidStart` (the sweep tracked voids) also the void mask and the counts of in-range and
  /// void-dependent cells.
  private func readBack(
    layout: PolarLayout, workspace: CoverageWorkspace, site: RadarSite, terrain: ElevationGrid, antenna: Double,
    voidStart: [Int32]?, progress: (@Sendable (Double) -> Void)?
  ) -> (field: CoverageField, counts: PolarReadBack.Counts) {
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
    var mask = [UInt8](repeating: 0, count: voidStart == nil ? 0 : cells)
    let total = CountTotal()
    let msl = workspace.plane(count: cells) { mslBase in
      agl = workspace.plane(count: cells) { aglBase in
        ceiling = workspace.plane(count: hasCeiling ? cells : 0) { ceilingBase in
          mask.withUnsafeMutableBufferPointer { maskBuffer in
            let output = PolarReadBack.Output(
              columns: geometry.width, lowestMSL: mslBase, lowestAGL: aglBase,
              ceilingMSL: hasCeiling ? ceilingBase : nil, voidDependent: voidStart == nil ? nil : maskBuffer.baseAddress
            )
            workspace.store.withUnsafeBufferPointer { slopes in
              terrain.heights.withUnsafeBufferPointer { heights in
                (voidStart ?? []).withUnsafeBufferPointer { voidTable in
                  let voidBase = voidStart == nil ? nil : voidTable.baseAddress
                  ParallelWork.forEachChunk(count: geometry.height, threads: threads, chunkSize: 16) { rows in
                    let counts = reader.fill(
                      rows: rows, terrain: heights.baseAddress!, store: slopes.baseAddress!, voidStart: voidBase,
                      output: output)
                    total.add(counts)
                    if let progress { progress(rowsDone.add(rows.count)) }
                  }
                }
              }
            }
          }
        }
      }
    }
    let counts = total.counts
    let field = CoverageField(
      geometry: geometry, lowestAltitudeMSL: msl, lowestAltitudeAGL: agl, ceilingMSL: hasCeiling ? ceiling : nil,
      voidDependentCellCount: counts.voidDependent, voidDependence: voidStart == nil ? nil : mask)
    return (field, counts)
  }
}

/// Sums the read-back's per-chunk counts from worker threads.
private final class CountTotal: @unchecked Sendable {
  private let lock = NSLock()
  private var total = PolarReadBack.Counts()

  func add(_ counts: PolarReadBack.Counts) {
    lock.lock()
    total.inRange += counts.inRange
    total.voidDependent += counts.voidDependent
    total.voidCells += counts.voidCells
    lock.unlock()
  }

  var counts: PolarReadBack.Counts {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}
