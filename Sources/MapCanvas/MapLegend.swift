/// How a legend entry shows what it explains.
public enum LegendSymbol: Sendable, Equatable {
  /// A filled square in an overlay's colour.
  case swatch(RGBColour)
  /// A point symbol as drawn on the map.
  case marker(MapSymbol, RGBColour)
  /// A line as drawn on the map, solid or dashed.
  case line(RGBColour, dashed: Bool)
}

/// One line of a map's legend.
public struct LegendEntry: Sendable, Equatable {
  public var symbol: LegendSymbol
  public var label: String

  /// Creates an entry.
  public init(_ symbol: LegendSymbol, _ label: String) {
    self.symbol = symbol
    self.label = label
  }
}
