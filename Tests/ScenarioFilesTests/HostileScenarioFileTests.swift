import Foundation
import ScenarioFiles
import Testing

/// Files built to hang, flood or crash the reader: each gets a prompt, located, one-line error.
@Suite final class HostileScenarioFileTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-yaml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// Writes `text` to a file in the test's folder and reads it as a scenario, returning the error it gets.
  func readError(_ text: String, name: String = "hostile.yaml") throws -> ScenarioFileError? {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try ScenarioReader.read(contentsOf: path)
      return nil
    } catch let error as ScenarioFileError {
      return error
    }
  }

  func parseError(_ yaml: String) -> ScenarioFileError? { scenarioParseError(yaml, folder: directory) }

  static func isOneLine(_ text: String) -> Bool { !text.contains(where: \.isNewline) }

  /// Nine levels of anchors, each a list of nine aliases of the one before (9⁹ ≈ 387 million nodes once expanded),
  /// then the last one used twice as a mapping key: about 1 KB of text.
  static func aliasBomb() -> (text: String, firstRefusedLine: Int) {
    var lines = ["scenario: laughs", "title: alias bomb"]
    lines.append("a: &a [\(Array(repeating: "\"lol\"", count: 9).joined(separator: ", "))]")
    let levels = ["b", "c", "d", "e", "f", "g", "h", "i"]
    var previous = "a"
    for level in levels {
      lines.append("\(level): &\(level) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
      previous = level
    }
    lines += ["? *i", ": first", "? *i", ": second"]
    // Up to 'e' the file holds about 75,000 nodes once expanded ('e' alone 66,430): 'f's first alias passes 100,000.
    return (lines.joined(separator: "\n") + "\n", lines.firstIndex { $0.hasPrefix("f:") }! + 1)
  }

  @Test func anAliasBombIsRefusedAtOnceInOneLine() throws {
    let bomb = Self.aliasBomb()
    #expect(bomb.text.utf8.count < 1_500)
    let started = ContinuousClock.now
    let error = try #require(try readError(bomb.text))
    let elapsed = ContinuousClock.now - started
    #expect(elapsed < .seconds(2), "took \(elapsed)")
    #expect(error.line == bomb.firstRefusedLine)
    #expect(error.message.hasPrefix("too many nodes"))
    #expect(error.field == "f[0]")
    #expect(Self.isOneLine(error.description) && error.description.count < 300, "\(error)")
  }

  @Test func aHugePlainFileIsRefusedForItsSizeNotForAliases() throws {
    let text = (0..<60_000).map { "k\($0): \($0)" }.joined(separator: "\n")
    let error = try #require(parseError(text))
    #expect(error.description.contains("too many nodes") && !error.description.contains("alias"), "\(error)")
  }

  @Test func idsThatNameFilesMustBeIdentifiers() throws {
    let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Scenarios")
    let text = try String(
      contentsOf: scenarios.appendingPathComponent("peru-2025-ssr-only.yaml"), encoding: .utf8)
    for (original, hostile) in [
      ("- id: non-cooperative", "- id: ../../escape"), ("scenario: peru-2025-ssr-only", "scenario: a/b"),
      ("- id: integrated", "- id: .hidden"),
    ] {
      #expect(text.contains(original))
      let yaml = text.replacingOccurrences(of: original, with: hostile)
      do {
        _ = try ScenarioReader.parse(yaml: yaml, file: "ids.yaml", folder: scenarios)
        Issue.record("'\(hostile)' accepted")
      } catch let error as ScenarioFileError {
        #expect(error.description.contains("not an identifier"), "\(error)")
      }
    }
  }

  @Test func aliasesWithinTheBudgetAreStillRead() {
    // Five levels expand to about 66,000 nodes: under the budget, so the error is the reader's, not the budget's.
    let lines = [
      "a: &a [\(Array(repeating: "1", count: 9).joined(separator: ", "))]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ]
    let error = parseError(lines.joined(separator: "\n"))
    #expect(error?.line == 1)
    #expect(error?.field == "a")
    #expect(error?.message.hasPrefix("unknown field") == true, "\(String(describing: error))")
  }

  @Test func anAliasOfAListUsedAsAKeyIsRefused() {
    let error = parseError("x: &a [1, 2]\n? *a\n: 3\n")
    #expect(error?.line == 2)
    #expect(error?.message == "keys must be text, not a list or mapping")
  }

  @Test func aDuplicateKeyInALargeMappingIsOneShortLocatedLine() throws {
    var lines = ["scenario: big", "title: many fields", "sites:", "  - name: first", "    lat: -10"]
    lines += (0..<20_000).map { "    filler_\($0): \(String(repeating: "x", count: 40))" }
    lines.append("    lat: -11")
    let error = try #require(try readError(lines.joined(separator: "\n")))
    #expect(error.line == lines.count)
    #expect(error.field == "sites[0].lat")
    #expect(error.message == "duplicate key 'lat'")
    let file = directory.appendingPathComponent("hostile.yaml").path
    #expect(error.description == "\(file):\(lines.count): sites[0].lat: duplicate key 'lat'")
  }

  @Test func aLongMultiLineDuplicateKeyIsQuotedShortOnOneLine() {
    let key = "\"" + String(repeating: "line\\n", count: 5_000) + "\""
    // Explicit keys ('? key'), as simple keys may not pass 1024 characters.
    let error = parseError("scenario: x\n? \(key)\n: 1\n? \(key)\n: 2\n")
    #expect(error?.line == 4)
    #expect(error?.message.hasPrefix("duplicate key 'line\\nline") == true, "\(String(describing: error))")
    let description = error?.description ?? ""
    #expect(Self.isOneLine(description) && description.count < 300, "\(description.count) characters")
  }

  @Test func aDuplicateKeyInThePresetFileIsLocated() {
    let yaml = "an-tps-70:\n  name: a\n  role: primary\nan-tps-70:\n  name: b\n"
    #expect(throws: ScenarioFileError.self) { try RadarTypeCatalog(yaml: yaml, file: "types.yaml") }
    do {
      _ = try RadarTypeCatalog(yaml: yaml, file: "types.yaml")
    } catch let error as ScenarioFileError {
      #expect(error.description == "types.yaml:4: an-tps-70: duplicate key 'an-tps-70'")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test(arguments: [
    ("scenario: x\ntitle: x\n  bad: indentation\n", 3, 6),
    ("scenario: x\nsites: [1, 2\ntitle: y\n", 3, 6),
    ("scenario: \"unterminated\ntitle: y\n", 3, 1),
  ])
  func aSyntaxErrorIsOneLineWithLineAndColumn(yaml: String, line: Int, column: Int) {
    let error = parseError(yaml)
    #expect(error?.line == line)
    #expect(error?.column == column)
    let description = error?.description ?? ""
    #expect(description.hasPrefix("bad.yaml:\(line):\(column): YAML syntax error: "), "\(description)")
    #expect(Self.isOneLine(description))
  }

  @Test(arguments: [200, 5_000])
  func deepNestingIsRefused(depth: Int) {
    let error = parseError("scenario: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    #expect(error?.line == 1)
    #expect(error?.message.contains("nested deeper than 64 levels") == true, "\(String(describing: error))")
  }

  @Test func aSecondDocumentAndAnUndefinedAliasAreRefused() {
    let second = parseError("scenario: x\n---\nscenario: y\n")
    #expect(second?.line == 2)
    #expect(second?.message.contains("second YAML document") == true)
    let undefined = parseError("scenario: x\ntitle: *nowhere\n")
    #expect(undefined?.line == 2)
    #expect(undefined?.field == "title")
    #expect(undefined?.message.hasPrefix("undefined alias '*nowhere'") == true)
  }

  @Test func aFIFOIsRefusedWithoutBlocking() throws {
    let path = directory.appendingPathComponent("pipe.yaml").path
    try #require(mkfifo(path, 0o600) == 0)
    #expect(throws: ScenarioFileError.self) { try ScenarioReader.read(contentsOf: path) }
    #expect(throws: ScenarioFileError.self) { try ScenarioReader.read(contentsOf: directory.path) }
  }

  @Test func everyDescriptionIsOneLineWhateverTheInput() {
    let hostile = [
      "\"a\\nb\": 1\n",  // an unknown field whose name holds a line break
      "scenario: x\ntitle: \"t\"\ndem: d\nradar_types: \"no\\nsuch\\u2028file\"\n",
      "scenario: x\n\"\\r\\n\\u0085\": 1\n",
      "scenario: [\n",
      "- just\n- a list\n",
      "scenario: x\nsites: [{lat: \"" + String(repeating: "9\\n", count: 2_000) + "\"}]\n",
    ]
    for yaml in hostile {
      let error = parseError(yaml)
      #expect(error != nil, "accepted: \(yaml.prefix(40))")
      let description = error?.description ?? ""
      #expect(Self.isOneLine(description) && description.count < 1_000, "\(description.prefix(200))")
    }
    let number = "\"" + String(repeating: "9\\n", count: 2_000) + "\""
    let preset = "x:\n  name: a\n  role: primary\n  instrumented_range_km: {value: \(number), source: s}\n"
    do {
      _ = try RadarTypeCatalog(yaml: preset, file: "types.yaml")
      Issue.record("a multi-line number was accepted")
    } catch {
      let description = "\(error)"
      #expect(description.hasPrefix("types.yaml:4: x.instrumented_range_km.value: expected a number, got '9\\n9"))
      #expect(Self.isOneLine(description) && description.count < 200, "\(description.prefix(200))")
    }
    let built = ScenarioFileError(
      file: "a\nb.yaml", line: 3, field: "x\r\ny", message: "m\u{2028}n" + String(repeating: "z", count: 5_000))
    #expect(Self.isOneLine(built.description))
    #expect(built.description.hasPrefix("a\\nb.yaml:3: x\\r\\ny: m\\u{2028}n"))
    #expect(built.description.count < 800)
  }
}
