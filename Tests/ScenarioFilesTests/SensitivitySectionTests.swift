import Foundation
import InterdictionModels
import RadarModels
import ScenarioFiles
import Testing

/// The interdiction scenario's `sensitivity:` section: the shipped ranges arrive with their provenance, and each kind of
/// bad entry is refused with the file, line and field.
@Suite struct SensitivitySectionTests {
  static let folder = ScenarioFileTests.scenarios

  @Test(arguments: ["interdiction-2025", "interdiction-planned"])
  func shippedScenariosStateEveryRange(name: String) throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.folder.appendingPathComponent("\(name).yaml").path)
    #expect(Set(scenario.sensitivityRanges.keys) == Set(SensitivityParameter.all.map(\.key)))
    let classification = try #require(scenario.sensitivityRanges["classification_time"])
    #expect(classification.value == 0.5...1.5)
    guard case .derived = classification.provenance else {
      Issue.record("classification_time's range should be derived, is \(classification.provenance)")
      return
    }
    let stated = SensitivityParameter.named("rcs")!.range(in: scenario)
    #expect(stated.stated && stated.range.value == 0.67...1.33)
  }

  /// Writes the shipped 2025 scenario with its `rcs:` range line replaced by `line`, reads it, and returns the error
  /// with the line number the replacement stands on.
  func error(replacingRCSWith line: String) throws -> (error: ScenarioFileError?, line: Int) {
    let text = try String(contentsOf: Self.folder.appendingPathComponent("interdiction-2025.yaml"), encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.hasPrefix("  rcs: {low:") })
    lines[index] = line
    let broken = lines.joined(separator: "\n").replacingOccurrences(
      of: "network: peru-2025-ssr-only.yaml",
      with: "network: \(Self.folder.appendingPathComponent("peru-2025-ssr-only.yaml").path)")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
    try Data(broken.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      _ = try InterdictionScenarioReader.read(contentsOf: file.path)
      return (nil, index + 1)
    } catch let error as ScenarioFileError {
      #expect(error.file == file.path)
      return (error, index + 1)
    }
  }

  @Test(arguments: [
    ("  route_shares: {low: 0.5, high: 1.5, assumption: \"x\"}", "sensitivity.route_shares", "unknown field"),
    ("  rcs: {low: 1.2, high: 1.5, assumption: \"x\"}", "sensitivity.rcs.low", "outside 0.0...1.0"),
    ("  rcs: {low: 0.5, high: 0.8, assumption: \"x\"}", "sensitivity.rcs.high", "outside 1.0...100.0"),
    ("  rcs: {low: 0.5, high: 1.5}", "sensitivity.rcs", "give exactly one of"),
    ("  rcs: {low: 0.5, assumption: \"x\"}", "sensitivity.rcs.high", "missing field"),
    ("  rcs: {low: 0.5, high: 1.5, assumption: \"x\", step: 2}", "sensitivity.rcs.step", "unknown field"),
  ])
  func aBadRangeIsLocated(line: String, field: String, message: String) throws {
    let (error, number) = try error(replacingRCSWith: line)
    let found = try #require(error, "a bad sensitivity range was accepted: \(line)")
    #expect(found.field == field, "\(found)")
    #expect(found.line == number, "\(found)")
    #expect(found.description.contains(message), "\(found)")
  }
}
