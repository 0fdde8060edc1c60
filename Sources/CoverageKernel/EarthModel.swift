import Foundation

/// The effective-Earth model of radio line of sight: straight rays over a sphere of radius `k · R`.
///
/// Refraction in a standard atmosphere bends radar rays down; the classic treatment replaces the curved ray
/// over the true Earth by a straight ray over a larger sphere (Skolnik, *Introduction to Radar Systems*, §2.13;
/// ITU-R P.834). The drop of the sphere below the tangent plane at distance `d` is `d² / (2kR)`.
public struct EarthModel: Sendable, Equatable {
  /// IUGG mean Earth radius R1 = 6 371 008.8 m (Moritz, *Geodetic Reference System 1980*).
  public static let meanRadius = 6_371_008.8
  /// k = 4/3, the standard-atmosphere factor for microwave radar (Skolnik §2.13; ITU-R P.834 median).
  public static let standardRefractionFactor = 4.0 / 3.0
  /// The default model: mean Earth radius with the 4/3 factor.
  public static let standard = EarthModel(radius: meanRadius, refractionFactor: standardRefractionFactor)

  /// The true (geometric) Earth radius in metres, used for distances along the surface.
  public var radius: Double
  /// The refraction factor k (1 for no refraction; GDAL's `-cc 0.75` is k = 4/3).
  public var refractionFactor: Double

  /// Creates a model; both numbers must be positive.
  public init(radius: Double = EarthModel.meanRadius, refractionFactor: Double = EarthModel.standardRefractionFactor) {
    precondition(radius > 0 && refractionFactor > 0, "Earth radius and k must be positive")
    self.radius = radius
    self.refractionFactor = refractionFactor
  }

  /// The effective radius `k · R` in metres.
  public var effectiveRadius: Double { radius * refractionFactor }

  /// How far the effective sphere drops below the horizontal plane at `distance` metres.
  public func curvatureDrop(atDistance distance: Double) -> Double {
    distance * distance / (2 * effectiveRadius)
  }

  /// The distance to the radar horizon for an antenna `height` metres above a smooth sphere: `√(2kRh)`.
  public func horizonDistance(antennaHeight height: Double) -> Double {
    (2 * effectiveRadius * max(height, 0)).squareRoot()
  }

  /// The lowest altitude visible at `distance` from an antenna `height` above a smooth sphere at sea level:
  /// zero inside the horizon, `(d − √(2kRh))² / (2kR)` beyond it.
  public func lowestVisibleAltitudeOverSmoothSphere(antennaHeight height: Double, distance: Double) -> Double {
    let beyond = max(distance - horizonDistance(antennaHeight: height), 0)
    return beyond * beyond / (2 * effectiveRadius)
  }
}
