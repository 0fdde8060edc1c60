/// The altitude profile of a low-flying aircraft: its cruise height above the ground wherever it can, climbing early
/// enough to clear ridges and descending into valleys no faster than its climb rate allows, never above its ceiling;
/// on the ground at both ends.
package enum TerrainFollowing {
  /// Altitudes MSL for `ground` heights sampled at equal steps; nil where the ground rises above the ceiling, which
  /// the aircraft cannot cross (its route must go round).
  package static func profile(ground: [Double], height: Double, climbPerStep: Double, ceiling: Double) -> [Double]? {
    guard !ground.isEmpty else { return [] }
    guard ground.allSatisfy({ $0 <= ceiling }) else { return nil }
    var altitude = ground.map { min($0 + height, ceiling) }
    // Climb before a ridge: no sample may need more than one step's climb to reach the next.
    for index in stride(from: altitude.count - 2, through: 0, by: -1) {
      altitude[index] = max(altitude[index], min(altitude[index + 1] - climbPerStep, ceiling))
    }
    // Descend after a ridge no faster than the climb rate.
    for index in 1..<altitude.count {
      altitude[index] = max(altitude[index], min(altitude[index - 1] - climbPerStep, ceiling))
    }
    altitude[0] = ground[0]
    altitude[altitude.count - 1] = ground[ground.count - 1]
    return altitude
  }
}
