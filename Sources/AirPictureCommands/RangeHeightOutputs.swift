import Foundation
import OutputFiles

/// The PNG and CSV a `profile` or `vcd` run writes: `--out DIR` (DIR/NAME.png and DIR/NAME.csv, the folder made when
/// missing) or `--png FILE` and `--csv FILE`, checked before any work and published together.
struct RangeHeightOutputs {
  let png: OutputFile?
  let csv: OutputFile?
  /// A folder `--out` names that does not exist yet: made once every input has been checked.
  let folderToMake: String?

  /// Refuses `--out` together with `--png` or `--csv`, and a run that writes nothing.
  static func validate(out: String?, png: String?, csv: String?) throws {
    if out != nil, png != nil || csv != nil {
      throw CommandError("give --out DIR or --png FILE and --csv FILE, not both")
    }
    if out == nil, png == nil, csv == nil { throw CommandError("give --out DIR, or --png FILE and/or --csv FILE") }
  }

  /// Checks the paths; `name` is the files' stem inside `--out`.
  init(out: String?, png: String?, csv: String?, name: String) throws {
    if let out {
      guard !out.isEmpty else { throw OutputError("--out is empty; give a folder") }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw OutputError("--out '\(out)' is not a folder") }
        folderToMake = nil
      } else {
        let parent = (out as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isFolder),
          isFolder.boolValue
        else { throw OutputError("--out '\(out)': folder '\(parent)' does not exist") }
        folderToMake = out
      }
      self.png = try folderToMake == nil ? OutputFile(out + "/" + name + ".png", option: "--out") : nil
      self.csv = try folderToMake == nil ? OutputFile(out + "/" + name + ".csv", option: "--out") : nil
      self.out = out
      self.name = name
    } else {
      self.png = try png.map { try OutputFile($0, option: "--png") }
      self.csv = try csv.map { try OutputFile($0, option: "--csv") }
      folderToMake = nil
      self.out = nil
      self.name = name
    }
  }

  private let out: String?
  private let name: String

  /// Writes the chart and the table through one transaction, making `--out`'s folder first when it is new.
  func publish(dem: String, png writePNG: (String) throws -> Void, csv text: String) throws -> [String] {
    var png = self.png
    var csv = self.csv
    if let folder = folderToMake, let out {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      png = try OutputFile(out + "/" + name + ".png", option: "--out")
      csv = try OutputFile(out + "/" + name + ".csv", option: "--out")
    }
    let outputs = [csv, png].compactMap { $0 }
    let transaction = try OutputTransaction(outputs, inputs: [RunInput(option: "--dem", path: dem)])
    do {
      if let png { try writePNG(transaction.stagedPath(for: png)) }
      if let csv { try Data(text.utf8).write(to: URL(fileURLWithPath: transaction.stagedPath(for: csv))) }
      try transaction.commit()
    } catch {
      transaction.discard()
      // Only the folder this call made, and only while empty: rmdir never removes anything put inside it.
      if let folder = folderToMake { rmdir(folder) }
      throw error
    }
    return outputs.map(\.path)
  }
}
