/// The shape of a point symbol on a map.
public enum MapSymbol: Sendable, Equatable {
  case square
  case triangle
  case circle
  case diamond
  /// An X, for intercept points.
  case cross
}
