import Foundation
import OutputFiles
import Testing

/// A run's files appear together, replace earlier ones atomically, and leave no temporaries.
@Suite final class PublicationTests {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-publish-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  func path(_ name: String) -> String { folder + "/" + name }
  func write(_ text: String, _ file: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: file)) }
  func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
  var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
  var temporaries: [String] {
    entries.filter { $0.hasPrefix(TemporaryFiles.namePrefix) }
  }

  @Test func aTransactionReplacesEveryFileWithSidecarsAndLeavesNoTemporary() throws {
    try write("old map", path("map.png"))
    try write("old table", path("table.csv"))
    let outputs = [
      try OutputFile(path("table.csv"), option: "--summary-csv"), try OutputFile(path("map.png"), option: "--png"),
    ]
    let transaction = try OutputTransaction(outputs, inputs: [])
    let staged = transaction.stagedPath(for: outputs[1])
    try write("new map", staged)
    try write("world file", String(staged.dropLast(".png".count)) + ".wld")
    try write("new table", transaction.stagedPath(for: outputs[0]))
    #expect(read("map.png") == "old map")
    try transaction.commit()
    #expect(read("map.png") == "new map" && read("map.wld") == "world file" && read("table.csv") == "new table")
    #expect(temporaries.isEmpty)
  }

  @Test func aDiscardedTransactionLeavesTheOldFiles() throws {
    try write("old", path("coverage.tif"))
    let output = try OutputFile(path("coverage.tif"), option: "--out")
    let transaction = try OutputTransaction([output], inputs: [])
    try write("half", transaction.stagedPath(for: output))
    transaction.discard()
    #expect(read("coverage.tif") == "old")
    #expect(temporaries.isEmpty)
  }

  /// The pid of a process that has certainly exited.
  func deadProcess() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// A temporary's name as run `process` on this host makes it.
  func temporary(_ process: pid_t, _ counter: Int, _ suffix: String) -> String {
    ".airpicture-\(TemporaryFiles.hostTag)-\(process)-\(counter)\(suffix)"
  }

  @Test func aJournalLeftByADeadRunIsCompletedAndItsTemporariesRemoved() throws {
    let dead = try deadProcess()
    try write("old a", path("a.csv"))
    try write("old b", path("b.csv"))
    // The dead run had renamed a.csv and was killed before b.csv.
    try write("new a", path("a.csv"))
    try write("new b", path(temporary(dead, 2, ".csv")))
    try write("partial", path(temporary(dead, 3, ".tif")))
    let journal = PublicationJournal(
      renames: [
        .init(from: path(temporary(dead, 1, ".csv")), to: path("a.csv")),
        .init(from: path(temporary(dead, 2, ".csv")), to: path("b.csv")),
      ], copies: [path(temporary(dead, 4, ".journal"))])
    try journal.write()
    let log = StaleTemporaries.clean(in: [folder])
    #expect(read("a.csv") == "new a" && read("b.csv") == "new b")
    #expect(entries == ["a.csv", "b.csv"], "\(log)")
  }

  @Test func aPlantedJournalCannotRenameAnythingButItsOwnRunsTemporaries() throws {
    let dead = try deadProcess()
    try FileManager.default.createDirectory(atPath: path("victim"), withIntermediateDirectories: true)
    try write("thesis", path("victim/thesis.txt"))
    try write("junk", path("victim/old.txt"))
    try write("other run", path(temporary(dead + 1, 1, ".tif")))
    let journal = PublicationJournal(
      renames: [
        .init(from: path("victim/old.txt"), to: path("victim/thesis.txt")),
        .init(from: path(temporary(dead + 1, 1, ".tif")), to: path("victim/thesis.txt")),
        .init(from: "relative/" + temporary(dead, 1, ".tif"), to: "thesis.txt"),
      ], copies: [path(temporary(dead, 9, ".journal"))])
    try journal.write()
    StaleTemporaries.clean(in: [folder])
    #expect(read("victim/thesis.txt") == "thesis" && read("victim/old.txt") == "junk")
  }

  @Test func aPlantedJournalCannotDeleteWhatItListsAsItsCopies() throws {
    let dead = try deadProcess()
    try write("thesis", path("thesis.txt"))
    try write("other run", path(temporary(dead + 1, 2, ".journal")))
    // Written at its own name, but listing a user's file and another run's journal as its "copies".
    let journal = PublicationJournal(
      renames: [],
      copies: [path(temporary(dead, 9, ".journal")), path("thesis.txt"), path(temporary(dead + 1, 2, ".journal"))])
    try journal.write()
    // `write` wrote every listed copy: put the user's file and the other run's journal back as they were.
    try write("thesis", path("thesis.txt"))
    try write("other run", path(temporary(dead + 1, 2, ".journal")))
    StaleTemporaries.clean(in: [folder])
    #expect(read("thesis.txt") == "thesis")
    #expect(!entries.contains(temporary(dead, 9, ".journal")))
  }

  @Test func onlyExactTemporaryNamesOfThisHostAreRemovedAndLinksAreNotFollowed() throws {
    let dead = try deadProcess()
    let foreign = [
      ".coverage.partial-\(dead).tif", ".airpicture-2024-config", ".airpicture-\(dead)-1.tif",
      ".airpicture-0badf00d-\(dead)-1.tif",  // another host's run: this host cannot judge it
    ]
    for name in foreign { try write("keep", path(name)) }
    try FileManager.default.createDirectory(
      atPath: path(".backup.partial-31999/sub"), withIntermediateDirectories: true)
    try write("keep", path(".backup.partial-31999/sub/notes.txt"))
    try FileManager.default.createDirectory(atPath: path("precious"), withIntermediateDirectories: true)
    try write("keep", path("precious/a.txt"))
    #expect(symlink(path("precious"), path(temporary(dead, 5, ".partial"))) == 0)
    StaleTemporaries.clean(in: [folder])
    for name in foreign { #expect(read(name) == "keep", "\(name) removed") }
    #expect(read(".backup.partial-31999/sub/notes.txt") == "keep")
    #expect(read("precious/a.txt") == "keep")
    #expect(!entries.contains(temporary(dead, 5, ".partial")))
  }

  @Test func removingAPathThisRunDidNotReserveLeavesItAlone() throws {
    try write("keep", path("mine.txt"))
    TemporaryFiles.remove(path("mine.txt"))
    #expect(read("mine.txt") == "keep")
    let reserved = TemporaryFiles.reserve(in: folder, suffix: ".tif")
    try write("partial", reserved)
    TemporaryFiles.remove(reserved)
    TemporaryFiles.remove(reserved)  // a second time: already gone, nothing else touched
    #expect(entries == ["mine.txt"])
  }

  @Test func temporariesOfLiveProcessesAreKept() throws {
    try write("mine", path(temporary(1, 1, ".tif")))  // pid 1 is always alive
    StaleTemporaries.clean(in: [folder])
    #expect(read(temporary(1, 1, ".tif")) == "mine")
  }

  @Test func aFolderIsCreatedThenReplacedWholeButNeverAForeignOne() throws {
    let destination = path("run")
    let first = try OutputFolder(destination, option: "--out")
    try write("one", first.staging + "/table.csv")
    try FileManager.default.createDirectory(atPath: first.staging + "/maps", withIntermediateDirectories: true)
    try write("map", first.staging + "/maps/a.png")
    try first.publish()
    #expect(read("run/table.csv") == "one")
    let manifest = try #require(RunManifest.read(in: destination))
    #expect(manifest.files == ["maps/a.png", "table.csv"])
    let second = try OutputFolder(destination, option: "--out")
    try write("two", second.staging + "/table.csv")
    try second.publish()
    #expect(read("run/table.csv") == "two")
    #expect(FileManager.default.fileExists(atPath: path("run/maps/a.png")) == false)
    #expect(entries == ["run"])
    // A file the user added makes the folder foreign to AirPicture: refused, nothing touched.
    try write("notes", path("run/notes.txt"))
    #expect(throws: OutputError.self) { _ = try OutputFolder(destination, option: "--out") }
    #expect(read("run/notes.txt") == "notes" && read("run/table.csv") == "two")
    try FileManager.default.createDirectory(atPath: path("precious/sub"), withIntermediateDirectories: true)
    try write("thesis", path("precious/a.txt"))
    #expect(throws: OutputError.self) { _ = try OutputFolder(path("precious"), option: "--out") }
    #expect(read("precious/a.txt") == "thesis")
  }

  @Test func anEmptyFolderIsFilledAndDotNamesAreRefused() throws {
    try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: true)
    let output = try OutputFolder(path("empty"), option: "--out")
    try write("x", output.staging + "/x.csv")
    try output.publish()
    #expect(read("empty/x.csv") == "x")
    for given in ["", ".", "..", path("empty/.."), "/"] {
      #expect(throws: OutputError.self, "'\(given)'") { _ = try OutputFolder(given, option: "--out") }
    }
    let discarded = try OutputFolder(path("never"), option: "--out")
    discarded.discard()
    #expect(entries == ["empty"])
  }

  @Test func aFolderHoldingAnInputIsRefused() throws {
    let first = try OutputFolder(path("run"), option: "--out")
    try write("dem", first.staging + "/dem.tif")
    try first.publish()
    #expect(throws: OutputError.self) {
      _ = try OutputFolder(path("run"), option: "--out", inputs: [RunInput(option: "--dem", path: path("run/dem.tif"))])
    }
  }
}
