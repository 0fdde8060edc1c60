import ArgumentParser
import Foundation

/// The `terrain fetch --bbox` value: `W,S,E,N` in degrees, west below east and south below north.
public struct BoundingBox: Equatable, Sendable {
  public let west: Double
  public let south: Double
  public let east: Double
  public let north: Double

  /// Parses `W,S,E,N`; the error names the edge that is wrong (ArgumentParser adds the option and value).
  public init(parsing text: String) throws(ValidationError) {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard fields.count == 4 else {
      throw ValidationError("expected W,S,E,N in degrees, got \(fields.count) field\(fields.count == 1 ? "" : "s")")
    }
    let edges: [(name: String, limit: Double)] = [("west", 180), ("south", 90), ("east", 180), ("north", 90)]
    var degrees: [Double] = []
    for (field, edge) in zip(fields, edges) {
      guard let value = Double(field), (-edge.limit...edge.limit).contains(value) else {
        throw ValidationError(
          "\(edge.name) '\(field)' is not a number in -\(Int(edge.limit))...\(Int(edge.limit))"
            + Self.orderHint(fields))
      }
      degrees.append(value)
    }
    (west, south, east, north) = (degrees[0], degrees[1], degrees[2], degrees[3])
    guard west < east else { throw ValidationError("west \(fields[0]) is not below east \(fields[2])") }
    guard south < north else { throw ValidationError("south \(fields[1]) is not below north \(fields[3])") }
  }

  /// A hint when the fields read as S,W,N,E (latitudes first, then longitudes beyond ±90): `--bbox` takes the west
  /// edge first.
  private static func orderHint(_ fields: [String]) -> String {
    let values = fields.compactMap(Double.init)
    guard values.count == 4, values.allSatisfy({ abs($0) <= 180 }), abs(values[0]) <= 90, abs(values[2]) <= 90,
      abs(values[1]) > 90, abs(values[3]) > 90
    else { return "" }
    return " (latitudes first? --bbox takes W,S,E,N: \(fields[1]),\(fields[0]),\(fields[3]),\(fields[2]))"
  }

  /// The value's name in help.
  public static let valueName = "w,s,e,n"

  /// The south-west corners of the Copernicus tiles the box touches.
  public var tileCorners: [(latitude: Int, longitude: Int)] {
    CopernicusTiles.corners(west: west, south: south, east: east, north: north)
  }
}
