import Foundation
import InterdictionModels
import ScenarioFiles
import Testing

@Suite struct CalibrationSectionTests {
  static let folder = ScenarioFileTests.scenarios

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
    let error = try InterdictionScenarioTests.readEdited("- {measure: not_found_share,", "- {measure: not_found_rate,")
    #expect(error?.field == "calibration[1].measure" && error?.line != nil, "\(String(describing: error))")
    #expect(error?.description.contains("unknown measure 'not_found_rate'") == true)
  }

  @Test func anInvertedRangeIsRefused() throws {
    let error = try InterdictionScenarioTests.readEdited("observed: [0.67, 1.9]", "observed: [1.9, 0.67]")
    #expect(error?.field == "calibration[0].observed", "\(String(describing: error))")
    #expect(error?.description.contains("low must not exceed high") == true)
  }
}
