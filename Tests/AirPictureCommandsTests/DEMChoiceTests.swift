import CoveragePipeline
import Foundation
import Testing

/// Which of a scenario's DEMs a run reads, and whether it is a fallback the console and maps must mention.
@Suite final class DEMChoiceTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-dem-\(UUID().uuidString)")
  let fine: String
  let medium: String
  let coarse: String

  init() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    fine = directory.appendingPathComponent("fine.tif").path
    medium = directory.appendingPathComponent("medium.tif").path
    coarse = directory.appendingPathComponent("coarse.tif").path
    try Data().write(to: URL(fileURLWithPath: coarse))
  }

  @Test func theFirstExistingCandidateIsReadAndAFallbackSaysSo() throws {
    let choice = try DEMChoice(given: nil, candidates: [fine, coarse], scenario: "peru")
    #expect(choice.path == coarse && choice.missing == [fine] && choice.isFallback && choice.isLastCandidate)
    let warning = try #require(choice.fallbackWarning)
    #expect(warning.hasPrefix("DEM '\(fine)' of scenario 'peru' is missing; reading the coarse fallback '\(coarse)'"))
  }

  @Test func aMiddleCandidateIsAFallbackButNotTheCoarsest() throws {
    try Data().write(to: URL(fileURLWithPath: medium))
    let choice = try DEMChoice(given: nil, candidates: [fine, medium, coarse], scenario: "peru")
    #expect(choice.path == medium && choice.isFallback && !choice.isLastCandidate)
    #expect(choice.fallbackWarning?.contains("reading the fallback '\(medium)'") == true)
  }

  @Test func theBestCandidateOrAGivenDEMIsNoFallback() throws {
    try Data().write(to: URL(fileURLWithPath: fine))
    let best = try DEMChoice(given: nil, candidates: [fine, coarse], scenario: "peru")
    #expect(best.path == fine && !best.isFallback && best.fallbackWarning == nil && !best.isLastCandidate)
    let given = try DEMChoice(given: "/elsewhere/dem.tif", candidates: [fine, coarse], scenario: "peru")
    #expect(given.path == "/elsewhere/dem.tif" && given.isGiven && !given.isFallback && given.fallbackWarning == nil)
  }

  @Test func noExistingCandidateIsRefused() {
    #expect(throws: PipelineError.self) {
      try DEMChoice(given: nil, candidates: [self.fine, self.medium], scenario: "peru")
    }
  }
}
