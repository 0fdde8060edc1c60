import Foundation
import InterdictionModels
import ScenarioFiles
import Testing

@Suite struct CalibrationSectionTests {
  static let folder = ScenarioFileTests.scenarios

  /// Writes `interdiction-2025.yaml` with `replacement` applied, its network path made absolute.
  static func variant(_ original: String, _ replacement: String) throws -> URL {
    let text = try String(contentsOf: folder.appendingPathComponent("interdiction-2025.yaml"), encoding: .utf8)
    let broken = text.replacingOccurrences(of: original, with: replacement)
    #expect(broken != text, "the shipped scenario no longer holds '\(original)'")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString).yaml")
    try Data(
      broken.replacingOccurrences(
        of: "network: peru-2025-ssr-only.yaml",
        with: "network: \(folder.appendingPathComponent("peru-2025-ssr-only.yaml").path)"
      ).utf8
    ).write(to: file)
    return file
  }

  @Test(arguments: ["interdiction-2025", "interdiction-planned"])
  func shippedScenariosNameTheirPublicFigures(name: String) throws {
    let scenario = try InterdictionScenarioReader.read(
      contentsOf: Self.folder.appendingPathComponent("\(name).yaml").path)
    #expect(Set(scenario.calibration.map(\.measure)) == Set(CalibrationFigure.Measure.allCases))
    // 175 flights in about 92 days is 1.9 a day; 9 of 13 lies inside its stated interval.
    let detections = scenario.calibration.first { $0.measure == .detectionsPerDay }!
    #expect(abs(detections.observed.value.upperBound - 175.0 / 92) < 0.01)
    let notFound = scenario.calibration.first { $0.measure == .notFoundShare }!
    #expect(notFound.observed.value.contains(9.0 / 13))
  }

  @Test func anUnknownMeasureIsLocated() throws {
    let file = try Self.variant("- {measure: not_found_share,", "- {measure: not_found_rate,")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect {
      try InterdictionScenarioReader.read(contentsOf: file.path)
    } throws: { error in
      guard let error = error as? ScenarioFileError else { return false }
      return error.field == "calibration[1].measure" && error.line != nil
        && error.description.contains("unknown measure 'not_found_rate'")
    }
  }

  @Test func anInvertedRangeIsRefused() throws {
    let file = try Self.variant("observed: [0.67, 1.9]", "observed: [1.9, 0.67]")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect {
      try InterdictionScenarioReader.read(contentsOf: file.path)
    } throws: { error in
      guard let error = error as? ScenarioFileError else { return false }
      return error.field == "calibration[0].observed" && error.description.contains("low must not exceed high")
    }
  }
}
