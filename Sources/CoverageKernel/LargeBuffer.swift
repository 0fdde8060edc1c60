#if canImport(Glibc)
  import Glibc
#endif

/// Large scratch and output arrays of Float. Allocated uninitialised (every element is written before it is
/// read) and, on Linux, advised to use transparent huge pages: first-touch page faults dominate the kernel's time
/// on virtual machines otherwise.
enum LargeBuffer {
  /// An array of `count` Floats whose elements `initializer` must all write.
  static func floats(count: Int, _ initializer: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress {
        adviseHugePages(base, byteCount: count * MemoryLayout<Float>.stride)
        initializer(base)
      }
      initialized = count
    }
  }

  /// Asks the kernel to back the whole 2 MiB pages inside a fresh region with huge pages.
  static func adviseHugePages(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
    #if os(Linux)
      let huge = 2 << 20
      guard byteCount >= 2 * huge else { return }
      let start = (Int(bitPattern: pointer) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: pointer) + byteCount) & ~(huge - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    #endif
  }
}
