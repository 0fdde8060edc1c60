import CoverageKernel
import Foundation
import OutputFiles

/// `network-shard.bin`, a coverage shard's part of the network (`NetworkShard`), exact to the bit:
///
/// - header, 20 bytes: `APNETSH2`, the grid's width and height (UInt32), flags (UInt8: 1 void flags present, 2
///   covered-altitude bits present), 3 zero bytes;
/// - then row by row (north first): the row's span in range of the shard's radars, as its first column and its
///   length (UInt32 each; 0, 0 for a row out of every range), then over the span the lowest visible altitude MSL
///   (Float32 bit patterns, so NaN and +∞ survive), the ground heights (Float32), the source radar's global index
///   (Int16, -1 out of range), the void flags (UInt8, when flagged) and the covered-altitude bits (UInt16, when
///   flagged). Cells outside the span are out of range (NaN, -1, 0, 0).
///
/// All numbers are little-endian. A shard's file holds only the rows' spans its radars reach, not the whole network
/// grid; a merge reads it row by row.
enum NetworkShardFile {
  static let magic = Array("APNETSH2".utf8)
  static let headerBytes = 20

  /// Why a file cannot be read back; one line.
  struct ReadError: Error, CustomStringConvertible {
    let description: String
  }

  /// The file's bytes for `shard`.
  static func encode(_ shard: NetworkShard) -> [UInt8] {
    let width = shard.geometry.width
    let height = shard.geometry.height
    var bytes = magic
    append(UInt32(width), to: &bytes)
    append(UInt32(height), to: &bytes)
    bytes += [(shard.voidDependence != nil ? 1 : 0) | (shard.coveredBits != nil ? 2 : 0), 0, 0, 0]
    for row in 0..<height {
      let cells = (row * width)..<((row + 1) * width)
      let inRange = shard.lowestAltitudeMSL[cells]
      guard let first = inRange.firstIndex(where: { !$0.isNaN }), let last = inRange.lastIndex(where: { !$0.isNaN })
      else {
        bytes += [UInt8](repeating: 0, count: 8)
        continue
      }
      let span = first...last
      append(UInt32(first - cells.lowerBound), to: &bytes)
      append(UInt32(span.count), to: &bytes)
      append(shard.lowestAltitudeMSL[span].map(\.bitPattern), to: &bytes)
      append(shard.groundHeights[span].map(\.bitPattern), to: &bytes)
      append(shard.sourceRadar[span].map { UInt16(bitPattern: $0) }, to: &bytes)
      if let voids = shard.voidDependence { bytes += voids[span] }
      if let bits = shard.coveredBits { append(Array(bits[span]), to: &bytes) }
    }
    return bytes
  }

  /// Appends `values` little-endian (a straight copy on a little-endian machine).
  private static func append<Value: FixedWidthInteger>(_ values: [Value], to bytes: inout [UInt8]) {
    #if _endian(little)
      values.withUnsafeBytes { bytes += $0 }
    #else
      for value in values { append(value, to: &bytes) }
    #endif
  }

  /// `count` little-endian values from `bytes` at `offset`.
  private static func values<Value: FixedWidthInteger>(
    _ type: Value.Type, _ bytes: [UInt8], at offset: Int, count: Int
  ) -> [Value] {
    [Value](unsafeUninitializedCapacity: count) { buffer, initialised in
      bytes.withUnsafeBytes { source in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        raw.copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * MemoryLayout<Value>.size)]))
      }
      for index in 0..<count { buffer[index] = Value(littleEndian: buffer[index]) }
      initialised = count
    }
  }

  /// Bytes per cell of a span with header flags `flags`.
  static func cellBytes(flags: UInt8) -> Int { 4 + 4 + 2 + (flags & 1 != 0 ? 1 : 0) + (flags & 2 != 0 ? 2 : 0) }

  /// Reads the file at `path` row by row and combines it into `combined` (same grid). Checks its size and SHA-256
  /// against `listed` first (a streamed pass over the file), then its structure, and that every source radar
  /// passes `ownsRadar`. `combined` is only meaningful when this returns without throwing.
  static func read(
    _ path: String, expecting listed: ShardManifest.DataFile, into combined: inout NetworkShard,
    ownsRadar: (Int16) -> Bool
  ) throws {
    // First the size and hash (streamed), so that damage anywhere is reported as such before the file is parsed.
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    guard let size, let digest = try? SHA256.hex(ofFile: path) else {
      throw ReadError(description: "cannot be read")
    }
    guard size == listed.bytes else {
      throw ReadError(description: "has \(size) bytes, its manifest says \(listed.bytes): truncated or damaged")
    }
    guard digest == listed.sha256 else {
      throw ReadError(description: "does not match the SHA-256 its manifest records: damaged or changed")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError(description: "cannot be read") }
    defer { try? handle.close() }
    var total = 0
    func next(_ count: Int) throws -> [UInt8] {
      let data = (try? handle.read(upToCount: count)) ?? nil
      let bytes = data.map { [UInt8]($0) } ?? []
      total += bytes.count
      guard bytes.count == count else {
        throw ReadError(description: "ends after \(total) bytes, its manifest says \(listed.bytes): truncated")
      }
      return bytes
    }
    let header = try next(headerBytes)
    let width = Int(uint32(header, at: 8))
    let height = Int(uint32(header, at: 12))
    let flags = header[16]
    guard Array(header[0..<8]) == magic, flags & ~3 == 0 else {
      throw ReadError(description: "is not a coverage shard file (damaged)")
    }
    guard width == combined.geometry.width, height == combined.geometry.height else {
      throw ReadError(
        description: "holds a \(width) x \(height) grid, the network's is "
          + "\(combined.geometry.width) x \(combined.geometry.height)")
    }
    var foreignRadars = false
    for row in 0..<height {
      let span = try next(8)
      let first = Int(uint32(span, at: 0))
      let count = Int(uint32(span, at: 4))
      guard count > 0 else { continue }
      guard first + count <= width else {
        throw ReadError(description: "row \(row) reaches past the grid's \(width) columns (damaged)")
      }
      let bytes = try next(count * cellBytes(flags: flags))
      var offset = 0
      let msl = values(UInt32.self, bytes, at: offset, count: count).map(Float.init(bitPattern:))
      offset += 4 * count
      let ground = values(UInt32.self, bytes, at: offset, count: count).map(Float.init(bitPattern:))
      offset += 4 * count
      let source = values(UInt16.self, bytes, at: offset, count: count).map(Int16.init(bitPattern:))
      offset += 2 * count
      var voids: [UInt8]? = nil
      if flags & 1 != 0 {
        voids = Array(bytes[offset..<(offset + count)])
        offset += count
      }
      let bits = flags & 2 != 0 ? values(UInt16.self, bytes, at: offset, count: count) : nil
      if !source.allSatisfy(ownsRadar) { foreignRadars = true }
      combined.combine(
        first: row * width + first, lowestAltitudeMSL: msl[...], groundHeights: ground[...], sourceRadar: source[...],
        voidDependence: voids?[...], coveredBits: bits?[...])
    }
    if let extra = try? handle.read(upToCount: 1), !extra.isEmpty {
      throw ReadError(description: "is longer than its manifest says: damaged")
    }
    guard !foreignRadars else {
      throw ReadError(description: "names radars that are not its shard's (mislabelled)")
    }
  }

  private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
}
