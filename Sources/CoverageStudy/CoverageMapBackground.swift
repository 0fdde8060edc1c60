import GeoRaster

/// A study's terrain and coverage on its grid, for a map drawn over them: per cell 0 not covered, 1 covered in
/// real time, 2 covered only through the voice relay (`StudyMap`'s classes).
public struct CoverageMapBackground: Sendable {
  /// The network configuration's id.
  public var configuration: String
  public var elevation: [Float]
  public var classes: [UInt8]
  public var georeference: RasterGeoreference
  /// Which network configuration, target and altitude the classes are.
  public var description: String

  /// Creates a background.
  public init(
    configuration: String, elevation: [Float], classes: [UInt8], georeference: RasterGeoreference,
    description: String
  ) {
    self.configuration = configuration
    self.elevation = elevation
    self.classes = classes
    self.georeference = georeference
    self.description = description
  }
}
