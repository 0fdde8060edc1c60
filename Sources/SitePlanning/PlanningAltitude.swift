import CoverageKernel

/// One altitude at which coverage counts toward the objective, with its weight.
public struct PlanningAltitude: Sendable, Equatable {
  /// Above the ground or above mean sea level.
  public var reference: AltitudeReference
  /// Metres above the reference.
  public var metres: Float
  /// How much this altitude counts (1 for all alike).
  public var weight: Double

  /// An altitude in metres above its reference.
  public init(_ reference: AltitudeReference, metres: Float, weight: Double = 1) {
    self.reference = reference
    self.metres = metres
    self.weight = weight
  }

  /// A flight level (pressure altitude taken as MSL: `FlightLevel.assumption`).
  public init(_ level: FlightLevel, weight: Double = 1) {
    self.init(.meanSeaLevel, metres: Float(level.metresMSL), weight: weight)
  }

  /// Whether `field` sees a target at this altitude over cell `index` of the field's grid.
  func isVisible(in field: CoverageField, at index: Int) -> Bool {
    switch reference {
    case .aboveGroundLevel: return field.isVisible(index, altitudeAGL: metres)
    case .meanSeaLevel: return field.isVisible(index, altitudeMSL: metres)
    }
  }
}
