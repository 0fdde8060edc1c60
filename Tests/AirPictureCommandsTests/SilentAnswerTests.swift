import CoverageKernel
import Foundation
import GeoRaster
import Testing

/// Answers that used to come out confidently wrong now come out right, flagged, or refused in one line.
@Suite struct SilentAnswerTests {
  let folder: TestFolder
  let dem: String
  var directory: String { folder.path }
  static let size = 160

  init() throws {
    folder = try TestFolder("silent")
    let directory = folder.path
    dem = directory + "/voids.tif"
    // Ridged terrain with an SRTM-style void patch (declared no-data -32768) under the first site and east of it.
    var heights = RidgedFractalTerrain(seed: 3, relief: 1_200, wavelength: 40).heights(
      width: Self.size, height: Self.size)
    for row in 70..<90 {
      for column in 70..<120 { heights[row * Self.size + column] = -32768 }
    }
    let path = directory + "/plain.tif"
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: heights)],
      georeference: RasterGeoreference(
        originX: -70.2, originY: -11.8, cellWidth: 0.005, cellHeight: 0.005, width: Self.size, height: Self.size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), compressed: false, to: path)
    try RasterDataset.translate(path, to: dem, arguments: ["-a_nodata", "-32768"])
  }

  func run(_ arguments: [String]) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(arguments)
  }

  /// The centre of cell (row, column) as "lat,lon".
  func cell(_ row: Int, _ column: Int) -> String {
    "\(-11.8 - (Double(row) + 0.5) * 0.005),\(-70.2 + (Double(column) + 0.5) * 0.005)"
  }

  @Test func aSiteOnAVoidIsRefusedUnlessItsGroundIsGiven() throws {
    let out = directory + "/site.tif"
    let refused = try run([
      "coverage", "--dem", dem, "--site=\(cell(80, 80)),10,Void", "--range-km", "20", "--out", out,
    ])
    #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("void") && refused.stderr.contains("GROUND_M"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let given = try run([
      "coverage", "--dem", dem, "--site=\(cell(80, 80)),10,Void,2500", "--range-km", "20", "--out", out,
    ])
    #expect(given.status == 0, "\(given.stderr)")
    let raster = try RasterDataset(path: out)
    #expect(raster.georeference.width > 10)
  }

  @Test func cellsBehindAVoidAreFlaggedInBandFourAndReported() throws {
    let out = directory + "/behind.tif"
    let result = try run([
      "coverage", "--dem", dem, "--site=\(cell(80, 40)),10,West", "--range-km", "30", "--out", out,
      "--summary-json", directory + "/behind.json",
    ])
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: directory + "/behind.json")))
    let percent = (json as? [String: Any])?["void_dependent_percent"] as? Double
    #expect(percent.map { $0 > 0 && $0 < 100 } == true, "\(String(describing: percent))")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("DEM voids") && result.stderr.contains("lower"), "\(result.stderr)")
    let band4 = try RasterDataset(path: "vrt://\(out)?bands=4")
    let reference = band4.georeference
    let flags = try band4.read(column: 0, row: 0, width: reference.width, height: reference.height)
    let flagged = flags.filter { $0 == 1 }.count
    #expect(flagged > 50, "only \(flagged) cells flagged behind the void")
    // Without voids in range there is no band 4 and no warning.
    let clean = try run([
      "coverage", "--dem", dem, "--site=\(cell(20, 20)),10,North", "--range-km", "5", "--out", directory + "/clean.tif",
    ])
    #expect(clean.status == 0 && !clean.stderr.contains("void"), "\(clean.stderr)")
    #expect(throws: (any Error).self) { _ = try RasterDataset(path: "vrt://\(self.directory)/clean.tif?bands=4") }
  }

  @Test func float32NaNVoidsAndAllVoidDEMsAreHandledTheSameWay() throws {
    // The same void patch as NaN in a Float32 DEM (GDAL's NaN no-data).
    let nan = directory + "/nan.tif"
    let values = try RasterDataset(path: dem).read(column: 0, row: 0, width: Self.size, height: Self.size)
    let georeference = try RasterDataset(path: dem).georeference
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: values)], georeference: georeference, to: nan)
    let refused = try run([
      "coverage", "--dem", nan, "--site=\(cell(80, 80)),10", "--range-km", "20", "--out", directory + "/n.tif",
    ])
    #expect(refused.status != 0 && refused.stderr.contains("void"), "\(refused.stderr)")
    let behind = try run([
      "coverage", "--dem", nan, "--site=\(cell(80, 40)),10", "--range-km", "30", "--out", directory + "/n.tif",
    ])
    #expect(behind.status == 0 && behind.stderr.contains("DEM voids"), "\(behind.stderr)")
    let empty = directory + "/empty.tif"
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: [Float](repeating: .nan, count: values.count))],
      georeference: georeference, to: empty)
    let none = try run([
      "coverage", "--dem", empty, "--site=\(cell(80, 40)),10,Blind,300", "--range-km", "30", "--out",
      directory + "/e.tif",
    ])
    #expect(none.status != 0 && none.stderr.split(separator: "\n").count == 1, "\(none.stderr)")
    #expect(none.stderr.contains("no-data"), "\(none.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory + "/e.tif"))
    let bench = try run(["bench", "--dem", empty, "--no-gdal", "--repeats", "1"])
    #expect(bench.status != 0 && bench.stderr.split(separator: "\n").count == 1, "\(bench.stderr)")
  }

  @Test func voidsFilledOnRequestLeaveNothingFlagged() throws {
    let out = directory + "/filled.tif"
    let result = try run([
      "coverage", "--dem", dem, "--site=\(cell(80, 40)),10,West", "--range-km", "30", "--fill-voids", "50", "--out",
      out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("filled") && result.stderr.contains("estimated"), "\(result.stderr)")
    #expect(!result.stderr.contains("lower bounds"), "\(result.stderr)")
    #expect(throws: (any Error).self) { _ = try RasterDataset(path: "vrt://\(out)?bands=4") }
    // The filled cells are terrain now: the site inside the former void is accepted.
    let inside = try run([
      "coverage", "--dem", dem, "--site=\(cell(80, 80)),10", "--range-km", "10", "--fill-voids", "50",
      "--out", directory + "/inside.tif",
    ])
    #expect(inside.status == 0, "\(inside.stderr)")
  }

  @Test func aRunThatCannotFitIsRefusedWithItsEstimate() throws {
    let out = directory + "/big.tif"
    let result = try AirPictureProcess.run(
      ["coverage", "--dem", dem, "--site=\(cell(20, 20)),10", "--range-km", "80", "--out", out],
      environment: ["AIRPICTURE_MEMORY_LIMIT_MB": "1"])
    let stderr = result.stderr
    #expect(result.status != 0 && stderr.split(separator: "\n").count == 1, "\(stderr)")
    #expect(stderr.contains("needs about") && stderr.contains("--range-km"), "\(stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func degenerateGeometryIsRefusedInOneLine() throws {
    for (arguments, word) in [
      (["--site=\(cell(20, 20)),10", "--sector", "90,90"], "sector"),
      (["--site=\(cell(20, 20)),10", "--sector", "450,90"], "sector"),
      (["--site=90,-69.8,10"], "dem"),
      (["--site=\(cell(20, 20)),2000000"], "height"),
    ] {
      let result = try run(
        ["coverage", "--dem", dem, "--range-km", "10", "--out", directory + "/never.tif"] + arguments)
      #expect(result.status != 0 && result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
      #expect(result.stderr.lowercased().contains(word), "\(arguments): \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: directory + "/never.tif"))
  }
}
