import Dispatch
import Foundation

/// Runs chunks of an index range on a fixed number of worker threads, handing chunks out dynamically.
public enum ParallelWork {
  /// Calls `body` on disjoint chunks covering `0..<count`, at most `threads` at a time.
  public static func forEachChunk(count: Int, threads: Int, chunkSize: Int, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let size = max(chunkSize, 1)
    let chunkCount = (count + size - 1) / size
    let workers = min(max(threads, 1), chunkCount)
    if workers == 1 {
      body(0..<count)
      return
    }
    let lock = NSLock()
    var next = 0
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        lock.lock()
        let chunk = next
        next += 1
        lock.unlock()
        guard chunk < chunkCount else { return }
        let lower = chunk * size
        body(lower..<min(lower + size, count))
      }
    }
  }

  /// The number of processors the system reports as active.
  public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
