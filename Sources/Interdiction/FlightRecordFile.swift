/// The binary form of a run of consecutive flights' records, one per combination of a grid each (a shard of
/// `airpicture run`'s data). Little-endian throughout:
/// - the magic `APFLREC1` (8 bytes), the combination count (UInt32), the first flight (UInt64) and the flight count
///   (UInt64);
/// - per flight, per combination in grid order: the outcome (UInt8, its index in `FlightOutcome.allCases`), which
///   optional times are present (UInt8: bit 0 detection, 1 interception, 2 intercept latitude, 3 intercept
///   longitude), the flight hours (Float64 bits), then each present value (Float64 bits) in that order.
///
/// Values are kept to the bit, so records read back sum and sort exactly as the ones written.
package enum FlightRecordFile {
  static let magic = Array("APFLREC1".utf8)

  /// `flights` (consecutive, from `firstFlight`; each with `combinations` records) as bytes.
  package static func encode(_ flights: [[FlightRecord]], firstFlight: Int, combinations: Int) -> [UInt8] {
    var bytes = magic
    bytes.reserveCapacity(28 + flights.count * combinations * 26)
    append(UInt64(combinations), size: 4, to: &bytes)
    append(UInt64(firstFlight), size: 8, to: &bytes)
    append(UInt64(flights.count), size: 8, to: &bytes)
    for records in flights {
      precondition(records.count == combinations, "one record per combination")
      for record in records {
        bytes.append(UInt8(FlightOutcome.allCases.firstIndex(of: record.outcome)!))
        let optionals = [
          record.borderToDetection, record.borderToInterception, record.interceptLatitude, record.interceptLongitude,
        ]
        var present: UInt8 = 0
        for (bit, value) in optionals.enumerated() where value != nil { present |= 1 << bit }
        bytes.append(present)
        append(record.flightHours.bitPattern, size: 8, to: &bytes)
        for value in optionals.compactMap({ $0 }) { append(value.bitPattern, size: 8, to: &bytes) }
      }
    }
    return bytes
  }

  /// Reads what `encode` wrote: the first flight and the flights' records (flight numbers restored). Throws a
  /// `FlightRecordFileError` when the bytes are not such a file, hold another combination count, or are cut short.
  package static func decode(_ bytes: [UInt8], combinations: Int) throws -> (
    firstFlight: Int, flights: [[FlightRecord]]
  ) {
    var reader = Reader(bytes: bytes)
    guard bytes.count >= 28, Array(bytes[0..<8]) == magic else {
      throw FlightRecordFileError("not a flight record file")
    }
    reader.offset = 8
    let stored = Int(try reader.read(4))
    guard stored == combinations else {
      throw FlightRecordFileError("holds \(stored) combinations per flight, the scenario has \(combinations)")
    }
    let first = Int(try reader.read(8))
    let count = Int(try reader.read(8))
    guard count <= (bytes.count - 28) / max(1, combinations * 10) + 1 else {
      throw FlightRecordFileError("its flight count \(count) does not fit its size")
    }
    var flights: [[FlightRecord]] = []
    flights.reserveCapacity(count)
    for flight in first..<(first + count) {
      var records: [FlightRecord] = []
      records.reserveCapacity(combinations)
      for _ in 0..<combinations {
        let outcome = Int(try reader.read(1))
        let present = try reader.read(1)
        guard outcome < FlightOutcome.allCases.count, present < 16 else {
          throw FlightRecordFileError("damaged at byte \(reader.offset)")
        }
        let hours = Double(bitPattern: try reader.read(8))
        var optionals: [Double?] = []
        for bit in 0..<4 {
          optionals.append(present & (1 << bit) != 0 ? Double(bitPattern: try reader.read(8)) : nil)
        }
        records.append(
          FlightRecord(
            flight: flight, outcome: FlightOutcome.allCases[outcome], borderToDetection: optionals[0],
            borderToInterception: optionals[1], flightHours: hours, interceptLatitude: optionals[2],
            interceptLongitude: optionals[3]))
      }
      flights.append(records)
    }
    guard reader.offset == bytes.count else { throw FlightRecordFileError("has bytes after its last flight") }
    return (first, flights)
  }

  private static func append(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
    for shift in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift)))) }
  }

  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func read(_ size: Int) throws -> UInt64 {
      guard offset + size <= bytes.count else { throw FlightRecordFileError("cut short at byte \(offset)") }
      var value: UInt64 = 0
      for shift in 0..<size { value |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
      offset += size
      return value
    }
  }
}

/// Why bytes are not a flight record file, in a few words.
package struct FlightRecordFileError: Error, CustomStringConvertible {
  package let description: String
  init(_ description: String) { self.description = description }
}
