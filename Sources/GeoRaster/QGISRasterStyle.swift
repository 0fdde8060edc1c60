import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A QGIS layer style (`.qml`) that draws one band of a raster in classes of its values, as a discrete
/// single-band pseudocolour ramp: QGIS opens a raster styled when a `.qml` of the same name lies beside it.
/// Each class covers values up to its upper bound (the last may be unbounded); no-data stays transparent.
public struct QGISRasterStyle: Sendable {
  /// The band drawn (1-based).
  public var band: Int
  /// The classes in increasing order of their upper bounds, with their colours and legend labels.
  public var classes: [(upperBound: Float, colour: ColourClass)]

  /// Creates a style of `band` in `classes`.
  public init(band: Int, classes: [(upperBound: Float, colour: ColourClass)]) {
    self.band = band
    self.classes = classes
  }

  /// The style as QGIS's XML.
  public var xml: String {
    let root = XMLElement(name: "qgis")
    root.addAttribute(XMLNode.attribute(withName: "version", stringValue: "3.28.0") as! XMLNode)
    root.addAttribute(XMLNode.attribute(withName: "styleCategories", stringValue: "Symbology") as! XMLNode)
    let pipe = XMLElement(name: "pipe")
    let renderer = element(
      "rasterrenderer",
      ["type": "singlebandpseudocolor", "band": "\(band)", "opacity": "1", "alphaBand": "-1"])
    let shader = XMLElement(name: "rastershader")
    let ramp = element("colorrampshader", ["colorRampType": "DISCRETE", "classificationMode": "1", "clip": "0"])
    for item in classes {
      let colour = item.colour
      ramp.addChild(
        element(
          "item",
          [
            "value": item.upperBound.isInfinite ? "inf" : Self.text(item.upperBound), "label": colour.label,
            "alpha": "255", "color": String(format: "#%02x%02x%02x", colour.red, colour.green, colour.blue),
          ]))
    }
    shader.addChild(ramp)
    renderer.addChild(shader)
    pipe.addChild(renderer)
    pipe.addChild(element("brightnesscontrast", ["brightness": "0", "contrast": "0", "gamma": "1"]))
    pipe.addChild(element("rasterresampler", ["maxOversampling": "2"]))
    root.addChild(pipe)
    let blend = XMLElement(name: "blendMode", stringValue: "0")
    root.addChild(blend)
    let document = XMLDocument(rootElement: root)
    document.characterEncoding = "UTF-8"
    return document.xmlString(options: [.nodePrettyPrint]) + "\n"
  }

  /// Writes the style to `path` (atomically).
  public func write(to path: String) throws { try AtomicOutput.writeText(xml, to: path) }

  /// Reads a style written as above (for checking it): its band and classes, numbered from 1 in file order.
  public static func read(_ path: String) throws -> QGISRasterStyle {
    let document: XMLDocument
    do {
      document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
    } catch {
      throw GeoRasterError("cannot parse the QGIS style '\(path)': \(error.localizedDescription)")
    }
    guard let renderer = try document.nodes(forXPath: "/qgis/pipe/rasterrenderer").first as? XMLElement,
      let band = renderer.attribute(forName: "band")?.stringValue.flatMap(Int.init)
    else { throw GeoRasterError("'\(path)' is not a QGIS raster style") }
    let items = try renderer.nodes(forXPath: "rastershader/colorrampshader/item").compactMap { $0 as? XMLElement }
    let classes = try items.enumerated().map { number, item -> (upperBound: Float, colour: ColourClass) in
      func value(_ name: String) -> String { item.attribute(forName: name)?.stringValue ?? "" }
      let hex = value("color").dropFirst()
      guard hex.count == 6, let rgb = UInt32(hex, radix: 16), let bound = Float(value("value")) else {
        throw GeoRasterError("'\(path)': a class has no colour or value")
      }
      return (
        bound,
        ColourClass(
          value: UInt8(number + 1), red: UInt8(rgb >> 16), green: UInt8((rgb >> 8) & 0xFF), blue: UInt8(rgb & 0xFF),
          label: value("label"))
      )
    }
    return QGISRasterStyle(band: band, classes: classes)
  }

  private func element(_ name: String, _ attributes: KeyValuePairs<String, String>) -> XMLElement {
    let node = XMLElement(name: name)
    for (key, value) in attributes {
      node.addAttribute(XMLNode.attribute(withName: key, stringValue: value) as! XMLNode)
    }
    return node
  }

  private static func text(_ value: Float) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
