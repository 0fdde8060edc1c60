import Foundation
import Testing

/// README's layout table says which modules each module imports; the sources must agree, so the module graph a
/// reader learns there is the one the code has.
@Suite struct LayoutTableTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// Modules of the system and toolchain, which the table does not list.
  static let systemModules: Set<String> = [
    "Foundation", "FoundationXML", "Glibc", "Dispatch", "Synchronization", "Darwin",
  ]

  /// The `import` lines of every Swift file in `Sources/<module>`.
  static func imports(of module: String) throws -> Set<String> {
    let folder = repository.appendingPathComponent("Sources/\(module)")
    var found: Set<String> = []
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
    for file in files ?? [] where file.pathExtension == "swift" {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        let words = line.split(separator: " ")
        guard words.first == "import", words.count >= 2 else { continue }
        let name = String(words[words.count - 1])
        if !Self.systemModules.contains(name) { found.insert(name) }
      }
    }
    return found
  }

  /// The table's rows for `Sources/...`: module name and the imports it lists.
  static func table() throws -> [String: Set<String>] {
    let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    var rows: [String: Set<String>] = [:]
    for line in readme.split(separator: "\n") where line.hasPrefix("| `Sources/") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count >= 4 else { continue }
      let module = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")).replacingOccurrences(
        of: "Sources/", with: "")
      let listed =
        cells[2] == "none"
        ? []
        : cells[2].split(separator: ",").map {
          $0.trimmingCharacters(in: CharacterSet(charactersIn: "` "))
        }
      rows[module] = Set(listed)
    }
    return rows
  }

  @Test func everyModuleHasARowWhoseImportsAreTheSourcesImports() throws {
    let modules = try FileManager.default.contentsOfDirectory(
      atPath: Self.repository.appendingPathComponent("Sources").path
    ).filter { !$0.hasPrefix(".") }
    let table = try Self.table()
    #expect(modules.count >= 10 && Set(modules) == Set(table.keys), "modules \(modules.sorted()) vs table")
    for module in modules {
      let imports = try Self.imports(of: module)
      #expect(
        table[module] == imports,
        "\(module): README lists \(table[module]?.sorted() ?? []), sources import \(imports.sorted())")
    }
  }

  @Test func onlyGeoRasterImportsGDAL() throws {
    let modules = try FileManager.default.contentsOfDirectory(
      atPath: Self.repository.appendingPathComponent("Sources").path)
    let importers = try modules.filter { try Self.imports(of: $0).contains("CGDAL") }
    #expect(importers == ["GeoRaster"])
  }
}
