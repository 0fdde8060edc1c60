/// How high a radar's antenna (its phase centre) stands.
public enum AntennaHeight: Sendable, Hashable {
  /// Metres above the terrain at the site (the DEM bilinearly interpolated at the site's exact coordinates).
  case aboveGround(Double)
  /// Metres above mean sea level, whatever the DEM says (give this where the DEM has a void under the site).
  case aboveSeaLevel(Double)

  /// Heights above ground the kernel accepts: 0 to 100 km (an aerostat or aircraft sensor, not a satellite).
  public static let validAboveGround: ClosedRange<Double> = 0...100_000
  /// Altitudes above sea level the kernel accepts: from below the Dead Sea shore to 100 km above Everest.
  public static let validAboveSeaLevel: ClosedRange<Double> = -500...109_000
}
