import Foundation
import GeoRaster
import TestSupport
import Testing

/// `coverage --site` GIS outputs as an analyst opens them: styles beside the GeoTIFFs, radar names in band 3,
/// units, and `--cog`.
@Suite final class CoverageLayerCommandTests {
  let folder: TestFolder
  let dem: String

  /// 600 × 600 cells of 0.005° flat ground at 100 m: a 100 km radar's window is over 256 cells wide, so a COG has
  /// overviews.
  init() throws {
    folder = try TestFolder("layers")
    dem = folder("flat.tif")
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: [Float](repeating: 100, count: 600 * 600))],
      georeference: RasterGeoreference(
        originX: -71.5, originY: -10.5, cellWidth: 0.005, cellHeight: 0.005, width: 600, height: 600,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  func coverage(_ name: String, _ extra: [String]) throws -> AirPictureProcess.Result {
    try FileManager.default.createDirectory(atPath: folder(name + "-radars"), withIntermediateDirectories: true)
    return try AirPictureProcess.run(
      [
        "coverage", "--dem", dem, "--site=-12.0,-70.2,10,North", "--site=-12.3,-69.9,25,South", "--range-km", "100",
        "--out", folder(name + ".tif"), "--per-radar", folder(name + "-radars"),
      ] + extra)
  }

  @Test func theNetworkGeoTIFFNamesItsRadarsAndOpensStyled() throws {
    let result = try coverage("net", ["--kmz", folder("net.kmz")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("wrote \(folder("net.qml"))"))
    let raster = try RasterFileDescription.read(folder("net.tif"))
    #expect(raster.bands.prefix(2).map(\.unit) == ["m", "m"])
    #expect(raster.bands[2].categoryNames == ["North", "South"])
    #expect(raster.bands[2].attributeRows.map(\.name) == ["North", "South"])
    #expect(FileManager.default.fileExists(atPath: folder("net.tif.aux.xml")), "the names' sidecar is published")
    let overlay = try GroundOverlayWriter.contents(of: folder("net.kmz"))
    #expect(overlay.entries.contains { $0.hasSuffix(".png") })
    #expect(overlay.document.contains("coverage of North, South"))
    let tiles = try overlay.entries.filter { $0.hasSuffix(".kml") && $0 != "doc.kml" }.map {
      try GroundOverlayWriter.text(of: $0, in: folder("net.kmz"))
    }
    #expect(tiles.contains { $0.contains("<GroundOverlay>") })
    for style in [folder("net.qml"), folder("net-radars/00-north.qml"), folder("net-radars/01-south.qml")] {
      let read = try QGISRasterStyle.read(style)
      #expect(read.band == 2 && read.classes.count >= 2, "\(style)")
    }
  }

  @Test func cogWritesCloudOptimisedGeoTIFFsWithTheSameValues() throws {
    let plain = try coverage("plain", [])
    let cloud = try coverage("cloud", ["--cog"])
    #expect(plain.status == 0 && cloud.status == 0, "\(plain.stderr) \(cloud.stderr)")
    for (tiledPath, optimisedPath) in [
      (folder("plain.tif"), folder("cloud.tif")),
      (folder("plain-radars/01-south.tif"), folder("cloud-radars/01-south.tif")),
    ] {
      let tiled = try RasterFileDescription.read(tiledPath)
      let optimised = try RasterFileDescription.read(optimisedPath)
      #expect(optimised.imageStructure["LAYOUT"] == "COG")
      #expect(optimised.bands.isNonEmptyAndAll { !$0.overviews.isEmpty && $0.blockWidth == 256 })
      #expect(optimised.bands.map(\.categoryNames) == tiled.bands.map(\.categoryNames))
      #expect(tiled.bands.count == optimised.bands.count)
      for (a, b) in zip(tiled.bands, optimised.bands) {
        #expect(zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) })
      }
    }
  }

  @Test func aScenarioRunRefusesKMZAndAFailedRunLeavesNoStyle() throws {
    let scenario = AirPictureProcess.repository.appendingPathComponent("Scenarios/peru-2025.yaml").path
    let refused = try AirPictureProcess.run(["coverage", scenario, "--kmz", folder("s.kmz"), "--out", folder("s")])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("--kmz does not apply to a scenario run"), "\(refused.stderr)")
    // A site outside the DEM fails before anything is published: no GeoTIFF, style, sidecar or overlay.
    let failed = try AirPictureProcess.run([
      "coverage", "--dem", dem, "--site=-30.0,-70.0,10", "--out", folder("bad.tif"), "--kmz", folder("bad.kmz"),
    ])
    #expect(failed.status != 0)
    for name in ["bad.tif", "bad.qml", "bad.tif.aux.xml", "bad.kmz"] {
      #expect(!FileManager.default.fileExists(atPath: folder(name)), "\(name)")
    }
  }
}
