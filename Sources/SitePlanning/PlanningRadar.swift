import CoverageKernel
import RadarModels

/// A radar at a candidate or base-network site: its type, where it stands, how high, and how often it is up.
public struct PlanningRadar: Sendable, Equatable {
  /// A label for tables.
  public var name: String
  /// What it can see.
  public var type: RadarType
  /// Where it stands.
  public var coordinate: GeoCoordinate
  /// Its antenna's height.
  public var antenna: AntennaHeight
  /// Fraction of the time it is up (0 to 1), independent of the other radars.
  public var availability: Double

  /// A radar; `availability` defaults to its type's.
  public init(
    name: String, type: RadarType, coordinate: GeoCoordinate, antenna: AntennaHeight, availability: Double? = nil
  ) {
    self.name = name
    self.type = type
    self.coordinate = coordinate
    self.antenna = antenna
    self.availability = availability ?? type.availability.value
  }

  /// A radar of `type` at a candidate site, its antenna at the type's height above ground.
  public init(candidate: CandidateSite, type: RadarType, availability: Double? = nil) {
    self.init(
      name: candidate.name, type: type, coordinate: candidate.coordinate,
      antenna: .aboveGround(type.antennaHeight.value), availability: availability)
  }
}
