/// What a target altitude is measured from: the ground under the target, or mean sea level.
public enum AltitudeReference: String, Sendable, Codable, CaseIterable {
  /// Above ground level: the terrain under the target.
  case aboveGroundLevel = "AGL"
  /// Above mean sea level (flight levels, with pressure altitude taken as MSL altitude: see `FlightLevel`).
  case meanSeaLevel = "MSL"
}
