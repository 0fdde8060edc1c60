/// How high a radar's antenna (its phase centre) stands.
public enum AntennaHeight: Sendable, Equatable {
  /// Metres above the terrain at the site (the DEM bilinearly interpolated at the site's exact coordinates).
  case aboveGround(Double)
  /// Metres above mean sea level, whatever the DEM says.
  case aboveSeaLevel(Double)
}
