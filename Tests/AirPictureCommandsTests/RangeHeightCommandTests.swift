import CoverageKernel
import Foundation
import GeoRaster
import Testing

/// `airpicture profile` and `airpicture vcd` from the command line: a chart and a table on a synthetic DEM, read back
/// through GDAL; bad input refused in one line with nothing written.
@Suite final class RangeHeightCommandTests {
  let folder: TestFolder
  let dem: String

  init() throws {
    folder = try TestFolder("range-height")
    dem = folder("dem.tif")
    let size = 200
    let heights = RidgedFractalTerrain(seed: 7, relief: 900, wavelength: 40).heights(width: size, height: size)
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation", values: heights.map { $0 + 150 })],
      georeference: RasterGeoreference(
        originX: -69.7, originY: -12.1, cellWidth: 0.005, cellHeight: 0.005, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  var radarTypes: String { AirPictureProcess.repository.appendingPathComponent("Scenarios/radar-types.yaml").path }

  /// Width and height of an image as GDAL reads it.
  func size(of png: String) throws -> (Int, Int) {
    let image = try PNGWriter.read(png)
    return (image.width, image.height)
  }

  @Test func profileWritesItsChartAndTableIntoANewFolder() throws {
    let out = folder("profile")
    let result = try AirPictureProcess.run(
      ["profile", "--dem", dem, "--site=-12.6,-69.2,10,Test", "--to=-12.45,-69.55", "--out", out], limit: 120)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try size(of: out + "/profile.png") == (1_000, 580))
    let csv = try String(contentsOfFile: out + "/profile.csv", encoding: .utf8).split(separator: "\n")
    #expect(csv[0].hasPrefix("distance_m,latitude_deg,longitude_deg,ground_msl_m,curvature_drop_m"))
    // About 41 km sampled every cell (about 545 m): some 75 rows, ending at the point asked for.
    #expect((60...100).contains(csv.count - 1))
    let last = csv.last!.split(separator: ",", omittingEmptySubsequences: false)
    #expect(abs(Double(last[1])! - -12.45) < 1e-5 && abs(Double(last[2])! - -69.55) < 1e-5)
    // Never below the ground.
    for row in csv.dropFirst() {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false)
      #expect(Double(fields[7])! >= -0.05)
    }
  }

  @Test func vcdWritesItsChartAndTableWithTheTypesContours() throws {
    let result = try AirPictureProcess.run(
      [
        "vcd", "--dem", dem, "--site=-12.6,-69.2,10", "--azimuth", "300", "--range-km", "40", "--radar-type",
        "an-tps-70", "--radar-types", radarTypes, "--png", folder("v.png"), "--csv", folder("v.csv"),
      ], limit: 120)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Pd 0.5 at 300 km"))
    #expect(try size(of: folder("v.png")) == (1_000, 640))
    let header = try String(contentsOfFile: folder("v.csv"), encoding: .utf8).split(separator: "\n")[0]
    #expect(header == "distance_m,ground_msl_m,lowest_visible_msl_m,ceiling_msl_m,pd_0_5_top_msl_m,pd_0_9_top_msl_m")
  }

  /// Expects a refusal: non-zero exit, one line on stderr naming `word`, and nothing in the test's folder but the DEM.
  func expectRefusal(_ arguments: [String], _ word: String) throws {
    let result = try AirPictureProcess.run(arguments, limit: 60)
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1 && result.stderr.contains(word), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["dem.tif"])
  }

  @Test func badInputIsRefusedWithNothingWritten() throws {
    let out = folder("out")
    try expectRefusal(
      ["profile", "--dem", dem, "--site=-14.6,-69.2,10", "--to=-12.45,-69.55", "--out", out], "outside")
    try expectRefusal(["profile", "--dem", dem, "--site=-12.6,-69.2,10", "--to=-12.6,-69.2", "--out", out], "--to")
    try expectRefusal(["profile", "--dem", dem, "--site=-12.6,-69.2,10", "--to=-12.6,-71.2", "--out", out], "leaves")
    try expectRefusal(
      ["vcd", "--dem", dem, "--site=-12.6,-69.2,10", "--azimuth", "360", "--range-km", "30", "--out", out], "azimuth")
    try expectRefusal(
      [
        "vcd", "--dem", dem, "--site=-12.6,-69.2,10", "--azimuth", "90", "--range-km", "30", "--radar-type", "nope",
        "--radar-types", radarTypes, "--out", out,
      ], "nope")
    try expectRefusal(
      ["vcd", "--dem", dem, "--site=-12.6,-69.2,10", "--azimuth", "90", "--out", out, "--png", folder("x.png")], "--out"
    )
  }
}
