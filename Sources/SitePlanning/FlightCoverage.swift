import CoverageKernel

/// Which simulated flights one radar's coverage field covers: a flight is covered when at least one of its
/// airborne samples lies over a cell of the field (nearest cell, as the simulation's `RadarVisibility` looks it up)
/// that is inside the radar's range for the target and where the sample's altitude MSL is at or above the lowest
/// visible altitude, above the ground and under the cone of silence (`CoverageField.isVisible(_:altitudeMSL:)`).
///
/// This is line of sight within the range of the planning criterion, not the Monte Carlo's scan-by-scan draw: the
/// planner needs whether a radar can see the flight at all, the same for every candidate and without randomness.
public enum FlightCoverage {
  /// The indices (ascending) of `flights` that `field` covers; the field's grid must be geographic (degrees).
  public static func coveredFlights(by field: CoverageField, of flights: [PlanningFlight]) -> [UInt32] {
    let geometry = field.geometry
    let west = geometry.originX
    let east = geometry.originX + Double(geometry.width) * geometry.cellWidth
    let north = geometry.originY
    let south = geometry.originY - Double(geometry.height) * geometry.cellHeight
    var covered: [UInt32] = []
    for (number, flight) in flights.enumerated() {
      let extent = flight.extent
      guard extent.east >= west, extent.west <= east, extent.north >= south, extent.south <= north else { continue }
      for sample in flight.samples where sees(field, sample) {
        covered.append(UInt32(number))
        break
      }
    }
    return covered
  }

  /// Whether `field` sees `sample`.
  static func sees(_ field: CoverageField, _ sample: PlanningFlight.Sample) -> Bool {
    let geometry = field.geometry
    let column = Int(geometry.column(ofX: sample.longitude).rounded())
    let row = Int(geometry.row(ofY: sample.latitude).rounded())
    guard column >= 0, row >= 0, column < geometry.width, row < geometry.height else { return false }
    let index = row * geometry.width + column
    return field.isInRange(index) && field.isVisible(index, altitudeMSL: Float(sample.altitude))
  }
}
