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
  /// The most floats one range slab's slope store may hold; nil (the default) sizes it to the larger of 16 MiB and
  /// a byte per window cell. Results do not depend on it (tests cut the range into many slabs to prove it).
  public var slabStore: Int?

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
      maximumRange: sweptRange(for: site, over: terrain.geometry), cellSize: cellSize, resolution: resolution,
      slabStore: slabStore)
    let sweep = makeSweep(layout: layout, site: site, geometry: terrain.geometry, antenna: antenna)
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

  /// The sweep and read-back slab by slab (one slab's store held at a time); with `tracksVoids` also the
  /// per-radial void table, the void mask and its counts. Every cell is written by exactly one slab; should a
  /// grid's distances ever break the bisection's assumption, the whole range is swept again as one slab.
  private func run(
    _ sweep: RadialSweep, site: RadarSite, terrain: ElevationGrid, antenna: Double, workspace: CoverageWorkspace,
    tracksVoids: Bool, progress: (@Sendable (Double) -> Void)?
  ) -> (field: CoverageField, counts: PolarReadBack.Counts) {
    let result = sweepAndReadBack(
      sweep, site: site, terrain: terrain, antenna: antenna, workspace: workspace, tracksVoids: tracksVoids,
      progress: progress)
    guard result.counts.written != terrain.heights.count, sweep.layout.slabs.count > 1 else { return result }
    workspace.recycle(result.field)
    let single = RadialSweep(
      layout: sweep.layout.asOneSlab(), path: sweep.path, inverseDistance: sweep.inverseDistance,
      slopeOffset: sweep.slopeOffset, initialSlope: sweep.initialSlope)
    return sweepAndReadBack(
      single, site: site, terrain: terrain, antenna: antenna, workspace: workspace, tracksVoids: tracksVoids,
      progress: progress)
  }

  private func sweepAndReadBack(
    _ sweep: RadialSweep, site: RadarSite, terrain: ElevationGrid, antenna: Double, workspace: CoverageWorkspace,
    tracksVoids: Bool, progress: (@Sendable (Double) -> Void)?
  ) -> (field: CoverageField, counts: PolarReadBack.Counts) {
    let geometry = terrain.geometry
    let layout = sweep.layout
    workspace.reserveStore(count: layout.storageCount)
    let state = RadialSweep.State.allocate(radials: layout.radialTotal, tracksVoids: tracksVoids)
    defer { state.deallocate() }
    let cells = geometry.width * geometry.height
    let reader = PolarReadBack(
      layout: layout, polar: CellPolarCoordinates(geometry: geometry, origin: site.position, earthRadius: earth.radius),
      limits: site.limits, antenna: antenna, inverseTwoKR: 1 / (2 * earth.effectiveRadius),
      ceilingSlope: site.limits.maximumElevation.map { tan($0 * .pi / 180) })
    let hasCeiling = reader.ceilingSlope != nil
    var ceiling = [Float]()
    var mask = [UInt8](repeating: 0, count: tracksVoids ? cells : 0)
    let total = CountTotal()
    let done = ProgressCounter(total: max(1, layout.sampleCount + cells))
    let msl = workspace.plane(count: cells) { mslBase in
      ceiling = workspace.plane(count: hasCeiling ? cells : 0) { ceilingBase in
        mask.withUnsafeMutableBufferPointer { maskBuffer in
          let output = PolarReadBack.Output(
            columns: geometry.width, lowestMSL: mslBase,
            ceilingMSL: hasCeiling ? ceilingBase : nil, voidDependent: tracksVoids ? maskBuffer.baseAddress : nil)
          workspace.store.withUnsafeMutableBufferPointer { slopes in
            let storeBase = slopes.baseAddress!
            terrain.heights.withUnsafeBufferPointer { heights in
              for slab in layout.slabs {
                for ring in slab.rings {
                  ParallelWork.forEachChunk(count: ring.radialCount, threads: threads, chunkSize: 64) { radials in
                    sweep.sweep(
                      slab: slab, ring: ring, radials: radials, terrain: heights, columns: geometry.width,
                      rows: geometry.height, store: storeBase, state: state)
                  }
                  if let progress { progress(min(1, done.add(ring.radialCount * ring.samplesPerRadial))) }
                }
                ParallelWork.forEachChunk(count: geometry.height, threads: threads, chunkSize: 16) { rows in
                  let counts = reader.fill(
                    rows: rows, slab: slab, terrain: heights.baseAddress!, store: storeBase,
                    voidStart: state.voidStart, output: output)
                  total.add(counts)
                  if let progress { progress(min(1, done.add(counts.written))) }
                }
              }
            }
          }
        }
      }
    }
    let counts = total.counts
    let field = CoverageField(
      geometry: geometry, lowestAltitudeMSL: msl, groundHeights: terrain.heights,
      ceilingMSL: hasCeiling ? ceiling : nil,
      voidDependentCellCount: counts.voidDependent, voidDependence: tracksVoids ? mask : nil)
    return (field, counts)
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
    total.written += counts.written
    lock.unlock()
  }

  var counts: PolarReadBack.Counts {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}
