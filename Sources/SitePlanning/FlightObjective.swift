/// The flight layer of the objective: N simulated suspect flights, and what seeing all of them is worth in the
/// objective's units (weighted m²), so that each flight adds W/N times the probability some radar covering it is up.
public struct FlightObjective: Sendable, Equatable {
  /// How many flights (the footprints' flight layers index them 0 ..< count).
  public var count: Int
  /// What a detected share of 1 adds to the objective, weighted m².
  public var weight: Double

  /// A flight layer of `count` flights worth `weight` in all.
  public init(count: Int, weight: Double) {
    self.count = max(count, 0)
    self.weight = weight
  }

  /// What one flight seen for certain adds.
  var weightPerFlight: Double { count > 0 ? weight / Double(count) : 0 }
}
