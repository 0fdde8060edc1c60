import ArgumentParser
import CoverageKernel
import Foundation

/// The `--flight-levels` value: comma-separated flight levels (hundreds of feet, `FL` optional: `100,FL150,250`), in
/// the order the covered-area table lists them after the altitudes above ground.
public struct FlightLevelList: Equatable, Sendable, CustomStringConvertible {
  /// The table's flight levels when none are given: FL100 (the top of a Cessna 210's cruise band, 4,000-10,000 ft:
  /// its POH-based performance table), FL150 (about the ceiling of a loaded light single crossing the Andes:
  /// assumption from the Cessna 206's ~15,000 ft) and FL250 (the level above which CORPAC quotes its radar coverage,
  /// 84 % of Peru: Diario Correo, 2013).
  public static let standard = FlightLevelList(levels: [FlightLevel(100), FlightLevel(150), FlightLevel(250)])

  public let levels: [FlightLevel]

  public var description: String { levels.map { "\($0.hundredsOfFeet)" }.joined(separator: ",") }

  private init(levels: [FlightLevel]) { self.levels = levels }

  /// Parses `100,150,250` (or `FL100,...`); the error names the flight level that is wrong.
  public init(parsing text: String) throws(ValidationError) {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard (1...AltitudeList.maximumCount).contains(fields.count) else {
      throw ValidationError(
        "expected 1 to \(AltitudeList.maximumCount) comma-separated flight levels (150 for FL150), got \(fields.count)")
    }
    var levels: [FlightLevel] = []
    for (index, field) in fields.enumerated() {
      let digits = field.uppercased().hasPrefix("FL") ? String(field.dropFirst(2)) : field
      guard let value = Int(digits), (1...600).contains(value) else {
        throw ValidationError(
          "flight level \(index + 1) '\(field)' is not a whole number of hundreds of feet in 1...600 (150 for FL150)")
      }
      guard !levels.contains(FlightLevel(value)) else {
        throw ValidationError("flight level \(index + 1) '\(field)' is given twice")
      }
      levels.append(FlightLevel(value))
    }
    self.levels = levels
  }
}
