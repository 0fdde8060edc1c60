import CoverageKernel
import Foundation

/// Why a siting problem cannot be set up as given.
public enum SitePlanningError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Candidate search measures distances in degrees of latitude and longitude: it needs a geographic grid.
  case projectedGrid
  /// A figure of the candidate criteria or the objective that is out of its range (name, value, what is valid).
  case invalidFigure(name: String, value: Double, valid: String)
  /// A region's mask does not have one entry per cell of the grid.
  case regionMaskSize(region: String, cells: Int, expected: Int)
  /// A footprint was built for another number of altitudes than the objective tracks.
  case footprintAltitudes(site: String, altitudes: Int, expected: Int)
  /// The kernel refused a candidate's site.
  case kernel(site: String, CoverageKernelError)

  public var description: String {
    switch self {
    case .projectedGrid:
      return "candidate search needs a geographic (longitude/latitude) grid"
    case .invalidFigure(let name, let value, let valid):
      return "\(name) is \(value); valid: \(valid)"
    case .regionMaskSize(let region, let cells, let expected):
      return "region '\(region)' has a mask of \(cells) cells for a grid of \(expected)"
    case .footprintAltitudes(let site, let altitudes, let expected):
      return "site '\(site)' has coverage at \(altitudes) altitudes; the objective tracks \(expected)"
    case .kernel(let site, let error):
      return "site '\(site)': \(error)"
    }
  }
}

extension SitePlanningError: LocalizedError {
  /// The description, so that a command prints it as its one line on stderr.
  public var errorDescription: String? { description }
}
