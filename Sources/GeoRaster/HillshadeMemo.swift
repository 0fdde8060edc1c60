import Foundation

/// The last hillshade drawn, kept for the next map of the same terrain: a study draws several maps (per
/// configuration, target and flight level) over one terrain grid, and the hillshade is the same for all of them.
///
/// The memo holds the terrain array it was computed from, so that array's storage stays alive and no other array
/// can share its address: a hit (same storage, same size, same grid) is the same terrain.
final class HillshadeMemo: @unchecked Sendable {
  static let shared = HillshadeMemo()

  private let lock = NSLock()
  private var terrain: [Float] = []
  private var georeference: RasterGeoreference?
  private var shade: [UInt8] = []

  /// The hillshade of `elevation` on `georeference`: the memo's when it was computed from this very array, else
  /// `compute()`'s, which then replaces the memo's.
  func shade(of elevation: [Float], georeference: RasterGeoreference, compute: () throws -> [UInt8]) rethrows
    -> [UInt8]
  {
    let address = { (values: [Float]) in values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
    lock.lock()
    if self.georeference == georeference, terrain.count == elevation.count, !elevation.isEmpty,
      address(terrain) == address(elevation)
    {
      defer { lock.unlock() }
      return shade
    }
    lock.unlock()
    let computed = try compute()
    lock.lock()
    terrain = elevation
    self.georeference = georeference
    shade = computed
    lock.unlock()
    return computed
  }
}
