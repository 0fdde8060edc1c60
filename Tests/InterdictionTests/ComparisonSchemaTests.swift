import Foundation
import Interdiction
import InterdictionModels
import TestSupport
import Testing

/// comparison.csv and comparison.json keep one schema: the same snake_case names with their units.
@Suite struct ComparisonSchemaTests {
  static let radars = SyntheticTheatre.radars()
  static let scenario = SyntheticTheatre.scenario(radars: radars)
  static let world = SyntheticTheatre.world(radars: radars)

  static let table: ComparisonTable = {
    let monteCarlo = MonteCarlo(scenario: scenario, world: world, seed: 11, threads: 2)
    return ComparisonTable(
      scenario: scenario, seed: 11, results: monteCarlo.run(flights: 200), order: monteCarlo.combinations)
  }()

  @Test func csvColumnsAndJSONKeysAreTheSameSnakeCaseNamesWithUnits() throws {
    let table = Self.table
    let (problems, numeric) = try TableSchema.check(
      csv: table.csv, json: Data(try table.json().utf8),
      dimensionless: { $0.hasPrefix("p_") || $0 == "seed" })
    #expect(problems.isEmpty, "\(problems)")
    // The check looked at the figures that have units, and at the probabilities.
    #expect(
      numeric.isSuperset(of: [
        "p_intercept", "p_intercept_low", "cost_per_year_usd", "flight_hours_per_year", "flights",
        "minutes_border_to_detection_median", "flights_intercepted",
      ]), "\(numeric.sorted())")
  }

  @Test func everyOutcomeHasItsSnakeCaseCountColumn() throws {
    let header = try #require(Self.table.csv.split(separator: "\n").first).split(separator: ",").map(String.init)
    let outcomes = FlightOutcome.allCases.map(\.countColumn)
    #expect(outcomes.contains("flights_target_left_peru") && outcomes.contains("flights_detected_not_tracked"))
    #expect(outcomes.isNonEmptyAndAll { header.contains($0) && TableSchema.isSnakeCase($0) })
    // Each row's counts add up to its flights, read back from the CSV by name.
    let lines = Self.table.csv.split(separator: "\n").dropFirst()
    #expect(
      lines.isNonEmptyAndAll { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let value = { (name: String) in Int(fields[header.firstIndex(of: name)!])! }
        return outcomes.map(value).reduce(0, +) == value("flights")
      })
  }

  @Test func aJSONRowReadsBackIntoTheRowItCameFrom() throws {
    let json = try JSONSerialization.jsonObject(with: Data(try Self.table.json().utf8)) as? [String: Any]
    let rows = try #require(json?["rows"] as? [[String: Any]])
    let decoded = try rows.map {
      try JSONDecoder().decode(ComparisonTable.Row.self, from: JSONSerialization.data(withJSONObject: $0))
    }
    #expect(decoded.count == Self.table.rows.count && !decoded.isEmpty)
    for (read, original) in zip(decoded, Self.table.rows) {
      #expect(read.network == original.network && read.basing == original.basing && read.outcomes == original.outcomes)
      #expect(abs(read.interception.low - original.interception.low) <= 5e-5)
      #expect(read.fleetAffordable == original.fleetAffordable)
      #expect((read.costPerInterceptionUSD == nil) == (original.costPerInterceptionUSD == nil))
    }
    // The document names its scenario and seed, and every row repeats them as the CSV does.
    #expect(json?["scenarios"] as? [String] == ["synthetic"])
    #expect(
      rows.isNonEmptyAndAll { ($0["seed"] as? NSNumber)?.intValue == 11 && $0["scenario"] as? String == "synthetic" })
  }

  /// `compare` writes several tables as one: one header, one document, every row with its scenario.
  @Test func combinedTablesKeepTheSchema() throws {
    var other = Self.table
    other.scenario = "other"
    let csv = ComparisonTable.csv(combining: [Self.table, other])
    let json = Data(try ComparisonTable.json(combining: [Self.table, other]).utf8)
    let (problems, _) = try TableSchema.check(
      csv: csv, json: json, dimensionless: { $0.hasPrefix("p_") || $0 == "seed" })
    #expect(problems.isEmpty, "\(problems)")
    let lines = csv.split(separator: "\n")
    #expect(lines.count == 1 + 2 * Self.table.rows.count && !Self.table.rows.isEmpty)
    #expect(lines.filter { $0.hasPrefix("other,") }.count == Self.table.rows.count)
    let document = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect(document?["scenarios"] as? [String] == ["synthetic", "other"])
    #expect(ComparisonTable.csv(combining: [Self.table]) == Self.table.csv)
  }
}
