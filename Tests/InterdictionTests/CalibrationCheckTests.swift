import CoverageKernel
import Interdiction
import InterdictionModels
import RadarModels
import Testing

@Suite struct CalibrationCheckTests {
  @Test func theModelsFiguresComeFromTheRunsTable() {
    let radars = SyntheticTheatre.radars()
    var scenario = SyntheticTheatre.scenario(radars: radars)
    let observed = { (range: ClosedRange<Double>) in Sourced(range, .assumption("test")) }
    scenario.calibration = [
      CalibrationFigure(measure: .detectionsPerDay, observed: observed(0...0.001), description: "none"),
      CalibrationFigure(measure: .notFoundShare, observed: observed(0...1), description: "any"),
      CalibrationFigure(measure: .interceptionsPerYearToday, observed: observed(0...1e9), description: "any"),
    ]
    let world = SyntheticTheatre.world(radars: radars)
    let summary = MonteCarlo(scenario: scenario, world: world, seed: 3, threads: 2).summarize(flights: 60)
    let table = ComparisonTable(scenario: scenario, seed: 3, summary: summary)
    let check = CalibrationCheck(scenario: scenario, table: table)
    #expect(check.lines.map(\.figure.measure) == scenario.calibration.map(\.measure))
    let first = table.rows.filter { $0.network == scenario.network.networks[0].id.rawValue }
    // Detections a day: P(detect) of the first configuration times the flights a day.
    let detections = first[0].detection.estimate * scenario.pattern.flightsPerDay.value
    #expect(detections > 0.001)
    #expect(check.lines[0].model == detections)
    #expect(check.lines[0].agrees == false)
    // The not-found share counts the best option's launched-not-found against its interceptions.
    let best = first.max { $0.interception.estimate < $1.interception.estimate }!
    let notFound = Double(best.outcomes[FlightOutcome.launchedNotFound.rawValue] ?? 0)
    let found = Double(best.outcomes[FlightOutcome.intercepted.rawValue] ?? 0)
    #expect(check.lines[1].model == (notFound + found > 0 ? notFound / (notFound + found) : nil))
    // Every type in the theatre is for sale: no type in service, so no figure for today, and said so.
    #expect(check.lines[2].model == nil && check.lines[2].agrees == nil)
    #expect(check.lines[2].basis.contains("no type in service"))
  }
}
