/// A font for map text: a fontconfig family, a size in pixels and a weight.
public struct MapFont: Sendable, Equatable {
  public var family: String
  public var pixelSize: Double
  public var bold: Bool

  /// Creates a font. The default family, DejaVu Sans, is Debian's default sans-serif (package fonts-dejavu-core,
  /// pulled in by libpango1.0-dev): it has lowercase, accents and the degree sign.
  public init(family: String = "DejaVu Sans", pixelSize: Double, bold: Bool = false) {
    self.family = family
    self.pixelSize = pixelSize
    self.bold = bold
  }
}
