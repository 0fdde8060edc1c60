import Foundation

/// Counts work finished by worker threads and gives the fraction done, for progress reports.
public final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private let total: Int

  /// A counter toward `total` units.
  public init(total: Int) { self.total = max(total, 1) }

  /// Adds `count` finished units and returns the fraction done.
  public func add(_ count: Int) -> Double {
    lock.lock()
    defer { lock.unlock() }
    done += count
    return Double(done) / Double(total)
  }
}
