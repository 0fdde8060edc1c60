import ArgumentParser
import Foundation
import GeoRaster

/// `airpicture terrain fetch`: a DEM of Copernicus tiles over HTTP through GDAL's `/vsicurl/`.
struct TerrainFetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Mosaic Copernicus DEM tiles (GLO-90 or GLO-30) over a box into a VRT or GeoTIFF (needs internet).")

  @Option(help: "Box W,S,E,N in degrees.")
  var bbox: String

  @Option(help: "glo90 (3\", about 90 m) or glo30 (1\", about 30 m).")
  var source: String = "glo90"

  @Option(help: "Output: .vrt keeps tiles remote, .tif downloads the box into a GeoTIFF.")
  var out: String = "dem.tif"

  func run() throws {
    let numbers = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard numbers.count == 4, numbers[0] < numbers[2], numbers[1] < numbers[3], numbers[1] >= -90, numbers[3] <= 90,
      numbers[0] >= -180, numbers[2] <= 180
    else { throw CommandError("--bbox must be W,S,E,N in degrees with W < E and S < N, got '\(bbox)'") }
    guard let product = CopernicusTiles.Source(rawValue: source) else {
      throw CommandError("--source must be glo90 or glo30, got '\(source)'")
    }
    let corners = CopernicusTiles.corners(west: numbers[0], south: numbers[1], east: numbers[2], north: numbers[3])
    guard corners.count <= 400 else { throw CommandError("--bbox spans \(corners.count) tiles; keep it under 400") }
    let tiles = CopernicusTiles(source: product)
    do {
      try AtomicOutput.checkDirectory(of: out)
      let count = try RasterMosaic.build(
        sources: corners.map { tiles.path(latitude: $0.latitude, longitude: $0.longitude) },
        bounds: (numbers[0], numbers[1], numbers[2], numbers[3]), to: out)
      print("wrote \(out) from \(count) of \(corners.count) Copernicus \(source.uppercased()) tiles")
      print(
        "Copernicus DEM: produced using Copernicus WorldDEM-30/90, (c) DLR e.V. 2010-2014 and (c) Airbus 2014-2018, provided under COPERNICUS by the European Union and ESA"
      )
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    }
  }
}
