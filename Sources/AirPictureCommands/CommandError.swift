import Foundation

/// A user-facing failure of the work itself (a site off the DEM, a fetch that timed out), printed as one line on
/// stderr with a non-zero exit. Bad option values are refused before `run()`, as `ValidationError`s.
struct CommandError: Error, CustomStringConvertible, LocalizedError {
  var description: String
  var errorDescription: String? { description }
  init(_ description: String) { self.description = description }
}
