import AirPictureCommands
import Foundation
import GeoRaster
import Testing

@Suite struct TerrainFetchTests {
  @Test func tilesAreNamedBySouthWestCorner() {
    let glo90 = CopernicusTiles(source: .glo90)
    #expect(glo90.name(latitude: -13, longitude: -72) == "Copernicus_DSM_COG_30_S13_00_W072_00_DEM")
    #expect(
      CopernicusTiles(source: .glo30).name(latitude: 5, longitude: 8) == "Copernicus_DSM_COG_10_N05_00_E008_00_DEM")
    #expect(
      glo90.path(latitude: -13, longitude: -72)
        == "/vsicurl/https://copernicus-dem-90m.s3.amazonaws.com/Copernicus_DSM_COG_30_S13_00_W072_00_DEM/Copernicus_DSM_COG_30_S13_00_W072_00_DEM.tif"
    )
    #expect(
      CopernicusTiles(source: .glo30, mirror: "http://127.0.0.1:8080/dem/").path(latitude: 5, longitude: 8)
        == "/vsicurl/http://127.0.0.1:8080/dem/Copernicus_DSM_COG_10_N05_00_E008_00_DEM/Copernicus_DSM_COG_10_N05_00_E008_00_DEM.tif"
    )
  }

  @Test func aBoxCoversEveryTileItTouches() {
    let corners = CopernicusTiles.corners(west: -72.5, south: -13.5, east: -71.2, north: -12.0)
    #expect(corners.count == 4)
    #expect(corners.contains { $0 == (-14, -73) } && corners.contains { $0 == (-13, -72) })
    #expect(CopernicusTiles.corners(west: -72, south: -13, east: -71, north: -12).count == 1)
  }

  /// A server that never answers must cost the deadline once, then one line, and leave no file anywhere.
  @Test(arguments: ["dem.tif", "dem.vrt"])
  func aSilentServerTimesOutAsAWholeAndWritesNothing(output: String) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let server = try SilentServer()
    defer { server.stop() }
    let deadline = 2.0
    let started = Date()
    let result = try runFetch(
      [
        "terrain", "fetch", "--bbox=-74,-14,-71,-12", "--mirror", "http://127.0.0.1:\(server.port)",
        "--timeout-s", "\(deadline)", "--out", folder.output.appendingPathComponent(output).path,
      ], temporaryDirectory: folder.temporaries)
    let elapsed = Date().timeIntervalSince(started)
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("airpicture: error: terrain fetch gave up after 2 s (--timeout-s)") == true)
    #expect(
      result.stderr.contains("0 of 6 tiles arrived; 6 did not finish in time from http://127.0.0.1:\(server.port)"))
    #expect(result.stderr.contains("Copernicus_DSM_COG_30_S14_00_W074_00_DEM"))
    #expect(elapsed >= deadline * 0.9, "gave up after \(elapsed) s, before the deadline: the server was not reached")
    #expect(elapsed < deadline + 6, "took \(elapsed) s for a \(deadline) s deadline")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.output.path) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.temporaries.path) == [])
  }

  /// Tiles fetched in parallel and cut to the box give the same cells as the tiles themselves.
  @Test func aMosaicOfLocalTilesKeepsEveryCellOfTheBox() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let tiles = try [(-13, -73), (-13, -72), (-14, -73), (-14, -72)].map { corner in
      try writeTile(south: corner.0, west: corner.1, in: folder.temporaries)
    }
    let fractions = FractionLog()
    let path = folder.output.appendingPathComponent("box.tif").path
    let count = try RasterMosaic.build(
      sources: tiles, bounds: (-72.55, -13.45, -71.25, -12.15), to: path,
      limits: TileFetchLimits(timeoutSeconds: 60, connections: 3), progress: { fractions.append($0) })
    #expect(count == 4)
    #expect(abs((fractions.values.max() ?? 0) - 1) < 1e-9)
    let mosaic = try RasterDataset(path: path)
    let grid = mosaic.georeference
    #expect(grid.width == 130 && grid.height == 130)
    #expect(abs(grid.originX + 72.55) < 1e-9 && abs(grid.originY + 12.15) < 1e-9)
    let values = try mosaic.read(column: 0, row: 0, width: grid.width, height: grid.height)
    var wrong = 0
    for row in 0..<grid.height {
      for column in 0..<grid.width {
        let expected = Self.elevation(
          longitude: grid.originX + (Double(column) + 0.5) * grid.cellWidth,
          latitude: grid.originY - (Double(row) + 0.5) * grid.cellHeight)
        if abs(Double(values[row * grid.width + column]) - expected) > 0.01 { wrong += 1 }
      }
    }
    #expect(wrong == 0)
    let vrt = folder.output.appendingPathComponent("box.vrt").path
    #expect(try RasterMosaic.build(sources: tiles, bounds: (-72.55, -13.45, -71.25, -12.15), to: vrt) == 4)
    #expect(try RasterDataset(path: vrt).georeference.width == 200)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.output.path).sorted() == ["box.tif", "box.vrt"])
  }

  /// A tile that fails for any reason but absence is refused, not silently left out of the mosaic.
  @Test func aTileThatCannotBeReadIsRefusedNotSkipped() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let tile = try writeTile(south: -13, west: -73, in: folder.temporaries)
    let broken = folder.temporaries.appendingPathComponent("not-a-raster.tif").path
    try Data("not a GeoTIFF".utf8).write(to: URL(fileURLWithPath: broken))
    let path = folder.output.appendingPathComponent("box.tif").path
    #expect {
      _ = try RasterMosaic.build(
        sources: [tile, broken], bounds: (-73, -13, -71, -12), to: path, limits: TileFetchLimits(connections: 1))
    } throws: { error in
      let message = (error as? GeoRasterError)?.message ?? ""
      return message.hasPrefix("cannot fetch \(broken): ") && message.hasSuffix("(1 of 2 tiles had arrived)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.output.path) == [])
  }

  /// A smooth, recognisable surface: every cell's value encodes its position.
  static func elevation(longitude: Double, latitude: Double) -> Double {
    (longitude + 80) * 100 + (latitude + 20) * 10
  }

  private func writeTile(south: Int, west: Int, in folder: URL) throws -> String {
    let size = 100
    let cell = 0.01
    var values = [Float](repeating: 0, count: size * size)
    for row in 0..<size {
      for column in 0..<size {
        values[row * size + column] = Float(
          Self.elevation(
            longitude: Double(west) + (Double(column) + 0.5) * cell,
            latitude: Double(south + 1) - (Double(row) + 0.5) * cell))
      }
    }
    let path = folder.appendingPathComponent("tile_\(south)_\(west).tif").path
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation", values: values)],
      georeference: RasterGeoreference(
        originX: Double(west), originY: Double(south + 1), cellWidth: cell, cellHeight: cell, width: size,
        height: size, crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: path)
    return path
  }

  private func runFetch(_ arguments: [String], temporaryDirectory: URL) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(arguments, environment: ["TMPDIR": temporaryDirectory.path])
  }
}

/// Two empty folders the test owns: one for outputs, one to serve as the command's `TMPDIR` and for inputs.
private struct ScratchFolder {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-fetch-test-\(UUID())")
  var output: URL { root.appendingPathComponent("out") }
  var temporaries: URL { root.appendingPathComponent("tmp") }

  init() throws {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: temporaries, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Fractions reported from any thread.
private final class FractionLog: @unchecked Sendable {
  private let lock = NSLock()
  private var logged: [Double] = []
  var values: [Double] { lock.withLock { logged } }
  func append(_ value: Double) { lock.withLock { logged.append(value) } }
}

/// A TCP socket on 127.0.0.1 that completes connections (the kernel's listen backlog accepts them) and never
/// sends a byte.
private final class SilentServer {
  let port: Int
  private let socketDescriptor: Int32

  init() throws {
    #if os(Linux)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(descriptor, generic, length) == 0 && listen(descriptor, 128) == 0
          && getsockname(descriptor, generic, &length) == 0
      }
    }
    guard bound else {
      close(descriptor)
      throw CocoaError(.fileWriteUnknown)
    }
    socketDescriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  func stop() { close(socketDescriptor) }
}
