import Foundation
import GeoRaster

/// How the coverage GeoTIFFs are written, and the QGIS style written beside each so that it opens classed and
/// coloured as the maps are (band 2, lowest visible altitude AGL, in `CoverageMapStyle`'s classes).
public struct CoverageRasterFiles: Sendable {
  /// Tiled GeoTIFFs, or Cloud-Optimised ones with overviews (`--cog`).
  public var layout: GeoTIFFWriter.Layout

  /// Writes coverage GeoTIFFs in `layout`.
  public init(layout: GeoTIFFWriter.Layout = .tiled) { self.layout = layout }

  /// Writes Cloud-Optimised GeoTIFFs when `cloudOptimised` (`--cog`), tiled ones otherwise.
  public init(cloudOptimised: Bool) { layout = cloudOptimised ? .cloudOptimised : .tiled }

  /// The QGIS style beside `raster`: the same name with `.qml` (QGIS loads it as the layer's default style).
  public static func stylePath(for raster: String) -> String {
    (raster as NSString).deletingPathExtension + ".qml"
  }

  /// Writes `bands` to `raster` and the QGIS style to `style`.
  func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)],
    to raster: String, style: String
  ) throws {
    try GeoTIFFWriter.write(bands, georeference: georeference, metadata: metadata, layout: layout, to: raster)
    try CoverageBands.style.write(to: style)
  }

  /// Writes `bands` to `raster` and its style beside it; returns both paths.
  func write(
    _ bands: [RasterBand], georeference: RasterGeoreference, metadata: [(key: String, value: String)],
    besideStyle raster: String
  ) throws -> [String] {
    let style = Self.stylePath(for: raster)
    try write(bands, georeference: georeference, metadata: metadata, to: raster, style: style)
    return [raster, style]
  }
}
