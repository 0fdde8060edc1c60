import Foundation
import OutputFiles
import Testing

/// Output paths are checked before any work: folders, links, devices and inputs are never replaced.
@Suite final class OutputFileTests {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-outputs-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  func path(_ name: String) -> String { folder + "/" + name }

  func reason(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as OutputError {
      return error.message
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func anExistingFolderIsRefusedAndKept() throws {
    try FileManager.default.createDirectory(atPath: path("precious/sub"), withIntermediateDirectories: true)
    try Data("thesis".utf8).write(to: URL(fileURLWithPath: path("precious/a.txt")))
    for given in [path("precious"), path("precious/"), path("precious/sub/..")] {
      let message = reason { _ = try OutputFile(given, option: "--out") }
      #expect(message?.contains("folder") == true, "\(given): \(message ?? "accepted")")
    }
    #expect(try String(contentsOfFile: path("precious/a.txt"), encoding: .utf8) == "thesis")
  }

  @Test func devicesFIFOsAndLinksAreRefused() throws {
    #expect(reason { _ = try OutputFile("/dev/null", option: "--summary-csv") }?.contains("character device") == true)
    #expect(mkfifo(path("pipe"), 0o600) == 0)
    #expect(reason { _ = try OutputFile(path("pipe"), option: "--out") }?.contains("FIFO") == true)
    try Data().write(to: URL(fileURLWithPath: path("target.tif")))
    #expect(symlink(path("target.tif"), path("link.tif")) == 0)
    #expect(reason { _ = try OutputFile(path("link.tif"), option: "--out") }?.contains("symbolic link") == true)
  }

  @Test func shortAndLongNamesAreAcceptedAndEmptyOrDotNamesRefused() throws {
    #expect(reason { _ = try OutputFile(path("a"), option: "--out") } == nil)
    #expect(reason { _ = try OutputFile("a", option: "--out") } == nil)
    #expect(reason { _ = try OutputFile(path(String(repeating: "n", count: 240) + ".tif"), option: "--out") } == nil)
    #expect(reason { _ = try OutputFile(path(String(repeating: "n", count: 252) + ".png"), option: "--png") } != nil)
    for given in ["", ".", "..", path(".."), path(".")] {
      #expect(reason { _ = try OutputFile(given, option: "--out") } != nil, "'\(given)' accepted")
    }
    #expect(reason { _ = try OutputFile(path("missing/x.tif"), option: "--out") }?.contains("does not exist") == true)
  }

  @Test func outputsMustDifferFromEachOtherAndFromInputs() throws {
    try Data("dem".utf8).write(to: URL(fileURLWithPath: path("dem.tif")))
    #expect(link(path("dem.tif"), path("hard.tif")) == 0)
    let dem = RunInput(option: "--dem", path: path("dem.tif"))
    for given in [path("dem.tif"), path("./dem.tif"), path("hard.tif")] {
      let message = reason { _ = try OutputTransaction([try OutputFile(given, option: "--out")], inputs: [dem]) }
      #expect(message?.contains("input --dem") == true, "\(given): \(message ?? "accepted")")
    }
    let same = reason {
      _ = try OutputTransaction(
        [try OutputFile(path("x.csv"), option: "--summary-csv"), try OutputFile(path("x.csv"), option: "--out")],
        inputs: [])
    }
    #expect(same?.contains("name the same file") == true)
    let sidecar = reason {
      _ = try OutputTransaction(
        [
          try OutputFile(path("map.png"), option: "--png", worldFile: true),
          try OutputFile(path("map.wld"), option: "--summary-csv"),
        ],
        inputs: [])
    }
    #expect(sidecar?.contains("sidecar") == true)
    #expect(try String(contentsOfFile: path("dem.tif"), encoding: .utf8) == "dem")
  }
}
