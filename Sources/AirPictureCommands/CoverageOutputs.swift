import CoverageStudy
import OutputFiles

/// The files an ad-hoc `coverage` run writes, checked before any computing: the network GeoTIFF, the optional
/// quick-look, tables and per-radar GeoTIFFs, each GeoTIFF with its QGIS style (`.qml`) beside it, in the order
/// they are published.
struct CoverageOutputs {
  let raster: OutputFile
  /// The network GeoTIFF's QGIS style.
  let style: OutputFile
  let png: OutputFile?
  let csv: OutputFile?
  let json: OutputFile?
  /// The Google Earth overlay.
  let kmz: OutputFile?
  /// One per site, in `--site` order, when `--per-radar` is given.
  let perRadar: [OutputFile]
  /// Their QGIS styles, in the same order.
  let perRadarStyles: [OutputFile]

  /// Checks every output path of `command` for sites named `siteNames`.
  init(command: CoverageCommand, siteNames: [String]) throws {
    raster = try OutputFile(command.out ?? "coverage.tif", option: "--out")
    style = try OutputFile(CoverageRasterFiles.stylePath(for: raster.path), option: "--out")
    png = try command.png.map { try OutputFile($0, option: "--png", worldFile: true) }
    csv = try command.summaryCSV.map { try OutputFile($0, option: "--summary-csv") }
    json = try command.summaryJSON.map { try OutputFile($0, option: "--summary-json") }
    kmz = try command.kmz.map { try OutputFile($0, option: "--kmz") }
    if let directory = command.perRadar {
      guard !directory.isEmpty else { throw OutputError("--per-radar is empty; give a folder") }
      perRadar = try siteNames.enumerated().map { index, name in
        let file = SiteNetworkStudy.fileName(for: name, index: index) + ".tif"
        return try OutputFile(
          directory.hasSuffix("/") ? directory + file : directory + "/" + file, option: "--per-radar")
      }
    } else {
      perRadar = []
    }
    perRadarStyles = try perRadar.map {
      try OutputFile(CoverageRasterFiles.stylePath(for: $0.path), option: "--per-radar")
    }
  }

  /// Every output, in publication order: per-radar GeoTIFFs and styles, tables, quick-look, the network's style,
  /// and the network GeoTIFF last.
  var all: [OutputFile] { perRadar + perRadarStyles + [csv, json, png, kmz].compactMap { $0 } + [style, raster] }
}
