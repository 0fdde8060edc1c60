import CoverageKernel
import GeoRaster
import MapCanvas

/// The classes and colours of coverage maps: by the lowest altitude above ground at which a target is seen.
///
/// Colour-blind safe: the five altitude classes are viridis (van der Walt and Smith, matplotlib's default map,
/// designed to stay ordered and distinct under deuteranopia and protanopia) sampled at 0, 1/4, 1/2, 3/4 and 1,
/// brightest where the lowest flights are seen; "never seen" is ColorBrewer's PuOr orange (#E66101; PuOr is marked
/// colour-blind safe), apart from the ramp. Under Machado et al. (2009) protanopia and deuteranopia every pair stays
/// at least `minimumSimulatedDistance` apart in CIELAB (checked in MapCanvasTests).
public enum CoverageMapStyle {
  /// Class upper bounds in metres AGL, with their colours and labels (class values 1...).
  public static let palette: [(upperBound: Float, colour: ColourClass)] = [
    (150, ColourClass(value: 1, red: 253, green: 231, blue: 37, label: "seen at or below 150 m AGL")),
    (300, ColourClass(value: 2, red: 94, green: 201, blue: 98, label: "150-300 m AGL")),
    (1_000, ColourClass(value: 3, red: 33, green: 145, blue: 140, label: "300-1000 m AGL")),
    (3_000, ColourClass(value: 4, red: 59, green: 82, blue: 139, label: "1000-3000 m AGL")),
    (.infinity, ColourClass(value: 5, red: 68, green: 1, blue: 84, label: "above 3000 m AGL only")),
  ]
  /// In range but never seen (cone of silence or masked above every altitude).
  public static let neverSeen = ColourClass(value: 6, red: 230, green: 97, blue: 1, label: "in range, never seen")

  /// The least CIELAB distance (ΔE*ab, 1976) between any two classes that the palette keeps with normal vision and
  /// under simulated protanopia and deuteranopia (Machado 2009, severity 1). This palette's least is 19.4 (the two
  /// darkest classes under deuteranopia); the green-to-red ramp it replaced came to 15.8 under protanopia (its light
  /// green and yellow).
  public static let minimumSimulatedDistance = 19.0

  /// The least CIELAB distance between the classes as the map draws them (blended over flat ground, see
  /// `drawnColour(of:)`) and bare terrain, with normal vision and under the same simulations: 12.9 for this palette
  /// (the teal class against bare terrain under protanopia).
  public static let minimumDrawnDistance = 12.0

  /// The grey of flat ground in GDAL's multidirectional hillshade (measured: `gdaldem hillshade -multidirectional`
  /// of a flat DEM is 181 everywhere); out-of-range cells show the hillshade.
  public static let flatGroundGrey: UInt8 = 181

  /// All classes, for the renderer and the legend.
  public static var classes: [ColourClass] { palette.map(\.colour) + [neverSeen] }

  /// The class of a lowest-visible-altitude AGL value (0 for out of range).
  /// Every cell of `network` classed by its lowest visible altitude AGL (`classify`), one byte a cell.
  static func classes(of network: NetworkCoverage) -> [UInt8] {
    (0..<network.geometry.width * network.geometry.height).map { classify(network.lowestAltitudeAGL(at: $0)) }
  }

  public static func classify(_ agl: Float) -> UInt8 {
    if agl.isNaN { return 0 }
    if agl.isInfinite { return neverSeen.value }
    return palette.first { agl <= $0.upperBound }!.colour.value
  }

  /// A short legend, one line per class, for stdout and the PNG's sidecar.
  public static var legend: String {
    classes.map { "  rgb(\($0.red),\($0.green),\($0.blue))  \($0.label)" }.joined(separator: "\n")
      + "\n  terrain only (grey hillshade)  out of range"
  }

  /// The classes as map legend entries (swatches as the map draws them over flat ground), and the hillshade's flat
  /// grey for out of range.
  public static var legendEntries: [LegendEntry] {
    classes.map { LegendEntry(.swatch(drawnColour(of: $0)), $0.label) }
      + [LegendEntry(.swatch(RGBColour(flatGroundGrey, flatGroundGrey, flatGroundGrey)), "out of range (terrain only)")]
  }

  /// A class's colour as the map shows it over flat ground: blended over the hillshade's flat grey with
  /// `QuickLookRenderer.colourOpacity`, the same arithmetic as the renderer's.
  public static func drawnColour(of colourClass: ColourClass) -> RGBColour {
    let opacity = QuickLookRenderer.colourOpacity
    let grey = Float(flatGroundGrey)
    let blend = { (value: UInt8) in UInt8(grey * (1 - opacity) + Float(value) * opacity) }
    return RGBColour(blend(colourClass.red), blend(colourClass.green), blend(colourClass.blue))
  }

  /// A class's colour for drawing.
  public static func colour(of colourClass: ColourClass) -> RGBColour {
    RGBColour(colourClass.red, colourClass.green, colourClass.blue)
  }
}
