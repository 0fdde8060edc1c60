import CoverageKernel
import CoverageReference
import Dispatch
import Foundation

/// The kernel's field beside gdal_viewshed's GROUND heights on the cells both cover, aligned by georeference: how
/// often the two agree on visibility, and how often each misclassifies a cell against the exact reference, on a
/// seeded sample of those cells (the reference is too slow for every cell).
public struct ViewshedComparison: Sendable {
  /// Altitudes above ground compared.
  public static let altitudes: [Float] = [0, 150, 300]
  /// Seed of the sample of cells evaluated with the exact reference.
  public static let seed: UInt64 = 2025

  /// Cells in range of both tools.
  public let sharedCells: Int
  /// Per altitude, the share of shared cells (%) whose verdicts agree.
  public let agreementPercent: [Float: Double]
  /// Cells of the sample that the exact reference evaluated (in range of both tools and of the reference).
  public let sampledCells: Int
  /// Per altitude, the share of sampled cells (%) the kernel classifies differently from the exact reference.
  public let kernelMisclassifiedPercent: [Float: Double]
  /// Per altitude, the same for gdal_viewshed.
  public let gdalMisclassifiedPercent: [Float: Double]

  /// Compares `field` (the kernel's, on `terrain`'s grid, for `site`) with `gdal` (heights above ground, NaN out of
  /// range) lying on `gdalGeometry`; `sampleSize` in-range cells (at most) are checked against the exact reference
  /// under `earth`. Nil when the grids do not line up cell for cell.
  public init?(
    field: CoverageField, terrain: ElevationGrid, site: RadarSite, gdal: [Float], gdalGeometry: GridGeometry,
    sampleSize: Int = 10_000, earth: EarthModel = .standard
  ) {
    guard field.geometry == terrain.geometry,
      let alignment = ViewshedAlignment(field: field.geometry, other: gdalGeometry),
      gdal.count == gdalGeometry.width * gdalGeometry.height
    else { return nil }
    let altitudes = Self.altitudes
    var shared = 0
    var agreeing = [Int](repeating: 0, count: altitudes.count)
    for index in 0..<field.lowestAltitudeMSL.count where field.isInRange(index) {
      guard let other = alignment.otherIndex(ofFieldIndex: index), !gdal[other].isNaN else { continue }
      shared += 1
      for (slot, altitude) in altitudes.enumerated()
      where field.isVisible(index, altitudeAGL: altitude) == (gdal[other] <= altitude) {
        agreeing[slot] += 1
      }
    }
    sharedCells = shared
    agreementPercent = Dictionary(
      uniqueKeysWithValues: zip(altitudes, agreeing.map { 100 * Double($0) / Double(max(shared, 1)) }))

    // A seeded sample of distinct shared cells, drawn uniformly over the window.
    var generator = SplitMix64(seed: Self.seed)
    var chosen = Set<Int>()
    var sample: [(index: Int, gdal: Int)] = []
    let cells = field.lowestAltitudeMSL.count
    var draws = 0
    while sample.count < min(sampleSize, shared), draws < 50 * sampleSize {
      draws += 1
      let index = Int.random(in: 0..<cells, using: &generator)
      guard field.isInRange(index), let other = alignment.otherIndex(ofFieldIndex: index), !gdal[other].isNaN,
        chosen.insert(index).inserted
      else { continue }
      sample.append((index, other))
    }
    // The exact reference for the sampled cells, spread over the cores.
    let reference = ExactLineOfSight(earth: earth)
    let width = field.geometry.width
    let exact = UnsafeMutableBufferPointer<Float>.allocate(capacity: sample.count)
    defer { exact.deallocate() }
    nonisolated(unsafe) let results = exact
    let cellsToEvaluate = sample.map(\.index)
    DispatchQueue.concurrentPerform(iterations: cellsToEvaluate.count) { slot in
      let index = cellsToEvaluate[slot]
      results[slot] = reference.lowestAltitudeMSL(
        row: index / width, column: index % width, site: site, terrain: terrain)
    }
    var evaluated = 0
    var kernelWrong = [Int](repeating: 0, count: altitudes.count)
    var gdalWrong = [Int](repeating: 0, count: altitudes.count)
    for (slot, (index, other)) in sample.enumerated() where !exact[slot].isNaN {
      evaluated += 1
      let ground = terrain.heights[index]
      for (altitudeSlot, altitude) in altitudes.enumerated() {
        let truth = exact[slot] - ground <= altitude
        if field.isVisible(index, altitudeAGL: altitude) != truth { kernelWrong[altitudeSlot] += 1 }
        if (gdal[other] <= altitude) != truth { gdalWrong[altitudeSlot] += 1 }
      }
    }
    sampledCells = evaluated
    func percent(_ counts: [Int]) -> [Float: Double] {
      Dictionary(uniqueKeysWithValues: zip(altitudes, counts.map { 100 * Double($0) / Double(max(evaluated, 1)) }))
    }
    kernelMisclassifiedPercent = percent(kernelWrong)
    gdalMisclassifiedPercent = percent(gdalWrong)
  }
}
