import Foundation
import TestSupport
import Testing

/// `report.html` of `run` and `compare`: rendered in headless Chromium with no console error, the executive summary,
/// the map with its layers, feasibility flags, assumptions with their tags, and provenance with true SHA-256 digests.
@Suite final class BriefingReportTests {
  let folder: TestFolder
  static let repository = AirPictureProcess.repository
  static let coarseDEM = repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path
  static let today = repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path
  static let planned = repository.appendingPathComponent("Scenarios/interdiction-planned.yaml").path

  init() throws { folder = try TestFolder("report") }

  /// Renders `path`, failing the test with the reason when Chromium is missing or logged a console error.
  func rendered(_ path: String) throws -> HeadlessChromium.Rendering? {
    let (chromium, reason) = HeadlessChromium.binary()
    guard let chromium else {
      Issue.record(Comment(rawValue: reason))
      return nil
    }
    let rendering = try HeadlessChromium.render(path, chromium: chromium)
    #expect(rendering.consoleErrors.isEmpty, "console errors: \(rendering.consoleErrors)")
    #expect(rendering.dom.contains("</html>"), "Chromium rendered nothing")
    return rendering
  }

  @Test func theConsoleCheckCatchesAScriptError() throws {
    let page = folder("broken.html")
    try "<!doctype html><html><body><script>undefinedFunction();</script></body></html>".write(
      toFile: page, atomically: true, encoding: .utf8)
    let (chromium, reason) = HeadlessChromium.binary()
    guard let chromium else {
      Issue.record(Comment(rawValue: reason))
      return
    }
    #expect(!(try HeadlessChromium.render(page, chromium: chromium)).consoleErrors.isEmpty)
  }

  @Test func aRunReportRendersItsSummaryMapAndFlags() throws {
    let out = folder("run")
    let result = try AirPictureProcess.run([
      "run", Self.today, "--dem", Self.coarseDEM, "--flights", "120", "--seed", "5", "--map-flights", "12",
      "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = out + "/report.html"
    let html = try String(contentsOfFile: report, encoding: .utf8)
    // Self-contained: no linked style sheet or script, no image but data URIs.
    #expect(!html.contains("<link") && !html.contains("<script src") && !html.contains("<img src=\"http"))
    #expect(!html.contains("coverage/integrated--") && !html.contains("url(images/"))
    #expect(html.contains("data:image/png;base64,"), "no coverage overlay embedded")
    // Coverage per configuration and altitude: the maps at each of the network's flight levels are overlays too.
    #expect(["FL100", "FL150", "FL250"].isNonEmptyAndAll { html.contains(", at \($0)") }, "no flight-level overlay")
    // The F-16 at US$285 M buys 12 aircraft, 2 alert pairs at six aircraft a pair: the forward basing keeps 3.
    #expect(html.contains("NO: needs 3 alert pairs, budget sustains 2"))
    #expect(html.contains("flight hours only"))
    #expect(html.contains("class=\"tag assumption\"") && html.contains("class=\"tag source\""))
    // Every mapped flight's track carries the popup a click opens, with its outcome (in the map's JSON, "</" is "<\\/").
    #expect((0..<12).isNonEmptyAndAll { html.contains("<b>Flight \($0)<\\/b>:") }, "a mapped flight has no popup")
    #expect(html.contains("Intercepted in "))
    let digest = try Self.sha256sum(Self.today)
    #expect(html.contains(digest), "the report lacks the scenario's SHA-256 \(digest)")
    // The commit of the clone the tested executable was built in (the tests run from that clone).
    let head = try Self.gitHead()
    #expect(head.count == 40 && html.contains(head), "the report lacks the source tree's commit \(head)")
    guard let rendering = try rendered(report) else { return }
    let dom = rendering.dom
    #expect(dom.contains("id=\"summary\"") && dom.contains("Executive summary"))
    #expect(dom.contains("best affordable option") && dom.contains("What integrated buys"))
    #expect(dom.contains("leaflet-container"), "Leaflet did not build the map")
    #expect(dom.contains("leaflet-image-layer"), "no coverage overlay on the map")
    #expect(dom.contains("leaflet-control-layers"), "no layer control")
    #expect(dom.contains("map-legend"), "no map legend")
    #expect(dom.components(separatedBy: "leaflet-interactive").count > 12, "too few drawn features")
    #expect(dom.contains("data-layers="), "the map script did not finish")
  }

  @Test func aCompareReportShowsPlannedMinusTodayAndAMap() throws {
    let out = folder("compare")
    let result = try AirPictureProcess.run([
      "compare", Self.today, Self.planned, "--dem", Self.coarseDEM, "--flights", "80", "--seed", "2",
      "--map-flights", "6", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = out + "/report.html"
    let html = try String(contentsOfFile: report, encoding: .utf8)
    #expect(html.contains("Planned minus today") && html.contains("What the planned radars buy"))
    #expect(html.contains(try Self.sha256sum(Self.planned)))
    // Each scenario's coverage maps in a folder of its own, and on the map as layers named after the scenario.
    let scenarios = [
      (id: "interdiction-2025", title: try Self.title(of: Self.today)),
      (id: "interdiction-planned", title: try Self.title(of: Self.planned)),
    ]
    for scenario in scenarios {
      let coverage = out + "/coverage/" + scenario.id
      let maps = ((try? FileManager.default.contentsOfDirectory(atPath: coverage)) ?? []).filter {
        $0.hasSuffix(".png")
      }
      #expect(maps.isNonEmptyAndAll { FileManager.default.fileExists(atPath: coverage + "/" + $0) }, "\(coverage)")
      #expect(html.contains("\"name\":\"\(scenario.title): coverage, "), "no coverage overlay of \(scenario.id)")
      #expect(html.contains("\"\(scenario.title): Flight tracks (click"), "no flight tracks of \(scenario.id)")
      #expect(html.contains("Scenario: \(scenario.title)"), "no flight popup of \(scenario.id)")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/coverage/integrated--cooperative.png"))
    // Every mapped flight has a popup with its outcome in both scenarios (in the map's JSON, "</" is "<\\/").
    #expect(
      (0..<6).isNonEmptyAndAll { html.components(separatedBy: "<b>Flight \($0)<\\/b>:").count == 3 },
      "a mapped flight lacks its popup in a scenario")
    guard let rendering = try rendered(report) else { return }
    let dom = rendering.dom
    #expect(dom.contains("Executive summary") && dom.contains("leaflet-container"))
    #expect(dom.contains("data-layers="), "the map script did not finish")
    #expect(dom.contains("leaflet-image-layer"), "no coverage overlay on the map")
    #expect(
      scenarios.isNonEmptyAndAll { dom.contains("\($0.title): Flight tracks (click") },
      "the layer control lacks a scenario's tracks")
  }

  @Test func aCompareWithoutCoverageMapsWritesNoCoverageFolder() throws {
    let out = folder("compare-no-coverage")
    let result = try AirPictureProcess.run([
      "compare", Self.today, Self.planned, "--dem", Self.coarseDEM, "--flights", "20", "--no-coverage-maps",
      "--map-flights", "0", "--out", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
    #expect(!FileManager.default.fileExists(atPath: out + "/coverage"))
  }

  @Test func aCompareRefusesTwoScenariosWithOneIdBeforeAnyOutput() throws {
    // A copy of today's scenario among copies of the files it names: a distinct path with the same id.
    let copy = folder("scenarios")
    try FileManager.default.copyItem(atPath: Self.repository.appendingPathComponent("Scenarios").path, toPath: copy)
    try FileManager.default.copyItem(atPath: Self.today, toPath: copy + "/same-id.yaml")
    let out = folder("compare-same-id")
    let result = try AirPictureProcess.run([
      "compare", Self.today, copy + "/same-id.yaml", "--dem", Self.coarseDEM, "--flights", "10", "--out", out,
    ])
    #expect(result.status != 0 && result.stderr.contains("share the id"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aCompareRefusesNegativeMapFlightsBeforeAnyOutput() throws {
    let out = folder("compare-negative")
    let result = try AirPictureProcess.run([
      "compare", Self.today, Self.planned, "--dem", Self.coarseDEM, "--map-flights", "-1", "--out", out,
    ])
    #expect(result.status != 0 && result.stderr.contains("--map-flights"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aMissingLeafletIsRefusedInOneLineBeforeAnyOutput() throws {
    let out = folder("no-leaflet")
    let result = try AirPictureProcess.run(
      ["run", Self.today, "--dem", Self.coarseDEM, "--flights", "10", "--no-coverage-maps", "--out", out],
      environment: ["AIRPICTURE_LEAFLET_DIR": folder("nowhere")])
    #expect(result.status != 0 && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("Leaflet") && result.stderr.contains("libjs-leaflet"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// The scenario's `title:` as its YAML file writes it (quoted).
  static func title(of path: String) throws -> String {
    let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first {
      $0.hasPrefix("title: \"")
    }
    return String(line?.dropFirst("title: \"".count).dropLast() ?? "")
  }

  /// The repository's `git rev-parse HEAD`.
  static func gitHead() throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", AirPictureProcess.repository.path, "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The digest from coreutils' `sha256sum`, independent of the report's own implementation.
  static func sha256sum(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(output.prefix(64))
  }
}
