#if canImport(Glibc)
  import Glibc
#endif

/// What a path names on disk, read with `lstat` (symbolic links are not followed).
enum FileStatus: Equatable {
  case missing
  case regularFile(device: UInt64, inode: UInt64)
  case directory
  case symbolicLink
  /// A device, FIFO or socket.
  case special(kind: String)

  /// The status of `path`; `missing` when nothing is there (or it cannot be examined). With `following`, a
  /// symbolic link is judged by what it leads to (for the folder part of a path).
  init(_ path: String, following: Bool = false) {
    var info = stat()
    guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else {
      self = .missing
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: self = .regularFile(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    case S_IFDIR: self = .directory
    case S_IFLNK: self = .symbolicLink
    case S_IFCHR: self = .special(kind: "a character device")
    case S_IFBLK: self = .special(kind: "a block device")
    case S_IFIFO: self = .special(kind: "a FIFO")
    case S_IFSOCK: self = .special(kind: "a socket")
    default: self = .special(kind: "not a regular file")
    }
  }

  /// The device and inode of the file `path` leads to (symbolic links followed), if it exists.
  static func identity(following path: String) -> (device: UInt64, inode: UInt64)? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (UInt64(info.st_dev), UInt64(info.st_ino))
  }
}
