import CoverageKernel
import GeoRaster

/// The bands of the coverage GeoTIFFs, one layout for every study: a radar's field (MSL, AGL) and a network (MSL,
/// AGL, index of the radar that sees lowest).
enum CoverageBands {
  /// A radar's own GeoTIFF: bands 1 and 2.
  static func field(_ field: CoverageField) -> [RasterBand] {
    [
      RasterBand(description: "lowest visible altitude MSL (m)", values: field.lowestAltitudeMSL),
      RasterBand(description: "lowest visible altitude AGL (m)", values: field.lowestAltitudeAGL),
    ]
  }

  /// A network's GeoTIFF: bands 1 to 3; `radarOrder` says what band 3's index counts ("--site order").
  static func network(_ network: NetworkCoverage, radarOrder: String) -> [RasterBand] {
    [
      RasterBand(description: "lowest visible altitude MSL (m)", values: network.lowestAltitudeMSL),
      RasterBand(description: "lowest visible altitude AGL (m)", values: network.lowestAltitudeAGL),
      RasterBand(
        description: "index of the radar that sees lowest (\(radarOrder))",
        values: network.radarIndex.map { $0 < 0 ? .nan : Float($0) }),
    ]
  }
}
