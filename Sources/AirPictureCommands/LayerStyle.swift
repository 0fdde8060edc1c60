import Interdiction

/// How a map layer of `run` looks, once for both programs: a QGIS style (QML, for the GeoPackage's `layer_styles`
/// table) and the matching OGR style string (which GDAL's LIBKML driver turns into a KML style) for Google Earth.
/// Colours: Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
struct LayerStyle {
  /// An RGB colour, 0-255 per channel.
  struct Colour {
    var red: Int
    var green: Int
    var blue: Int

    /// "#RRGGBBAA", OGR's style-string form.
    func ogr(alpha: Int = 255) -> String {
      "#"
        + [red, green, blue, alpha].map { String($0, radix: 16, uppercase: true) }.map {
          $0.count == 1 ? "0" + $0 : $0
        }.joined()
    }

    /// "r,g,b,a", QML's form.
    func qml(alpha: Int = 255) -> String { "\(red),\(green),\(blue),\(alpha)" }

    static let black = Colour(red: 0, green: 0, blue: 0)
    static let orange = Colour(red: 230, green: 159, blue: 0)
    static let skyBlue = Colour(red: 86, green: 180, blue: 233)
    static let bluishGreen = Colour(red: 0, green: 158, blue: 115)
    static let yellow = Colour(red: 240, green: 228, blue: 66)
    static let blue = Colour(red: 0, green: 114, blue: 178)
    static let vermillion = Colour(red: 213, green: 94, blue: 0)
    static let reddishPurple = Colour(red: 204, green: 121, blue: 167)
    static let white = Colour(red: 255, green: 255, blue: 255)
    /// A neutral grey outside the palette, for sorties that found nothing.
    static let grey = Colour(red: 128, green: 128, blue: 128)
  }

  /// A point marker: QGIS's simple-marker shape, and the Google Earth icon of the same meaning.
  struct Marker {
    var qgisShape: String
    var googleEarthIcon: String
    var colour: Colour
    /// Millimetres in QGIS; Google Earth's icon scale is this over 3.
    var size: Double
  }

  /// Google Earth's stock icons (maps.google.com/mapfiles/kml/shapes), which Google Earth ships with.
  static func icon(_ name: String) -> String { "http://maps.google.com/mapfiles/kml/shapes/\(name).png" }

  static let radar = Marker(qgisShape: "triangle", googleEarthIcon: icon("triangle"), colour: .black, size: 4)
  static let base = Marker(qgisShape: "square", googleEarthIcon: icon("airports"), colour: .blue, size: 4)
  static let detection = Marker(
    qgisShape: "circle", googleEarthIcon: icon("placemark_circle"), colour: .orange, size: 1.6)
  static let intercept = Marker(qgisShape: "star", googleEarthIcon: icon("star"), colour: .bluishGreen, size: 4)

  /// The colour of each outcome on maps.
  static func colour(of outcome: FlightOutcome) -> Colour {
    switch outcome {
    case .undetected: .reddishPurple
    case .detectedNotTracked: .orange
    case .trackedNoInterceptorAvailable: .yellow
    case .interceptorOutOfRange: .vermillion
    case .launchedNotFound: .grey
    case .targetLandedFirst: .skyBlue
    case .targetLeftPeru: .blue
    case .intercepted: .bluishGreen
    }
  }

  /// OGR style strings.
  static func ogr(_ marker: Marker) -> String {
    "SYMBOL(id:\"\(marker.googleEarthIcon)\",c:\(marker.colour.ogr()),s:\(marker.size / 3))"
  }

  static func ogrLine(_ colour: Colour, widthPixels: Int) -> String {
    "PEN(c:\(colour.ogr()),w:\(widthPixels)px)"
  }

  /// A QGIS layer's temporal setting: a moment from one field, or a span from two (QGIS's vector temporal modes 1
  /// and 2).
  enum Temporal {
    case none
    case instant(field: String)
    case span(begin: String, end: String)

    /// The fixed range QGIS writes in every temporal setting, empty when the times come from fields.
    static let fixedRange = "<fixedRange><start></start><end></end></fixedRange>"

    var qml: String {
      switch self {
      case .none: return #"<temporal enabled="0" mode="0">\#(Self.fixedRange)</temporal>"#
      case .instant(let field):
        return #"<temporal enabled="1" mode="1" startField="\#(field)" endField="" durationUnit="min" "#
          + #"fixedDuration="1" accumulate="0" limitMode="0">\#(Self.fixedRange)</temporal>"#
      case .span(let begin, let end):
        return #"<temporal enabled="1" mode="2" startField="\#(begin)" endField="\#(end)" durationUnit="min" "#
          + #"fixedDuration="0" accumulate="0" limitMode="0">\#(Self.fixedRange)</temporal>"#
      }
    }
  }

  /// A QGIS symbol (`<symbol>`) named `name`.
  static func qmlSymbol(name: String, marker: Marker) -> String {
    """
    <symbol type="marker" name="\(name)" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">
    <Option type="QString" name="name" value="\(marker.qgisShape)"/>
    <Option type="QString" name="color" value="\(marker.colour.qml())"/>
    <Option type="QString" name="outline_color" value="\(Colour.white.qml())"/>
    <Option type="QString" name="outline_width" value="0.2"/>
    <Option type="QString" name="size" value="\(marker.size)"/>
    <Option type="QString" name="size_unit" value="MM"/>
    </Option></layer></symbol>
    """
  }

  static func qmlSymbol(name: String, line colour: Colour, widthMillimetres: Double, dashed: Bool = false) -> String {
    """
    <symbol type="line" name="\(name)" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">
    <Option type="QString" name="line_color" value="\(colour.qml())"/>
    <Option type="QString" name="line_width" value="\(widthMillimetres)"/>
    <Option type="QString" name="line_width_unit" value="MM"/>
    <Option type="QString" name="line_style" value="\(dashed ? "dash" : "solid")"/>
    </Option></layer></symbol>
    """
  }

  /// A whole QML document: one symbol for every feature, or a line colour per value of `field`.
  static func qml(symbol: String, temporal: Temporal) -> String {
    document(
      renderer: #"<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">"#
        + "<symbols>\(symbol)</symbols></renderer-v2>", temporal: temporal)
  }

  static func qml(
    field: String, lineCategories: [(value: String, colour: Colour)], widthMillimetres: Double, temporal: Temporal
  ) -> String {
    let list = lineCategories.enumerated().map { index, category in
      #"<category symbol="\#(index)" value="\#(category.value)" label="\#(category.value)" render="true"/>"#
    }
    let symbols = lineCategories.enumerated().map { index, category in
      qmlSymbol(name: "\(index)", line: category.colour, widthMillimetres: widthMillimetres)
    }
    return document(
      renderer: #"<renderer-v2 type="categorizedSymbol" attr="\#(field)" symbollevels="0" forceraster="0" "#
        + #"enableorderby="0"><categories>\#(list.joined())</categories><symbols>"#
        + symbols.joined() + "</symbols></renderer-v2>", temporal: temporal)
  }

  private static func document(renderer: String, temporal: Temporal) -> String {
    """
    <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
    <qgis version="3.28.0" styleCategories="Symbology|Temporal">
    \(renderer)
    \(temporal.qml)
    </qgis>

    """
  }
}
