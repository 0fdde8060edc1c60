import Foundation

/// The git commit of the source tree the running executable was built in (`.build/…/airpicture` inside a clone),
/// for the report's provenance: `git rev-parse HEAD` there, marked when tracked files have changed since.
enum SourceCommit {
  /// The commit, with " (with local changes)" when the tree differs from it; nil outside a git clone or without git.
  static func ofExecutable(path: String = CommandLine.arguments[0]) -> String? {
    let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let folder = executable.deletingLastPathComponent().path
    guard let commit = git(["rev-parse", "HEAD"], in: folder), commit.count == 40 else { return nil }
    let changes = git(["status", "--porcelain", "--untracked-files=no"], in: folder) ?? ""
    return changes.isEmpty ? commit : commit + " (with local changes)"
  }

  /// The trimmed output of `git -C folder arguments`, or nil when it fails.
  private static func git(_ arguments: [String], in folder: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
