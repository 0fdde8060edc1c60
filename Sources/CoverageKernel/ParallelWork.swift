import Dispatch
import Foundation

/// Runs chunks of an index range on a fixed number of worker threads, handing chunks out dynamically.
public enum ParallelWork {
  /// Calls `body` on disjoint chunks covering `0..<count`, at most `threads` at a time. `body` runs concurrently
  /// with itself: it must only touch state that is its chunk's own or safe to share (the callers write disjoint
  /// ranges of preallocated buffers).
  public static func forEachChunk(count: Int, threads: Int, chunkSize: Int, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let size = max(chunkSize, 1)
    let chunkCount = (count + size - 1) / size
    let workers = min(max(threads, 1), chunkCount)
    if workers == 1 {
      body(0..<count)
      return
    }
    let dispenser = ChunkDispenser()
    withoutActuallyEscaping(body) { body in
      let work = ConcurrentBody(body)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let chunk = dispenser.take()
          guard chunk < chunkCount else { return }
          let lower = chunk * size
          work.body(lower..<min(lower + size, count))
        }
      }
    }
  }

  /// The number of processors the system reports as active.
  public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Hands out chunk numbers 0, 1, 2, … to worker threads, each once.
private final class ChunkDispenser: Sendable {
  private let next = LockedCounter()

  func take() -> Int { next.increment() }
}

/// A counter behind a lock: the lock and the value it guards held together.
private final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  /// Returns the value, then adds one.
  func increment() -> Int {
    lock.lock()
    defer {
      value += 1
      lock.unlock()
    }
    return value
  }
}

/// `forEachChunk`'s body, shared with the worker threads under the contract stated there (disjoint chunks).
private struct ConcurrentBody: @unchecked Sendable {
  let body: (Range<Int>) -> Void
  init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
}
