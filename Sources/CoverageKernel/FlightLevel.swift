/// A flight level as aviators give it: pressure altitude in hundreds of feet ("FL150" is 15,000 ft).
///
/// AirPicture takes pressure altitude as altitude above mean sea level (`FlightLevel.assumption`).
public struct FlightLevel: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Hundreds of feet (150 for FL150).
  public var hundredsOfFeet: Int

  /// The assumption behind every flight-level figure, as the tables, GeoTIFFs and help state it.
  public static let assumption =
    "pressure altitude taken as altitude above mean sea level (ICAO standard atmosphere, 1013.25 hPa at sea level); "
    + "real MSL altitude at a flight level differs by about 30 ft per hPa of sea-level pressure and with temperature"

  /// Metres per international foot (exact, by definition).
  public static let metresPerFoot = 0.3048

  public init(_ hundredsOfFeet: Int) { self.hundredsOfFeet = hundredsOfFeet }

  /// Altitude in feet (pressure altitude, taken as MSL).
  public var feet: Double { Double(hundredsOfFeet) * 100 }

  /// Altitude above mean sea level, metres.
  public var metresMSL: Double { feet * Self.metresPerFoot }

  /// "FL150".
  public var description: String {
    let digits = String(hundredsOfFeet)
    return "FL" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }

  public static func < (lhs: FlightLevel, rhs: FlightLevel) -> Bool { lhs.hundredsOfFeet < rhs.hundredsOfFeet }
}
