import CoverageKernel
import Foundation
import GeoRaster
import Testing

/// What an analyst's slips must never cost: existing folders, inputs, devices and earlier outputs survive every bad
/// `--out`, and an interrupted run leaves the earlier outputs or the new ones, never a mixture, and no temporaries.
@Suite struct OutputSafetyTests {
  let folder: TestFolder
  let dem: String
  var directory: String { folder.path }

  init() throws {
    folder = try TestFolder("safety")
    dem = folder("dem.tif")
    try Self.writeDEM(size: 200, to: dem)
  }

  static func writeDEM(size: Int, to path: String) throws {
    try GeoTIFFWriter.write(
      [
        RasterBand(
          description: "elevation (m)",
          values: RidgedFractalTerrain(seed: 9, relief: 1_500, wavelength: 50).heights(width: size, height: size))
      ],
      georeference: RasterGeoreference(
        originX: -70.2, originY: -11.8, cellWidth: 0.005, cellHeight: 0.005, width: size, height: size,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), compressed: false, to: path)
  }

  func path(_ name: String) -> String { directory + "/" + name }
  func write(_ text: String, _ name: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path(name))) }
  func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
  var temporaries: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
      $0.hasPrefix(".airpicture-")
    }
  }

  func coverage(_ extra: [String], in folder: String? = nil) throws -> AirPictureProcess.Result {
    try AirPictureProcess.run(
      ["coverage", "--dem", dem, "--site=-12.3,-69.7,10,Centre", "--range-km", "30"] + extra, in: folder)
  }

  func expectOneLineRefusal(_ result: AirPictureProcess.Result, mentioning text: String) {
    #expect(result.status != 0, "accepted: \(result.stdout)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(text), "\(result.stderr)")
  }

  @Test func anExistingFolderNamedAsAnyOutputIsRefusedAndKept() throws {
    try FileManager.default.createDirectory(atPath: path("precious/sub"), withIntermediateDirectories: true)
    try write("thesis", "precious/a.txt")
    for option in ["--out", "--png", "--summary-csv", "--summary-json"] {
      for given in [path("precious"), path("precious/")] {
        let extra = option == "--out" ? ["--out", given] : ["--out", path("ok.tif"), option, given]
        expectOneLineRefusal(try coverage(extra), mentioning: "folder")
      }
    }
    #expect(read("precious/a.txt") == "thesis")
    #expect(FileManager.default.fileExists(atPath: path("precious/sub")))
    #expect(!FileManager.default.fileExists(atPath: path("ok.tif")))
  }

  @Test func theInputDEMAndSharedPathsAreRefused() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: dem))
    expectOneLineRefusal(try coverage(["--out", dem]), mentioning: "input --dem")
    expectOneLineRefusal(try coverage(["--out", path("c.tif"), "--png", dem]), mentioning: "input --dem")
    expectOneLineRefusal(
      try coverage(["--out", path("c.tif"), "--summary-csv", path("t.txt"), "--summary-json", path("t.txt")]),
      mentioning: "same file")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dem)) == before)
    #expect(!FileManager.default.fileExists(atPath: path("c.tif")))
  }

  @Test func devicesAndDotNamesAreRefusedShortNamesWork() throws {
    expectOneLineRefusal(try coverage(["--out", path("c.tif"), "--summary-csv", "/dev/null"]), mentioning: "device")
    expectOneLineRefusal(try coverage(["--out", path("c.tif"), "--per-radar", ""]), mentioning: "--per-radar")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    try FileManager.default.createDirectory(atPath: path("s1/s2"), withIntermediateDirectories: true)
    try write("keep", "s1/keep.txt")
    for given in [".", "..", ""] {
      let result = try coverage(["--out", given], in: path("s1/s2"))
      #expect(result.status != 0 && result.stderr.split(separator: "\n").count == 1, "\(given): \(result.stderr)")
    }
    #expect(read("s1/keep.txt") == "keep")
    let short = try coverage(["--out", "a", "--png", "b"], in: path("s1/s2"))
    #expect(short.status == 0, "\(short.stderr)")
    #expect(
      FileManager.default.fileExists(atPath: path("s1/s2/a")) && FileManager.default.fileExists(atPath: path("s1/s2/b"))
    )
    let long = String(repeating: "x", count: 240) + ".tif"
    #expect(try coverage(["--out", long], in: path("s1/s2")).status == 0)
  }

  @Test func aRerunReplacesItsOwnOutputsAndLeavesNoTemporaries() throws {
    let outputs = ["--out", path("c.tif"), "--png", path("c.png"), "--summary-csv", path("c.csv")]
    #expect(try coverage(outputs).status == 0)
    let first = try Data(contentsOf: URL(fileURLWithPath: path("c.csv")))
    let again = try coverage(outputs + ["--altitudes-agl", "100"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path("c.csv"))) != first)
    #expect(temporaries.isEmpty, "\(temporaries)")
  }

  @Test func aScenarioOutputFolderThatIsNotAirPicturesIsRefused() throws {
    let scenario = AirPictureProcess.repository.appendingPathComponent("Scenarios/peru-2025-ssr-only.yaml").path
    let coarse = AirPictureProcess.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
    try FileManager.default.createDirectory(atPath: path("thesis"), withIntermediateDirectories: true)
    try write("chapter", "thesis/one.tex")
    let result = try AirPictureProcess.run(["coverage", scenario, "--dem", coarse, "--out", path("thesis")])
    expectOneLineRefusal(result, mentioning: "did not write")
    #expect(read("thesis/one.tex") == "chapter")
    try write("file", "plain")
    expectOneLineRefusal(
      try AirPictureProcess.run(["coverage", scenario, "--dem", coarse, "--out", path("plain")]),
      mentioning: "is a file")
    expectOneLineRefusal(
      try AirPictureProcess.run(["coverage", scenario, "--dem", coarse, "--out", ""]), mentioning: "empty")
    #expect(temporaries.isEmpty, "\(temporaries)")
  }

  /// SIGTERM while the run computes: its temporaries go at once, the earlier outputs stay.
  @Test(arguments: [SIGTERM, SIGINT])
  func anInterruptedRunRemovesItsTemporariesAndKeepsTheOldOutputs(signal: Int32) throws {
    let big = path("big.tif")
    try Self.writeDEM(size: 1_400, to: big)
    try FileManager.default.createDirectory(atPath: path("radars"), withIntermediateDirectories: true)
    try write("old", "n.tif")
    let sites = (0..<6).map { "--site=\(-13.0 - 0.4 * Double($0)),\(-69.0 - 0.5 * Double($0 % 3)),10,R\($0)" }
    let process = try AirPictureProcess.start(
      ["coverage", "--dem", big] + sites + [
        "--range-km", "120", "--threads", "1", "--out", path("n.tif"), "--per-radar", path("radars"),
      ])
    // Wait for the first per-radar temporary, then interrupt.
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline {
      let staged = ((try? FileManager.default.contentsOfDirectory(atPath: path("radars"))) ?? []).filter {
        $0.hasPrefix(".airpicture-")
      }
      if !staged.isEmpty { break }
      usleep(2_000)
    }
    #expect(process.isRunning, "the run ended before it could be interrupted")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
    #expect(read("n.tif") == "old")
    #expect(temporaries.isEmpty, "\(temporaries)")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: path("radars"))) ?? []).isEmpty)
  }

  /// kill -9 at several moments: the next run in the folder finishes or removes what the killed one left, and the
  /// outputs are then all from the earlier run or all from the killed one.
  @Test func aKilledRunNeverLeavesAMixture() throws {
    let big = path("mid.tif")
    try Self.writeDEM(size: 900, to: big)
    let names = ["k.tif", "k.png", "k.csv", "k.json"]
    for delay in [0.05, 0.2, 0.4, 0.7, 1.0] {
      for name in names { try write("old", name) }
      let process = try AirPictureProcess.start([
        "coverage", "--dem", big, "--site=-13.0,-69.2,10", "--site=-14.0,-67.5,10", "--range-km", "100",
        "--threads", "1", "--out", path("k.tif"), "--png", path("k.png"), "--summary-csv", path("k.csv"),
        "--summary-json", path("k.json"),
      ])
      usleep(useconds_t(delay * 1e6))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Any later run writing into the folder tidies up first.
      #expect(try coverage(["--out", path("tidy.tif")]).status == 0)
      let old = names.filter { read($0) == "old" }
      #expect(old.isEmpty || old.count == names.count, "after \(delay) s: old \(old)")
      #expect(temporaries.isEmpty, "after \(delay) s: \(temporaries)")
    }
  }
}

/// Many runs at once on one output, as a busy analyst's scripts do.
@Suite struct ConcurrentOutputTests {
  let folder: TestFolder
  let dem: String
  var directory: String { folder.path }

  init() throws {
    folder = try TestFolder("busy")
    dem = folder("dem.tif")
    try OutputSafetyTests.writeDEM(size: 200, to: dem)
  }

  /// Starts every run at once and collects (status, stderr).
  func runTogether(_ runs: [[String]]) throws -> [(status: Int32, stderr: String)] {
    let processes = try runs.map { arguments -> (Process, Pipe) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: AirPictureProcess.executable)
      process.arguments = arguments
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      return (process, errors)
    }
    return processes.map { process, errors in
      let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, text)
    }
  }

  @Test func twelveRunsOnOneOutputAllSucceedAndLeaveOneCompleteSet() throws {
    let runs = (0..<12).map { index in
      [
        "coverage", "--dem", dem, "--site=-12.3,-69.7,10", "--range-km", "\(20 + index)", "--threads", "1",
        "--out", directory + "/same.tif", "--summary-csv", directory + "/same.csv",
      ]
    }
    for (index, result) in try runTogether(runs).enumerated() {
      #expect(result.status == 0, "run \(index): \(result.stderr)")
    }
    let raster = try RasterDataset(path: directory + "/same.tif")
    #expect(raster.georeference.width > 10)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func sixScenarioRunsOnOneFolderLeaveOneCompleteRun() throws {
    let scenario = AirPictureProcess.repository.appendingPathComponent("Scenarios/peru-2025-ssr-only.yaml").path
    let coarse = AirPictureProcess.repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
    let out = directory + "/study"
    let results = try runTogether(
      (0..<6).map { _ in ["coverage", scenario, "--dem", coarse, "--threads", "1", "--out", out] })
    for (index, result) in results.enumerated() {
      #expect(result.status == 0, "run \(index): \(result.stderr)")
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/airpicture-manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let listed = Set(manifest["files"] as? [String] ?? [])
    let enumerator = FileManager.default.enumerator(atPath: out)
    var present: Set<String> = []
    while let name = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
        present.insert(name)
      }
    }
    #expect(present == listed.union(["airpicture-manifest.json"]))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
