import Foundation

/// One value of a table row, written alike to CSV and JSON: a JSON row's keys are the CSV's columns, and a number in
/// the JSON is the CSV's text of it (fixed precision). A missing value is an empty CSV field and a JSON null.
enum TableCell {
  case text(String?)
  case number(Double?, digits: Int)
  /// A list of names (JSON only: a document's items, not a CSV column).
  case names([String])

  /// The CSV field (quoted when it holds a comma or a quote).
  var csv: String {
    switch self {
    case .text(let text):
      guard let text else { return "" }
      return text.contains(",") || text.contains("\"")
        ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
    case .number(let value, let digits):
      return value.map { String(format: "%.\(digits)f", $0) } ?? ""
    case .names(let names): return TableCell.text(names.joined(separator: "; ")).csv
    }
  }

  fileprivate func encode(to container: inout KeyedEncodingContainer<TableColumnKey>, as key: TableColumnKey) throws {
    switch self {
    case .text(let text): try container.encode(text, forKey: key)
    case .names(let names): try container.encode(names, forKey: key)
    case .number(let value, _):
      guard value != nil, let decimal = Decimal(string: csv, locale: Locale(identifier: "en_US_POSIX")) else {
        try container.encodeNil(forKey: key)
        return
      }
      try container.encode(decimal, forKey: key)
    }
  }
}

/// A table as CSV and JSON with one schema: `columns` head the CSV, and every JSON row has exactly these keys.
struct TableColumns {
  /// Column names: snake_case, with the unit in the name where the value has one.
  var columns: [String]
  /// One cell per column, per row.
  var rows: [[TableCell]]

  init(columns: [String], rows: [[TableCell]]) {
    precondition(rows.allSatisfy { $0.count == columns.count }, "a row without one cell per column")
    self.columns = columns
    self.rows = rows
  }

  /// The header line and one line per row.
  var csv: String {
    ([columns.joined(separator: ",")] + rows.map { $0.map(\.csv).joined(separator: ",") })
      .joined(separator: "\n") + "\n"
  }

  /// Pretty, key-sorted JSON: the document's own `items`, `columns` (the CSV's order) and `rows`.
  func json(items: [(key: String, value: TableCell)]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let document = Document(items: items, columns: columns, rows: rows)
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  private struct Document: Encodable {
    var items: [(key: String, value: TableCell)]
    var columns: [String]
    var rows: [[TableCell]]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: TableColumnKey.self)
      for item in items { try item.value.encode(to: &container, as: TableColumnKey(item.key)) }
      try container.encode(columns, forKey: TableColumnKey("columns"))
      try container.encode(rows.map { Row(columns: columns, cells: $0) }, forKey: TableColumnKey("rows"))
    }
  }

  private struct Row: Encodable {
    var columns: [String]
    var cells: [TableCell]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: TableColumnKey.self)
      for (column, cell) in zip(columns, cells) { try cell.encode(to: &container, as: TableColumnKey(column)) }
    }
  }
}

/// A JSON key named at run time.
struct TableColumnKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
