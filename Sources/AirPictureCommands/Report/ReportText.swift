import Foundation
import Interdiction

/// Escaping and number formats the report's HTML and SVG share.
enum ReportText {
  /// `text` safe inside HTML or SVG text and attribute values.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// `value` with `digits` decimals, or "–" when absent.
  static func number(_ value: Double?, _ digits: Int) -> String {
    value.map { String(format: "%.\(digits)f", $0) } ?? "–"
  }

  /// A proportion as "0.42 (0.37–0.47)".
  static func interval(_ interval: ComparisonTable.Interval) -> String {
    String(format: "%.2f (%.2f–%.2f)", interval.estimate, interval.low, interval.high)
  }

  /// US dollars in millions from a million up ("US$12.3 M"), in thousands below ("US$45 k").
  static func millions(_ dollars: Double?) -> String {
    dollars.map { $0 >= 1e6 ? String(format: "US$%.1f M", $0 / 1e6) : String(format: "US$%.0f k", $0 / 1e3) } ?? "–"
  }

  /// A difference of proportions in percentage points with its interval, "+12 pp (+5 to +19)".
  static func points(_ difference: ProportionDifference) -> String {
    let signed = { (value: Double) in String(format: "%+.0f", value * 100) }
    return "\(signed(difference.estimate)) pp (\(signed(difference.low)) to \(signed(difference.high)))"
  }

  /// `object` as JSON safe inside a `<script>` element (no "</" that could end it early), keys sorted.
  static func scriptJSON<Value: Encodable>(_ object: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(object), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
  }
}
