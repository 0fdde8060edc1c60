/// What one `LineOfSightKernel.coverage` call will need, known before anything is allocated: memory, and the work
/// that sets its time.
public struct CoverageResourceEstimate: Sendable, Equatable {
  /// Cells of the terrain window (the read-back visits each once).
  public var windowCells: Int
  /// Terrain samples the sweep takes (the sweep's work; about 2.5 per cell in range at the default resolution).
  public var sweepSamples: Int
  /// The terrain window the caller holds (4 bytes a cell).
  public var terrainBytes: Int
  /// The polar slope store of one range slab that a fresh `CoverageWorkspace` allocates (kept for the next radar).
  public var storeBytes: Int
  /// The returned field's own planes: 4 bytes a cell each for MSL and the ceiling (with a maximum elevation), plus
  /// the 1-byte void mask (counted always; allocated only on terrain with voids). The field shares the terrain.
  public var fieldBytes: Int
  /// Per-sample, per-radial, per-row and per-column tables.
  public var tableBytes: Int

  /// The kernel's own peak: store, field planes and tables (a fresh workspace; a warm one that already holds a
  /// large enough store and spare planes needs less).
  public var kernelBytes: Int { storeBytes + fieldBytes + tableBytes }
  /// The peak of a run of one radar: the terrain window and the kernel's own memory.
  public var peakBytes: Int { terrainBytes + kernelBytes }
}

extension LineOfSightKernel {
  /// Estimates, without allocating, the memory and work of `coverage(of: site, over:)` on a terrain grid of
  /// `geometry` (the window you will pass, usually `geometry.window(around:radius:earthRadius:)` of the DEM).
  /// Validates like `validate(_:over:)` and throws the same errors; a void under the site is found only by
  /// `coverage`.
  public func resourceEstimate(for site: RadarSite, over geometry: GridGeometry) throws(CoverageKernelError)
    -> CoverageResourceEstimate
  {
    let cellSize = try sweepCellSize(for: site, over: geometry)
    let plan = PolarLayout.Plan(
      maximumRange: sweptRange(for: site, over: geometry), cellSize: cellSize, resolution: resolution,
      slabStore: slabStore)
    let cells = geometry.width * geometry.height
    let floatPlanes = site.limits.maximumElevation == nil ? 1 : 2
    let perSample = (plan.lastSample + 1) * (1 + 2 * MemoryLayout<Float>.size)
    let perRadial =
      plan.radialTotal * (MemoryLayout<Int32>.size + MemoryLayout<Float>.size + 4 * MemoryLayout<Int>.size)
    let perRowAndColumn =
      (geometry.coordinateSystem == .geographic
        ? 5 * geometry.height + 3 * geometry.width
        : geometry.height + geometry.width) * MemoryLayout<Double>.size
    return CoverageResourceEstimate(
      windowCells: cells, sweepSamples: plan.sampleCount, terrainBytes: cells * MemoryLayout<Float>.size,
      storeBytes: plan.storageCount * MemoryLayout<Float>.size,
      fieldBytes: cells * (floatPlanes * MemoryLayout<Float>.size + 1),
      tableBytes: perSample + perRadial + perRowAndColumn)
  }
}
