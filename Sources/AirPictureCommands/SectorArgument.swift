import ArgumentParser
import CoverageKernel
import Foundation

/// The `--sector` value: `START,END` in degrees clockwise from north, as typed and as the kernel takes it.
public struct SectorArgument: Equatable, Sendable {
  /// The value as typed, for the GeoTIFF's metadata.
  public let text: String
  public let sector: AzimuthSector

  /// Parses `START,END`; the error names the bound that is wrong, or why the sector is empty (ArgumentParser adds the
  /// option and value).
  public init(parsing text: String) throws(ValidationError) {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard fields.count == 2 else {
      throw ValidationError(
        "expected START,END in degrees, got \(fields.count) field\(fields.count == 1 ? "" : "s")")
    }
    var bounds: [Double] = []
    for (field, bound) in zip(fields, ["start", "end"]) {
      guard let degrees = Double(field), degrees.isFinite else {
        throw ValidationError("\(bound) '\(field)' is not a number of degrees")
      }
      bounds.append(degrees)
    }
    do {
      sector = try AzimuthSector(start: bounds[0], end: bounds[1])
    } catch {
      throw ValidationError(error.description)
    }
    self.text = text
  }
}
