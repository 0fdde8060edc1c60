import CoverageKernel
import GeoRaster

/// The coverage of one configuration for one target as filled polygons, at each of the scenario's table
/// altitudes: one MultiPolygon for the cells covered in real time, one for those covered only through the voice
/// relay (the table's "covered" and "covered with relay" minus "covered"), coloured as on the maps.
enum CoveragePolygons {
  /// Class values in the polygonized grid.
  static let realTimeClass: UInt8 = 1
  static let relayOnlyClass: UInt8 = 2

  /// The layer `name` of `realTime` and `withRelay` (same grid) at `altitudes` (each one of the networks'
  /// tracked altitudes), on `georeference`; `terrain` NaN marks cells outside the DEM, left out as in the table.
  static func layer(
    name: String, realTime: NetworkCoverage, withRelay: NetworkCoverage, terrain: [Float], altitudes: [Double],
    georeference: RasterGeoreference, realTimeColour: String, relayColour: String
  ) -> ClassPolygonWriter.Layer {
    let pictures = altitudes.compactMap { altitude -> ClassPolygonWriter.Picture? in
      guard let bit = realTime.altitudesAGL.firstIndex(of: Float(altitude)) else { return nil }
      let mask = UInt16(1) << UInt16(bit)
      var classes = [UInt8](repeating: 0, count: terrain.count)
      for index in classes.indices where !terrain[index].isNaN {
        if realTime.coveredBits(at: index) & mask != 0 {
          classes[index] = realTimeClass
        } else if withRelay.coveredBits(at: index) & mask != 0 {
          classes[index] = relayOnlyClass
        }
      }
      let height = "\(Int(altitude)) m AGL"
      return ClassPolygonWriter.Picture(
        classes: classes,
        features: [
          ClassPolygonWriter.ClassFeature(
            value: realTimeClass, name: "\(name): covered in real time at \(height)",
            description: "Cells where a target at \(height) is seen in real time (the table's covered_km2).",
            style: style(realTimeColour), numbers: [("altitude_agl_m", altitude), ("class", 1)]),
          ClassPolygonWriter.ClassFeature(
            value: relayOnlyClass, name: "\(name): covered only via voice relay at \(height)",
            description:
              "Cells where a target at \(height) reaches the picture only through the voice relay (the table's "
              + "covered_with_relay_km2 minus covered_km2).",
            style: style(relayColour), numbers: [("altitude_agl_m", altitude), ("class", 2)]),
        ])
    }
    return ClassPolygonWriter.Layer(name: name, georeference: georeference, pictures: pictures)
  }

  /// A filled polygon style: a thin outline and a translucent fill (alpha 0x80) of `colour` ("#RRGGBB").
  private static func style(_ colour: String) -> String { "PEN(c:\(colour),w:1px);BRUSH(fc:\(colour)80)" }
}
