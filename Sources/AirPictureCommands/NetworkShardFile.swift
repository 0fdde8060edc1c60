import CoverageKernel
import Foundation
import OutputFiles

/// `network-shard.bin`, a coverage shard's part of the network (`NetworkShard`), exact to the bit:
///
/// - header, 20 bytes: `APNETSH1`, the grid's width and height (UInt32), flags (UInt8: 1 void flags present, 2
///   covered-altitude bits present), 3 zero bytes;
/// - then row by row (north first): the lowest visible altitude MSL (Float32 bit patterns, so NaN and +∞ survive),
///   the ground heights (Float32), the source radar's global index (Int16, -1 out of range), the void flags
///   (UInt8, when flagged) and the covered-altitude bits (UInt16, when flagged), `width` values each.
///
/// All numbers are little-endian. Rows follow each other so that a merge reads a band of rows at a time.
enum NetworkShardFile {
  static let magic = Array("APNETSH1".utf8)
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
    bytes.reserveCapacity(headerBytes + rowBytes(width: width, flags: bytes[16]) * height)
    for row in 0..<height {
      let cells = (row * width)..<((row + 1) * width)
      append(shard.lowestAltitudeMSL[cells].map(\.bitPattern), to: &bytes)
      append(shard.groundHeights[cells].map(\.bitPattern), to: &bytes)
      append(shard.sourceRadar[cells].map { UInt16(bitPattern: $0) }, to: &bytes)
      if let voids = shard.voidDependence { bytes += voids[cells] }
      if let bits = shard.coveredBits { append(Array(bits[cells]), to: &bytes) }
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

  /// Bytes per row with header flags `flags`.
  static func rowBytes(width: Int, flags: UInt8) -> Int {
    width * (4 + 4 + 2 + (flags & 1 != 0 ? 1 : 0) + (flags & 2 != 0 ? 2 : 0))
  }

  /// Reads the file at `path` a band of rows at a time and combines it into `combined` (same grid); checks its
  /// size and SHA-256 against `listed` and then that every source radar passes `ownsRadar`. `combined` is only
  /// meaningful when this returns without throwing.
  static func read(
    _ path: String, expecting listed: ShardManifest.DataFile, into combined: inout NetworkShard,
    ownsRadar: (Int16) -> Bool
  ) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError(description: "cannot be read") }
    defer { try? handle.close() }
    var hash = SHA256()
    var total = 0
    func next(_ count: Int) throws -> [UInt8] {
      let data = (try? handle.read(upToCount: count)) ?? nil
      let bytes = data.map { [UInt8]($0) } ?? []
      hash.update(bytes)
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
    guard headerBytes + rowBytes(width: width, flags: flags) * height == listed.bytes else {
      throw ReadError(description: "its manifest's size does not fit its grid (damaged)")
    }
    let band = max(1, (1 << 22) / max(rowBytes(width: width, flags: flags), 1))
    var row = 0
    var foreignRadars = false
    while row < height {
      let rows = min(band, height - row)
      var msl: [Float] = []
      var ground: [Float] = []
      var source: [Int16] = []
      var voids: [UInt8]? = flags & 1 != 0 ? [] : nil
      var bits: [UInt16]? = flags & 2 != 0 ? [] : nil
      for _ in 0..<rows {
        let bytes = try next(rowBytes(width: width, flags: flags))
        var offset = 0
        msl += values(UInt32.self, bytes, at: offset, count: width).map(Float.init(bitPattern:))
        offset += 4 * width
        ground += values(UInt32.self, bytes, at: offset, count: width).map(Float.init(bitPattern:))
        offset += 4 * width
        source += values(UInt16.self, bytes, at: offset, count: width).map(Int16.init(bitPattern:))
        offset += 2 * width
        if voids != nil {
          voids! += bytes[offset..<(offset + width)]
          offset += width
        }
        if bits != nil { bits! += values(UInt16.self, bytes, at: offset, count: width) }
      }
      if !source.allSatisfy(ownsRadar) { foreignRadars = true }
      combined.combine(
        first: row * width, lowestAltitudeMSL: msl[...], groundHeights: ground[...], sourceRadar: source[...],
        voidDependence: voids?[...], coveredBits: bits?[...])
      row += rows
    }
    if let extra = try? handle.read(upToCount: 1), !extra.isEmpty {
      throw ReadError(description: "is longer than its manifest says: damaged")
    }
    guard hash.finalizeHex() == listed.sha256 else {
      throw ReadError(description: "does not match the SHA-256 its manifest records: damaged or changed")
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
