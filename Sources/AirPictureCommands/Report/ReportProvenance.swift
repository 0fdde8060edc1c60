import Foundation
import OutputFiles

/// Where a report comes from: the tool's version and commit, the command line, the date, the seed and flights, the
/// DEM, and the input files with their SHA-256.
struct ReportProvenance {
  /// An input file and its digest.
  struct Input {
    var role: String
    var path: String
    var sha256: String
  }

  var version: String
  var commit: String
  var commandLine: String
  var date: String
  var seed: UInt64
  var flights: Int
  var dems: [String]
  var inputs: [Input]

  /// The provenance of a run over `scenarioPaths` (interdiction scenarios; their network scenario, borders and regions
  /// files are hashed too) on `dems`; the commit is `AIRPICTURE_COMMIT`, else the executable's source tree's.
  static func collect(
    scenarioPaths: [String], borders: [String?], regions: [String?], dems: [String], seed: UInt64, flights: Int,
    version: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> ReportProvenance {
    var inputs: [Input] = []
    var seen = Set<String>()
    func add(_ role: String, _ path: String) throws {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      guard seen.insert(absolute).inserted else { return }
      let data = try Data(contentsOf: URL(fileURLWithPath: absolute))
      inputs.append(Input(role: role, path: absolute, sha256: SHA256.hex(of: data)))
    }
    for (index, path) in scenarioPaths.enumerated() {
      try add("interdiction scenario", path)
      if let network = networkFile(of: path) { try add("network scenario", network) }
      if let border = borders[index] { try add("borders", border) }
      if let region = regions[index] { try add("analysis regions", region) }
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return ReportProvenance(
      version: version.isEmpty ? "not set in this build" : version,
      commit: environment["AIRPICTURE_COMMIT"].flatMap { $0.isEmpty ? nil : $0 } ?? SourceCommit.ofExecutable()
        ?? "not recorded (set AIRPICTURE_COMMIT when the executable lies outside its git clone)",
      commandLine: CommandLine.arguments.map(shellQuoted).joined(separator: " "), date: formatter.string(from: Date()),
      seed: seed, flights: flights, dems: dems, inputs: inputs)
  }

  /// The `network:` file an interdiction scenario names (relative to its folder), when the line is there.
  private static func networkFile(of path: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("network:") {
      let value = line.dropFirst("network:".count).trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      guard !value.isEmpty else { return nil }
      return value.hasPrefix("/")
        ? value : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(value).path
    }
    return nil
  }

  private static func shellQuoted(_ word: String) -> String {
    word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
      ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  var html: String {
    var html = "<table class=\"provenance\">"
    let rows: [(String, String)] = [
      ("tool", "airpicture \(version), commit \(commit)"), ("command line", commandLine), ("date (UTC)", date),
      ("seed", "\(seed)"), ("flights per scenario", "\(flights)"),
      (
        "DEM",
        dems.map { $0.hasPrefix("/vsi") ? $0 : URL(fileURLWithPath: $0).standardizedFileURL.path }
          .joined(separator: "; ")
      ),
    ]
    for row in rows { html += "<tr><th>\(row.0)</th><td><code>\(ReportText.escape(row.1))</code></td></tr>\n" }
    for input in inputs {
      html +=
        "<tr><th>\(ReportText.escape(input.role))</th><td><code>\(ReportText.escape(input.path))</code><br>"
        + "SHA-256 <code>\(input.sha256)</code></td></tr>\n"
    }
    return html + "</table>\n"
  }
}
