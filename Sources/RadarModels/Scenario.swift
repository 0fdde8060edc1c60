/// A coverage scenario: terrain, radars, targets, network configurations and the regions and altitudes to report.
public struct Scenario: Sendable {
  /// Short identifier ("peru-2025").
  public var id: String
  /// One-line title for maps and tables.
  public var title: String
  /// DEM candidates in order of preference (absolute paths); the first that exists is used.
  public var demCandidates: [String]
  /// Refraction factor k.
  public var refractionFactor: Sourced<Double>
  /// Probability of false alarm for primary radars.
  public var falseAlarmProbability: Sourced<Double>
  /// Per-scan probability at which a cell counts as covered.
  public var coverageProbability: Sourced<Double>
  /// Aircraft kinds to map.
  public var targets: [TargetClass]
  /// The radars.
  public var radars: [RadarPlacement]
  /// How they feed the picture.
  public var networks: [NetworkConfiguration]
  /// Vector file of analysis regions (absolute path) and the attribute that names them.
  public var regionsFile: String?
  public var regionNameField: String
  /// Vector file of borders to draw on maps (absolute path).
  public var bordersFile: String?
  /// Target altitudes above ground for the tables, metres.
  public var altitudesAGL: [Double]
  /// The altitude the maps and KML outlines show, metres above ground.
  public var mapAltitudeAGL: Double
  /// Flight levels for the tables, hundreds of feet (150 for FL150), each with its source or assumption; pressure
  /// altitude is taken as altitude above mean sea level.
  public var flightLevels: [Sourced<Int>]

  /// Creates a scenario.
  public init(
    id: String, title: String, demCandidates: [String], refractionFactor: Sourced<Double>,
    falseAlarmProbability: Sourced<Double>, coverageProbability: Sourced<Double>, targets: [TargetClass],
    radars: [RadarPlacement], networks: [NetworkConfiguration], regionsFile: String?, regionNameField: String,
    bordersFile: String?, altitudesAGL: [Double], mapAltitudeAGL: Double, flightLevels: [Sourced<Int>] = []
  ) {
    self.id = id
    self.title = title
    self.demCandidates = demCandidates
    self.refractionFactor = refractionFactor
    self.falseAlarmProbability = falseAlarmProbability
    self.coverageProbability = coverageProbability
    self.targets = targets
    self.radars = radars
    self.networks = networks
    self.regionsFile = regionsFile
    self.regionNameField = regionNameField
    self.bordersFile = bordersFile
    self.altitudesAGL = altitudesAGL
    self.mapAltitudeAGL = mapAltitudeAGL
    self.flightLevels = flightLevels
  }
}
