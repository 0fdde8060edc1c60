/// A binary file of candidates' footprints, as a shard of `airpicture plan --shard I/N` writes them for `merge`.
///
/// Little-endian throughout:
/// - header (24 bytes): the magic `APFOOTPR` (8 ASCII bytes), the format version (UInt32, 1), the planning grid's
///   cell count (UInt32), the altitude count A (UInt32), the entry count E (UInt32);
/// - E entries, candidate index ascending: the candidate's index (UInt32), then for each of the A altitudes the run
///   count R (UInt32) and R runs, each the first cell and the cell count (UInt32, UInt32).
///
/// Reading checks the header, the order, the runs (ascending, not touching, inside the grid) and the length to the
/// byte, so a truncated or damaged file is refused rather than read as something else.
public enum FootprintFile {
  static let magic = Array("APFOOTPR".utf8)
  static let version: UInt32 = 1

  /// The bytes of `entries` (candidate index and footprint, indices ascending) on a grid of `cellCount` cells with
  /// `altitudeCount` altitudes.
  public static func encode(_ entries: [(index: Int, footprint: CoverageFootprint)], cellCount: Int, altitudeCount: Int)
    -> [UInt8]
  {
    var bytes = magic
    func put(_ value: UInt32) {
      for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
    put(version)
    put(UInt32(cellCount))
    put(UInt32(altitudeCount))
    put(UInt32(entries.count))
    for entry in entries {
      put(UInt32(entry.index))
      for runs in entry.footprint.runs {
        put(UInt32(runs.count))
        for run in runs {
          put(run.first)
          put(run.count)
        }
      }
    }
    return bytes
  }

  /// Why a footprint file cannot be read.
  public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, one line.
    public var description: String
  }

  /// The entries of `bytes`; throws when the file is not such a file, was written for another grid or altitude
  /// count, has indices out of order or at `candidateCount` or beyond, or is truncated or overlong.
  public static func decode(_ bytes: [UInt8], cellCount: Int, altitudeCount: Int, candidateCount: Int)
    throws(FormatError)
    -> [(index: Int, footprint: CoverageFootprint)]
  {
    var offset = 0
    func take() throws(FormatError) -> UInt32 {
      guard offset + 4 <= bytes.count else { throw FormatError(description: "truncated at byte \(offset)") }
      var value: UInt32 = 0
      for byte in 0..<4 { value |= UInt32(bytes[offset + byte]) << UInt32(8 * byte) }
      offset += 4
      return value
    }
    guard bytes.count >= 24, Array(bytes[0..<8]) == magic else {
      throw FormatError(description: "not a footprint file (no APFOOTPR header)")
    }
    offset = 8
    let fileVersion = try take()
    guard fileVersion == version else { throw FormatError(description: "footprint file version \(fileVersion)") }
    let cells = Int(try take())
    let altitudes = Int(try take())
    guard cells == cellCount, altitudes == altitudeCount else {
      throw FormatError(
        description: "written for \(cells) cells and \(altitudes) altitudes, not \(cellCount) and \(altitudeCount)")
    }
    let count = Int(try take())
    var entries: [(index: Int, footprint: CoverageFootprint)] = []
    entries.reserveCapacity(min(count, candidateCount))
    for _ in 0..<count {
      let index = Int(try take())
      let previous = entries.last?.index ?? -1
      guard index < candidateCount && index > previous else {
        throw FormatError(description: "candidate index \(index) out of order or beyond \(candidateCount)")
      }
      var runs: [[CoverageFootprint.Run]] = []
      for _ in 0..<altitudes {
        let runCount = Int(try take())
        guard runCount <= (bytes.count - offset) / 8 else {
          throw FormatError(description: "truncated in candidate \(index)")
        }
        var list: [CoverageFootprint.Run] = []
        list.reserveCapacity(runCount)
        for _ in 0..<runCount {
          let first = try take()
          list.append(CoverageFootprint.Run(first: first, count: try take()))
        }
        guard let last = list.last, UInt64(last.first) + UInt64(last.count) > UInt64(cells) else {
          runs.append(list)
          continue
        }
        throw FormatError(description: "candidate \(index) covers cells beyond the grid")
      }
      guard let footprint = CoverageFootprint(runs: runs) else {
        throw FormatError(description: "candidate \(index) has runs out of order")
      }
      entries.append((index, footprint))
    }
    guard offset == bytes.count else {
      throw FormatError(description: "\(bytes.count - offset) bytes after the last entry")
    }
    return entries
  }
}
