#if canImport(Glibc)
  import Glibc
#endif

/// Path arithmetic on plain strings (Foundation's `NSString` path methods crash on some one-character paths).
enum PathText {
  /// The folder part of `path` ("." when it has none) and its last component.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  /// `directory/name`, without doubling the slash.
  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// `name` without its last extension (`a.tif` -> `a`; `.hidden` and `a` unchanged).
  static func stem(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// The extension of `name` with its dot (`.tif`), or "".
  static func dottedExtension(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[dot...])
  }

  /// The absolute, symlink-free form of an existing path, or nil.
  static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// The canonical form of a path whose folder exists: the folder resolved, then the name.
  static func canonical(_ path: String) -> String {
    if let whole = resolved(path) { return whole }
    let (directory, name) = split(path)
    return join(resolved(directory) ?? directory, name)
  }

  /// The names in `directory`, or [] when it cannot be listed.
  static func entries(of directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Removes `path` and, for a folder, everything in it; symbolic links are removed, never followed.
  static func removeTree(_ path: String) {
    let (directory, name) = split(path)
    removeTree(named: name, in: directory)
  }

  /// Removes `name` in `directory` and, for a folder, everything in it. Folders are opened relative to their
  /// parent with `O_NOFOLLOW`, so a folder swapped for a symbolic link meanwhile is unlinked, never followed.
  static func removeTree(named name: String, in directory: String) {
    let parent = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parent >= 0 else { return }
    defer { close(parent) }
    removeTree(named: name, at: parent)
  }

  private static func removeTree(named name: String, at parent: Int32) {
    let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else {
      unlinkat(parent, name, 0)  // a file, a link, or nothing
      return
    }
    guard let handle = fdopendir(folder) else {
      close(folder)
      return
    }
    var names: [String] = []
    while let entry = readdir(handle) {
      let child = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if child != "." && child != ".." { names.append(child) }
    }
    for child in names { removeTree(named: child, at: folder) }
    closedir(handle)  // closes `folder` too
    unlinkat(parent, name, AT_REMOVEDIR)
  }

  /// Every regular file under `directory`, as paths relative to it, sorted.
  static func files(under directory: String, prefix: String = "") -> [String] {
    entries(of: directory).flatMap { name -> [String] in
      let path = join(directory, name)
      if case .directory = FileStatus(path) { return files(under: path, prefix: prefix + name + "/") }
      return [prefix + name]
    }
  }
}
