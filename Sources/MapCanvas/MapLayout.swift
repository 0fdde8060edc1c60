/// Where a composed map put its furniture, in image pixels: what tests and callers check the picture against.
public struct MapLayout: Sendable {
  /// A label placed beside its point.
  public struct Label: Sendable, Equatable {
    public var text: String
    /// The label's logical box (halo included).
    public var box: PixelBox
  }

  /// The title panel.
  public var title: PixelBox
  /// The legend panel.
  public var legend: PixelBox
  /// Each legend entry's symbol box, in legend order.
  public var legendSymbols: [(symbol: LegendSymbol, box: PixelBox)]
  /// The notes' text boxes, in order (the coarse-terrain note among them when it applies).
  public var notes: [(text: String, box: PixelBox)]
  /// The north arrow (arrow and its N).
  public var northArrow: PixelBox
  /// The scale bar itself (the black and white bar, not its panel).
  public var scaleBar: PixelBox
  /// The scale bar's ground length, metres, and its label (with the latitude it holds at on geographic maps).
  public var scaleBarMetres: Double
  public var scaleBarLabel: String
  /// Site labels placed, and those left off because every position around their point was taken.
  public var labels: [Label]
  public var labelsLeftOff: [String]
  /// Every panel the composer drew (title, legend, scale bar, north arrow), for overlap checks.
  public var panels: [PixelBox] { [title, legend, scaleBarPanel, northArrow] }
  /// The scale bar's panel.
  public var scaleBarPanel: PixelBox
}
