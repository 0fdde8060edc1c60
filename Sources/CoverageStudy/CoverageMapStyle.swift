import GeoRaster

/// The classes and colours of coverage quick-looks: by the lowest altitude above ground at which a target is seen.
public enum CoverageMapStyle {
  /// Class upper bounds in metres AGL, with their colours and labels (class values 1...).
  public static let palette: [(upperBound: Float, colour: ColourClass)] = [
    (150, ColourClass(value: 1, red: 0, green: 104, blue: 55, label: "seen at or below 150 m AGL")),
    (300, ColourClass(value: 2, red: 49, green: 163, blue: 84, label: "150-300 m AGL")),
    (1_000, ColourClass(value: 3, red: 173, green: 221, blue: 142, label: "300-1000 m AGL")),
    (3_000, ColourClass(value: 4, red: 254, green: 217, blue: 118, label: "1000-3000 m AGL")),
    (.infinity, ColourClass(value: 5, red: 240, green: 59, blue: 32, label: "above 3000 m AGL only")),
  ]
  /// In range but never seen (cone of silence or masked above every altitude).
  public static let neverSeen = ColourClass(value: 6, red: 60, green: 0, blue: 80, label: "in range, never seen")

  /// All classes, for the renderer and the legend.
  public static var classes: [ColourClass] { palette.map(\.colour) + [neverSeen] }

  /// The class of a lowest-visible-altitude AGL value (0 for out of range).
  public static func classify(_ agl: Float) -> UInt8 {
    if agl.isNaN { return 0 }
    if agl.isInfinite { return neverSeen.value }
    return palette.first { agl <= $0.upperBound }!.colour.value
  }

  /// A short legend, one line per class, for stdout and the PNG's sidecar.
  public static var legend: String {
    classes.map { "  rgb(\($0.red),\($0.green),\($0.blue))  \($0.label)" }.joined(separator: "\n")
  }
}
