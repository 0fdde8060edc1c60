import CoverageKernel
import GeoRaster

/// The bands of the coverage GeoTIFFs, one layout for every study: a radar's field (MSL, AGL) and a network (MSL,
/// AGL, index of the radar that sees lowest, its values named after the radars). Altitudes carry the unit "m".
enum CoverageBands {
  /// A radar's own GeoTIFF: bands 1 and 2.
  static func field(_ field: CoverageField) -> [RasterBand] {
    [
      RasterBand(description: "lowest visible altitude MSL (m)", values: field.lowestAltitudeMSL, unit: "m"),
      RasterBand(
        description: "lowest visible altitude AGL (m)", count: field.lowestAltitudeMSL.count, unit: "m",
        cells: field.lowestAltitudeAGL(from:into:)),
    ]
  }

  /// A network's GeoTIFF: bands 1 to 3; `radarOrder` says what band 3's index counts ("--site order"), and
  /// `radarNames` name its values 0, 1, ... (category names and a raster attribute table).
  static func network(_ network: NetworkCoverage, radarOrder: String, radarNames: [String]) -> [RasterBand] {
    [
      RasterBand(description: "lowest visible altitude MSL (m)", values: network.lowestAltitudeMSL, unit: "m"),
      RasterBand(
        description: "lowest visible altitude AGL (m)", count: network.geometry.width * network.geometry.height,
        unit: "m", cells: network.lowestAltitudeAGL(from:into:)),
      RasterBand(
        description: "index of the radar that sees lowest (\(radarOrder))",
        count: network.geometry.width * network.geometry.height, categoryNames: radarNames
      ) { first, strip in
        for offset in strip.indices {
          let radar = network.radarIndex(at: first + offset)
          strip[offset] = radar < 0 ? .nan : Float(radar)
        }
      },
    ]
  }

  /// The band the QGIS style draws: the lowest visible altitude AGL, classed as the quick-look maps are.
  static let styledBand = 2

  /// The QGIS style of every coverage GeoTIFF: band 2 in `CoverageMapStyle`'s classes and colours.
  static var style: QGISRasterStyle {
    QGISRasterStyle(band: styledBand, classes: CoverageMapStyle.palette)
  }
}
