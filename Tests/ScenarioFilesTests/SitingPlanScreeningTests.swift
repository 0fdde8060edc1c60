import Foundation
import ScenarioFiles
import Testing

/// A plan file's `screening:` block: read with its provenance, refused to file:line: field when it is wrong.
@Suite struct SitingPlanScreeningTests {
  static func plan(_ screening: String) -> String {
    SitingPlanFileTests.valid + "\nscreening:\n" + screening
  }

  func parse(_ yaml: String) throws -> SitingPlanFile {
    try SitingPlanReader.parse(yaml: yaml, file: "bad.yaml", folder: SitingPlanFileTests.scenarios)
  }

  @Test func theShippedPlanDoesNotScreenAndAScreeningBlockIsRead() throws {
    #expect(try parse(SitingPlanFileTests.valid).screening == nil)
    let plan = try parse(
      Self.plan("  factor: {value: 4, assumption: \"a\"}\n  refine: {value: 40, source: \"b\"}\n"))
    let screening = try #require(plan.screening)
    #expect(screening.factor.value == 4 && screening.refine.value == 40)
    #expect("\(screening.refine.provenance)".contains("b"))
  }

  @Test(arguments: [
    (
      "  factor: {value: 4.5, assumption: \"a\"}\n  refine: {value: 40, assumption: \"b\"}\n", "screening.factor",
      "whole number"
    ),
    (
      "  factor: {value: 1, assumption: \"a\"}\n  refine: {value: 40, assumption: \"b\"}\n", "screening.factor.value",
      "outside"
    ),
    (
      "  factor: {value: 4, assumption: \"a\"}\n  refine: {value: 3, assumption: \"b\"}\n", "screening.refine",
      "at least as many candidates as the plan's 4 sites"
    ),
    ("  factor: {value: 4, assumption: \"a\"}\n", "screening.refine", "missing field"),
    ("  factor: {value: 4}\n  refine: {value: 40, assumption: \"b\"}\n", "screening.factor", "exactly one of"),
  ])
  func badScreeningIsLocated(block: String, field: String, message: String) throws {
    do {
      _ = try parse(Self.plan(block))
      Issue.record("accepted: \(block)")
    } catch let error as ScenarioFileError {
      #expect(error.field == field, "\(error)")
      #expect(error.description.contains(message) && error.line != nil, "\(error)")
    }
  }
}
