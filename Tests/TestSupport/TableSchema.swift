import Foundation

/// The one schema every AirPicture table keeps: CSV columns and JSON row keys are the same names, in snake_case, and
/// a column that holds a dimensioned number says its unit in its name.
public enum TableSchema {
  /// Units a column may name, as whole words of it ("covered_km2", "minutes_border_to_detection_median",
  /// "flights_undetected", "interceptions_per_year").
  public static let unitWords: Set<String> = [
    "m", "ft", "km2", "percent", "points", "usd", "minutes", "hours", "flights", "aircraft", "pairs", "year",
  ]

  /// Whether `name` is snake_case: lower-case words of letters and digits joined by single underscores.
  public static func isSnakeCase(_ name: String) -> Bool {
    name.range(of: "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", options: .regularExpression) != nil
  }

  /// Whether `name` names a unit among its words.
  public static func namesAUnit(_ name: String) -> Bool {
    !unitWords.isDisjoint(with: name.split(separator: "_").map(String.init))
  }

  /// What a table's CSV and JSON break of the schema (empty when nothing), and the columns that hold numbers.
  /// `dimensionless` says which numeric columns have no unit (probabilities, seeds).
  public static func check(csv: String, json: Data, dimensionless: (String) -> Bool) throws -> (
    problems: [String], numericColumns: Set<String>
  ) {
    var problems: [String] = []
    let lines = csv.split(separator: "\n").map(String.init)
    guard let headerLine = lines.first else { return (["the CSV is empty"], []) }
    let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    if Set(header).count != header.count { problems.append("repeated CSV columns") }
    for name in header where !isSnakeCase(name) { problems.append("column '\(name)' is not snake_case") }
    guard let document = try JSONSerialization.jsonObject(with: json) as? [String: Any],
      let rows = document["rows"] as? [[String: Any]]
    else { return (problems + ["the JSON has no rows"], []) }
    if rows.isEmpty { problems.append("the JSON has no rows") }
    if rows.count != lines.count - 1 { problems.append("\(rows.count) JSON rows for \(lines.count - 1) CSV lines") }
    if let columns = document["columns"] as? [String], columns != header {
      problems.append("the JSON's columns \(columns) are not the CSV's \(header)")
    }
    var numeric = Set<String>()
    for (number, row) in rows.enumerated() {
      if Set(row.keys) != Set(header) {
        problems.append(
          "JSON row \(number): keys not in the CSV \(Set(row.keys).subtracting(header).sorted()), CSV columns "
            + "missing \(Set(header).subtracting(row.keys).sorted())")
      }
      for (key, value) in row where !(value is String || value is NSNull || value is [Any] || value is [String: Any]) {
        numeric.insert(key)
      }
    }
    for name in numeric.sorted() where !dimensionless(name) && !namesAUnit(name) {
      problems.append("numeric column '\(name)' names no unit")
    }
    return (problems, numeric)
  }
}
