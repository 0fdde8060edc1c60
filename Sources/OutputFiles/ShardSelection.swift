import Foundation

/// Which slice of a shardable job one process runs: shard `index` of `count` (1-based), from `--shard I/N` or, with
/// `--shard auto`, from a scheduler's environment.
///
/// `auto` reads, in order:
/// - Slurm job arrays: `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT` and `SLURM_ARRAY_TASK_MIN` (the task id
///   minus the minimum, plus 1, so `--array=0-3` and `--array=1-4` both give shards 1 to 4; the array must be a
///   contiguous range, with no step);
/// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX` (0-based) with the count from `AIRPICTURE_SHARD_COUNT`, which the
///   Job sets to its `completions` (Kubernetes does not pass the completions to the pod).
public struct ShardSelection: Sendable, Equatable, CustomStringConvertible {
  /// The shard, 1 to `count`.
  public let index: Int
  /// How many shards the job is split into.
  public let count: Int

  /// Shard `index` of `count`; throws one line unless 1 ≤ index ≤ count.
  public init(index: Int, count: Int) throws {
    guard count >= 1 else { throw OutputError("--shard: the shard count must be 1 or more (got \(count))") }
    guard (1...count).contains(index) else {
      throw OutputError("--shard: the shard index runs from 1 to \(count) (got \(index))")
    }
    self.index = index
    self.count = count
  }

  /// `I/N` as written (`3/8`), or `auto` read from `environment`; throws one line when it is neither.
  public init(parsing text: String, environment: [String: String]) throws {
    if text == "auto" {
      self = try Self.fromScheduler(environment)
      return
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw OutputError("--shard '\(text)': expected I/N (shard I of N, I from 1 to N) or 'auto'")
    }
    try self.init(index: index, count: count)
  }

  /// The shard a Slurm array task or a Kubernetes Indexed Job's pod runs.
  static func fromScheduler(_ environment: [String: String]) throws -> ShardSelection {
    func number(_ name: String) throws -> Int? {
      guard let text = environment[name] else { return nil }
      guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw OutputError("--shard auto: \(name)='\(text)' is not a whole number")
      }
      return value
    }
    if let task = try number("SLURM_ARRAY_TASK_ID") {
      guard let count = try number("SLURM_ARRAY_TASK_COUNT") else {
        throw OutputError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
      }
      let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
      if let maximum = try number("SLURM_ARRAY_TASK_MAX"), maximum - minimum + 1 != count {
        throw OutputError(
          "--shard auto: the Slurm array \(minimum)-\(maximum) has \(count) tasks; give a contiguous --array range "
            + "without a step")
      }
      return try ShardSelection(index: task - minimum + 1, count: count)
    }
    if let completion = try number("JOB_COMPLETION_INDEX") {
      guard let count = try number("AIRPICTURE_SHARD_COUNT") else {
        throw OutputError(
          "--shard auto: JOB_COMPLETION_INDEX is set but AIRPICTURE_SHARD_COUNT is not (set it to the Job's completions)"
        )
      }
      return try ShardSelection(index: completion + 1, count: count)
    }
    throw OutputError(
      "--shard auto: no scheduler shard in the environment (SLURM_ARRAY_TASK_ID, or JOB_COMPLETION_INDEX with "
        + "AIRPICTURE_SHARD_COUNT)")
  }

  /// The items, of `items` in order, that this shard evaluates: every `count`-th from the `index`-th (round robin,
  /// so neighbouring items, which tend to cost alike, spread over the shards).
  public func slice(of items: Int) -> [Int] {
    Array(stride(from: index - 1, to: max(items, 0), by: count))
  }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }
}
