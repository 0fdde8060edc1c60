#if canImport(Glibc)
  import Glibc
#endif

/// The files of one run, published together: each is written complete under a temporary name beside its final
/// one, then all are renamed into place in a fixed order under a publication journal. A reader therefore sees every
/// file complete; a run interrupted before publishing leaves the previous outputs as they were, and one killed
/// during publishing is completed by the next run in the same folders, so the set ends up all new.
public final class OutputTransaction {
  /// The outputs, in publication order.
  public let outputs: [OutputFile]
  private var staged: [OutputFile: String] = [:]

  /// Checks that `outputs` name distinct files, none of them an input, and clears stale temporaries of dead runs
  /// from their folders.
  public init(_ outputs: [OutputFile], inputs: [RunInput]) throws {
    try Self.checkDistinct(outputs, inputs: inputs)
    self.outputs = outputs
    StaleTemporaries.clean(in: outputs.map(\.directory))
  }

  /// The temporary path to write `output` to (reserved on first call).
  public func stagedPath(for output: OutputFile) -> String {
    if let path = staged[output] { return path }
    // Always an extension, so GDAL names sidecars after the temporary (`stem.wld`), never `.wld`.
    let dotted = PathText.dottedExtension(output.name)
    let path = TemporaryFiles.reserve(in: output.directory, suffix: dotted.isEmpty ? ".tmp" : dotted)
    staged[output] = path
    return path
  }

  /// Renames every staged file (and the sidecars GDAL wrote beside it) into place, in `outputs` order. Outputs
  /// never staged are left alone.
  public func commit() throws {
    var renames: [PublicationJournal.Rename] = []
    for output in outputs {
      guard let path = staged[output], let stem = TemporaryFiles.stem(of: path) else { continue }
      let finalStem = PathText.stem(output.name)
      let temporaryName = PathText.split(path).name
      let folder = PathText.resolved(output.directory) ?? output.directory
      for name in PathText.entries(of: folder) where name.hasPrefix(stem + ".") || name == stem {
        let target =
          name.hasPrefix(temporaryName)
          ? output.name + name.dropFirst(temporaryName.count) : finalStem + name.dropFirst(stem.count)
        let targetPath = PathText.join(folder, target)
        try OutputFile.checkReplaceable(targetPath, option: output.option, what: "file")
        renames.append(.init(from: PathText.join(folder, name), to: targetPath))
      }
      guard renames.contains(where: { $0.from == PathText.join(folder, temporaryName) }) else {
        throw OutputError("\(output.option) '\(output.path)' was not written")
      }
    }
    try TemporaryFiles.publishing {
      let folders = Array(Set(outputs.map(\.directory))).sorted()
      let journalPaths = folders.map { TemporaryFiles.reserve(in: $0, suffix: ".journal") }
      let journal = PublicationJournal(renames: renames, copies: journalPaths)
      try journal.write()
      let failure = journal.complete()
      for path in journalPaths + Array(staged.values) { TemporaryFiles.release(path) }
      staged = [:]
      if let failure { throw failure }
    }
  }

  /// Removes every staged file; the previous outputs stay as they were.
  public func discard() {
    for path in staged.values { TemporaryFiles.remove(path) }
    staged = [:]
  }

  /// Throws when two outputs (or their sidecars) are the same file, or an output is one of the inputs.
  public static func checkDistinct(_ outputs: [OutputFile], inputs: [RunInput]) throws {
    var owners: [String: (output: OutputFile, path: String)] = [:]
    for output in outputs {
      for path in output.occupiedPaths {
        let key = PathText.canonical(path)
        if let other = owners[key], other.output != output {
          func named(_ output: OutputFile, _ path: String) -> String {
            path == output.path
              ? "\(output.option) '\(output.path)'" : "the sidecar '\(path)' of \(output.option) '\(output.path)'"
          }
          throw OutputError("\(named(output, path)) and \(named(other.output, other.path)) name the same file")
        }
        owners[key] = (output, path)
      }
      let identity = FileStatus.identity(following: output.path)
      for input in inputs {
        guard let local = input.local else { continue }
        let same =
          PathText.canonical(output.path) == local.path
          || (identity != nil && local.identity.map { $0 == identity! } == true)
        if same {
          throw OutputError(
            "\(output.option) '\(output.path)' is the input \(input.option) '\(input.path)'; AirPicture never writes "
              + "over its inputs")
        }
      }
    }
  }
}
