import RadarModels

/// Where a clandestine strip can be: gentle ground, low enough for a loaded light aircraft to take off, inside its
/// named area; optionally among the known strips of a point layer.
public struct StripSiting: Sendable, Equatable {
  /// Steepest ground a strip is laid on, rise over run (0.03 is 3 %), measured across one DEM cell either side.
  public var maximumSlope: Sourced<Double>
  /// Highest ground a strip is laid on, metres MSL.
  public var maximumAltitude: Sourced<Double>
  /// A point layer (any vector file GDAL reads) of known strips, WGS 84 longitude/latitude unless the layer says
  /// otherwise; an area with known strips inside it and within the caps draws its strips among them.
  public var knownStripsFile: String?

  public init(maximumSlope: Sourced<Double>, maximumAltitude: Sourced<Double>, knownStripsFile: String? = nil) {
    self.maximumSlope = maximumSlope
    self.maximumAltitude = maximumAltitude
    self.knownStripsFile = knownStripsFile
  }

  /// No caps: any ground in the area the aircraft can reach.
  public static let anywhere = StripSiting(
    maximumSlope: Sourced(.greatestFiniteMagnitude, .assumption("no slope cap")),
    maximumAltitude: Sourced(.greatestFiniteMagnitude, .assumption("no altitude cap")))
}
