import ArgumentParser
import Foundation

/// The `--altitudes-agl` value: 1 to 16 comma-separated target altitudes above ground, in metres, in the order the
/// covered-area table lists them.
public struct AltitudeList: Equatable, Sendable, CustomStringConvertible {
  /// The table's altitudes when none are given.
  public static let standard = AltitudeList(metres: [150, 300, 1_000, 3_000])

  /// At most this many (the network tracks each altitude in one bit of a 16-bit plane).
  public static let maximumCount = 16

  public let metres: [Float]

  public var description: String { metres.map { String(format: "%g", $0) }.joined(separator: ",") }

  private init(metres: [Float]) { self.metres = metres }

  /// Parses `150,300,1000`; the error names the altitude that is wrong (ArgumentParser adds the option and value).
  public init(parsing text: String) throws(ValidationError) {
    let fields = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard (1...Self.maximumCount).contains(fields.count) else {
      throw ValidationError(
        "expected 1 to \(Self.maximumCount) comma-separated altitudes in metres, got \(fields.count)")
    }
    var metres: [Float] = []
    for (index, field) in fields.enumerated() {
      guard let value = Float(field), value >= 0, value.isFinite else {
        throw ValidationError("altitude \(index + 1) '\(field)' is not a non-negative number of metres")
      }
      metres.append(value)
    }
    self.metres = metres
  }
}
