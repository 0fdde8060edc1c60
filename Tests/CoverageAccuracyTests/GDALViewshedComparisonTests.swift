import CoverageKernel
import CoverageReference
import Foundation
import GeoRaster
import Testing

/// GDAL's own `gdal_viewshed -om GROUND` and the kernel, each against the exact reference, on the same projected
/// DEM and observer (skipped without gdal-bin or the shared terrain).
@Suite struct GDALViewshedComparisonTests {
  static func tool(_ name: String) -> String? {
    ["/usr/bin", "/usr/local/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let available =
    tool("gdal_viewshed") != nil && tool("gdalwarp") != nil && SharedData.terrain("north_peru_3s_srtm3.tif") != nil

  static func run(_ tool: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.tool(tool)!)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(tool) failed")
  }

  @Test(.enabled(if: available))
  func kernelMisclassifiesFewerCellsThanGDAL() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-gdal-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Cajamarca, northern Andes, reprojected to UTM 17S at 90 m.
    let (latitude, longitude, range) = (-7.16, -78.51, 40_000.0)
    let utm = SpatialReference(wkt: "EPSG:32717")!
    let centre = try SpatialReference.wgs84().transform([(longitude, latitude)], to: utm)[0]
    let x = (centre.x / 90).rounded() * 90 + 45
    let y = (centre.y / 90).rounded() * 90 + 45
    let half = range + 900
    let dem = directory.appendingPathComponent("dem.tif").path
    try Self.run(
      "gdalwarp",
      [
        "-q", "-t_srs", "EPSG:32717", "-tr", "90", "90", "-r", "bilinear", "-te", "\(x - 45 - half)",
        "\(y - 45 - half)", "\(x - 45 + half)", "\(y - 45 + half)", SharedData.terrain("north_peru_3s_srtm3.tif")!,
        dem,
      ])
    let output = directory.appendingPathComponent("viewshed.tif").path
    try Self.run(
      "gdal_viewshed",
      [
        "-q", "-ox", "\(x)", "-oy", "\(y)", "-oz", "10", "-tz", "0", "-md", "\(range)", "-cc", "0.75", "-om",
        "GROUND", "-ov", "-9999", dem, output,
      ])
    let scene = try SharedData.scene(path: dem, latitude: y, longitude: x, range: range)
    #expect(scene.terrain.geometry.coordinateSystem == .projected)
    let gdalDataset = try RasterDataset(path: output)
    let gdalWindow = gdalDataset.georeference
    let gdal = try gdalDataset.read(column: 0, row: 0, width: gdalWindow.width, height: gdalWindow.height)
    let ours = try LineOfSightKernel().coverage(of: scene.site, over: scene.terrain)
    let reference = ExactLineOfSight().evaluate(site: scene.site, terrain: scene.terrain, stride: 3)
    // The scene window and GDAL's output share the DEM's grid; map scene cells to DEM cells.
    let full = GridGeometry(
      coordinateSystem: .projected, originX: gdalWindow.originX, originY: gdalWindow.originY, cellWidth: 90,
      cellHeight: 90, width: gdalWindow.width, height: gdalWindow.height)
    let offset = full.window(of: scene.terrain.geometry)
    for altitude: Float in [0, 150, 300] {
      var compared = 0
      var gdalWrong = 0
      var oursWrong = 0
      for (index, expected) in reference where !expected.isNaN {
        let row = index / scene.terrain.geometry.width
        let column = index % scene.terrain.geometry.width
        let gdalValue = gdal[(row + offset.row) * full.width + column + offset.column]
        guard gdalValue > -9_000 else { continue }
        let ground = scene.terrain.heights[index]
        let truth = expected - ground <= altitude
        compared += 1
        if (gdalValue <= altitude) != truth { gdalWrong += 1 }
        if ours.isVisible(index, altitudeAGL: altitude) != truth { oursWrong += 1 }
      }
      let gdalShare = Double(gdalWrong) / Double(compared)
      let oursShare = Double(oursWrong) / Double(compared)
      print(
        String(
          format: "gdal_viewshed vs exact at %4.0f m AGL: GDAL misclassifies %.3f %%, AirPicture %.3f %% of %d cells",
          altitude, gdalShare * 100, oursShare * 100, compared))
      #expect(compared > 15_000)
      #expect(oursShare <= gdalShare)
      #expect(oursShare <= 0.01)
    }
  }
}
