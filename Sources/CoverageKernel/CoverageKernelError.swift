import Foundation

/// Why the kernel refuses a radar, a terrain window or a limit; each description is one line for the user.
public enum CoverageKernelError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
  /// The DEM has no data under an antenna given above ground.
  case siteOnVoid(radar: String)
  /// Every cell in the radar's range is a void (or the window holds no terrain at all).
  case noTerrainInRange(radar: String)
  /// On a geographic grid the range reaches within `LineOfSightKernel.polarMarginDegrees` of a pole; `latitude` is how far
  /// poleward it reaches.
  case rangeNearPole(radar: String, latitude: Double)
  /// The site's coordinates are not finite (or its latitude lies outside ±90°).
  case invalidSitePosition(radar: String)
  /// The antenna height (above ground or sea level, as given) is not finite or lies outside `valid`.
  case invalidAntennaHeight(radar: String, metres: Double, valid: ClosedRange<Double>)
  /// Ranges not finite, maximum not in (0, 1500 km], or minimum not in [0, maximum).
  case invalidRange(radar: String, minimum: Double, maximum: Double)
  /// An elevation limit that is not finite, lies outside ±90°, or a minimum not below the maximum.
  case invalidElevationLimits(radar: String)
  /// A sector whose start equals its end (zero width), or whose bounds are not finite.
  case invalidSector(start: Double, end: Double)
  /// The terrain grid has fewer than 2 × 2 cells.
  case gridTooSmall(width: Int, height: Int)
  /// The terrain grid's cell sizes or origin are not finite and positive.
  case invalidCellSize(width: Double, height: Double)
  /// The range spans more range samples or radials than the kernel can index (`count` of them).
  case sweepTooFine(radar: String, count: Double)
  /// The Earth radius or refraction factor is not finite and positive.
  case invalidEarthModel(radius: Double, refractionFactor: Double)

  public var description: String {
    switch self {
    case .siteOnVoid(let radar):
      return "radar '\(radar)' stands on a DEM void (no-data): give its ground elevation"
    case .noTerrainInRange(let radar):
      return "no terrain in range of radar '\(radar)': the DEM is all no-data there"
    case .rangeNearPole(let radar, let latitude):
      return "the range of radar '\(radar)' reaches latitude \(Self.format(latitude))°, within "
        + "\(Self.format(LineOfSightKernel.polarMarginDegrees))° of the pole, where a geographic grid degenerates: project the "
        + "DEM to a polar stereographic CRS (EPSG:3031 south, EPSG:3413 north) with gdalwarp"
    case .invalidSitePosition(let radar):
      return "radar '\(radar)' has no valid position (coordinates must be finite, latitude within ±90°)"
    case .invalidAntennaHeight(let radar, let metres, let valid):
      return "antenna height \(Self.format(metres)) m of radar '\(radar)' is outside "
        + "\(Self.format(valid.lowerBound))...\(Self.format(valid.upperBound)) m"
    case .invalidRange(let radar, let minimum, let maximum):
      return "ranges of radar '\(radar)' must satisfy 0 <= minimum (\(Self.format(minimum)) m) < maximum "
        + "(\(Self.format(maximum)) m) <= 1500 km"
    case .invalidElevationLimits(let radar):
      return "elevation limits of radar '\(radar)' must be finite, within ±90°, the minimum below the maximum"
    case .invalidSector(let start, let end):
      return "azimuth sector \(Self.format(start)),\(Self.format(end)) is empty or not finite: give two different "
        + "azimuths (omit the sector for all round)"
    case .gridTooSmall(let width, let height):
      return "the terrain grid is \(width) x \(height) cells; line of sight needs at least 2 x 2"
    case .invalidCellSize(let width, let height):
      return "the terrain grid's cell size \(width) x \(height) (or its origin) is not finite and positive"
    case .sweepTooFine(let radar, let count):
      return "the range of radar '\(radar)' spans \(Self.format(count)) cells or more across, beyond what the kernel "
        + "indexes: lower the range or use a coarser DEM"
    case .invalidEarthModel(let radius, let refractionFactor):
      return "Earth radius (\(radius) m) and refraction factor k (\(refractionFactor)) must be finite and positive"
    }
  }

  public var errorDescription: String? { description }

  private static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return String(format: "%.6g", value)
  }
}
