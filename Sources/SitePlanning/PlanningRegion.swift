/// An area whose coverage the plan values: a mask over the planning grid and a weight.
public struct PlanningRegion: Sendable, Equatable {
  /// A label for tables.
  public var name: String
  /// How much a square metre of it counts.
  public var weight: Double
  /// One entry per cell of the planning grid (row-major): true inside the region.
  public var mask: [Bool]

  /// A region; `mask` holds one entry per cell of the planning grid.
  public init(name: String, weight: Double, mask: [Bool]) {
    self.name = name
    self.weight = weight
    self.mask = mask
  }
}
