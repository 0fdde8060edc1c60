import CoverageKernel
import Foundation
import GeoRaster
import Testing

/// `airpicture terrain generate` as an analyst runs it: the grid asked for, Int16 on WGS 84, the seeded terrain
/// the bench uses, the same file for the same seed, and bad input refused in one line with nothing written.
@Suite struct TerrainGenerateTests {
  static let arguments = [
    "terrain", "generate", "--cell-arcsec", "3", "--columns", "300", "--rows", "280", "--north", "-10", "--west",
    "-75", "--relief-m", "3000", "--base-m", "200",
  ]

  func generate(_ extra: [String], out: String) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(Self.arguments + extra + ["--out", out], limit: 120)
  }

  @Test func aSmallDEMReadsBackAsTheSeededTerrainOnItsGrid() throws {
    let folder = try TestFolder("generate")
    let result = try generate(["--seed", "7"], out: folder("a.tif"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("300 x 280 cells of 3\""))
    let raster = try RasterDataset(path: folder("a.tif"))
    let grid = raster.georeference
    #expect(grid.width == 300 && grid.height == 280 && grid.isGeographic)
    #expect(grid.originX == -75 && grid.originY == -10)
    #expect(abs(grid.cellWidth - 1.0 / 1_200) < 1e-15 && abs(grid.cellHeight - 1.0 / 1_200) < 1e-15)
    #expect(raster.noDataValue == -32_768)
    let values = try raster.read(column: 0, row: 0, width: 300, height: 280)
    let terrain = RidgedFractalTerrain(seed: 7, relief: 3_000)
    var wrong = 0
    for (index, value) in values.enumerated()
    where Double(value) != (200 + terrain.height(x: Double(index % 300), y: Double(index / 300))).rounded() {
      wrong += 1
    }
    #expect(wrong == 0, "\(wrong) cells differ from the seeded terrain")
    #expect(values.min()! >= 200 && values.max()! <= 3_200 && values.max()! - values.min()! > 500)
    #expect(try Self.dataType(of: folder("a.tif")) == "Int16")
  }

  @Test func theSameSeedGivesTheSameHeightsAndAnotherSeedOthers() throws {
    let folder = try TestFolder("generate-seed")
    for (name, seed) in [("a.tif", "11"), ("b.tif", "11"), ("c.tif", "12")] {
      #expect(try generate(["--seed", seed], out: folder(name)).status == 0)
    }
    func heights(_ name: String) throws -> [Float] {
      try RasterDataset(path: folder(name)).read(column: 0, row: 0, width: 300, height: 280)
    }
    #expect(try heights("a.tif") == heights("b.tif"))
    #expect(try heights("a.tif") != heights("c.tif"))
  }

  @Test(arguments: [
    (["--columns", "0"], "--columns and --rows must be at least 2"),
    (["--cell-arcsec", "3600", "--rows", "200"], "run past the poles"),
    (["--relief-m", "40000"], "Int16"),
  ])
  func badInputIsRefusedInOneLineWithNoFile(extra: [String], words: String) throws {
    let folder = try TestFolder("generate-bad")
    let result = try generate(extra, out: folder("bad.tif"))
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(words), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test func aMissingFolderIsRefusedInOneLine() throws {
    let folder = try TestFolder("generate-missing")
    let result = try generate([], out: folder("absent/dem.tif"))
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("absent"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  /// Band 1's data type as `gdalinfo -json` reports it.
  static func dataType(of path: String) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gdalinfo", "-json", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let bands = json?["bands"] as? [[String: Any]]
    return bands?.first?["type"] as? String
  }
}
