import Foundation
import GeoRaster

/// The memory a run may use, read before it starts, so a run that cannot fit is refused in words instead of being
/// killed by the kernel's OOM killer half-way through.
///
/// The budget is the smallest of: the system's available memory (`MemAvailable`), the room left under this
/// process's cgroup limit (containers, Slurm and Kubernetes jobs), and `AIRPICTURE_MEMORY_LIMIT_MB` when set.
public enum MemoryBudget {
  /// The share of the budget a run may plan to use; the rest is headroom for GDAL's caches and the estimate's error.
  public static let usableShare = 0.85
  /// Runs planned above this many bytes are announced with their estimate.
  public static let announcedAbove = 1 << 30

  /// The bytes this process may still allocate, or nil when none of the sources can be read.
  public static func available() -> Int? {
    var limits: [Int] = []
    if let text = ProcessInfo.processInfo.environment["AIRPICTURE_MEMORY_LIMIT_MB"], let megabytes = Double(text),
      megabytes > 0
    {
      limits.append(Int(megabytes * 1_048_576))
    }
    if let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
      let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    {
      limits.append(kilobytes * 1_024)
    }
    limits.append(contentsOf: cgroupRoom())
    return limits.min()
  }

  /// The room left under each memory limit of this process's cgroups: its own cgroup and every parent (cgroup v2,
  /// as Slurm, systemd and Kubernetes set them), or the v1 memory controller. Reclaimable page cache
  /// (`inactive_file`) does not count as used.
  static func cgroupRoom() -> [Int] {
    let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
    var rooms: [Int] = []
    if let line = membership.split(separator: "\n").first(where: { $0.hasPrefix("0::") }) {
      var path = String(line.dropFirst(3))
      while true {
        let folder = "/sys/fs/cgroup" + (path == "/" ? "" : path)
        if let limit = number(in: folder + "/memory.max"), let used = number(in: folder + "/memory.current") {
          rooms.append(max(0, limit - used + statistic("inactive_file", in: folder + "/memory.stat")))
        }
        guard path != "/" && !path.isEmpty, let slash = path.lastIndex(of: "/") else { break }
        path = slash == path.startIndex ? "/" : String(path[..<slash])
      }
    }
    // cgroup v1: this process's memory cgroup where it is mounted, else the controller's root.
    let own =
      membership.split(separator: "\n").first { $0.split(separator: ":").dropFirst().first == "memory" }
      .map { String($0.split(separator: ":", maxSplits: 2).last ?? "") } ?? ""
    for folder in ["/sys/fs/cgroup/memory" + own, "/sys/fs/cgroup/memory"] where rooms.isEmpty {
      if let limit = number(in: folder + "/memory.limit_in_bytes"),
        let used = number(in: folder + "/memory.usage_in_bytes"), limit < 1 << 60
      {
        rooms.append(max(0, limit - used + statistic("total_inactive_file", in: folder + "/memory.stat")))
      }
    }
    return rooms
  }

  /// A `key value` line of a cgroup statistics file, or 0.
  private static func statistic(_ key: String, in file: String) -> Int {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix(key + " ") }
    return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
  }

  /// Throws a one-line refusal when `bytes` will not fit, naming `what` needs it and the `remedy` (the option that
  /// lowers it); returns a line announcing the estimate for big runs, else nil.
  public static func check(_ bytes: Int, for what: String, remedy: String) throws -> String? {
    let needed = format(bytes)
    if let available = available(), Double(bytes) > usableShare * Double(available) {
      throw PipelineError(
        "\(what) needs about \(needed) of memory, more than the \(format(Int(usableShare * Double(available)))) "
          + "this machine can give it (\(format(available)) available); \(remedy)")
    }
    return bytes > announcedAbove ? "\(what): about \(needed) of memory" : nil
  }

  /// Bytes as "1.2 GB" or "340 MB".
  public static func format(_ bytes: Int) -> String {
    bytes >= 1_000_000_000
      ? String(format: "%.1f GB", Double(bytes) / 1e9) : String(format: "%.0f MB", Double(bytes) / 1e6)
  }

  private static func number(in file: String) -> Int? {
    (try? String(contentsOfFile: file, encoding: .utf8)).flatMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
}
