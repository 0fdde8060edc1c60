import InterdictionModels
import RadarModels

/// A plan file (`airpicture plan PLAN.yaml`): which radars to add to a base network, where they may stand, and what
/// coverage they are chosen for. Every figure carries its source, derivation or assumption.
public struct SitingPlanFile: Sendable {
  /// A region the objective values, by its name in the base network's regions file.
  public struct Region: Sendable, Equatable {
    /// The region's name.
    public var name: String
    /// How much a square kilometre of it counts.
    public var weight: Sourced<Double>
  }

  /// Where candidate sites come from.
  public struct Candidates: Sendable, Equatable {
    /// Summits of the DEM (see `CandidateFinder`), when given.
    public var fromDEM: DEMCandidates?
    /// An OGR point layer of sites, when given: its path (resolved) and why these points.
    public var file: Sourced<String>?
  }

  /// Criteria for summits of the DEM as candidate sites.
  public struct DEMCandidates: Sendable, Equatable {
    /// Radius within which a summit is the highest point, metres.
    public var prominenceRadius: Sourced<Double>
    /// Least height above everything else within the radius, metres.
    public var minimumProminence: Sourced<Double>
    /// Least distance between two candidates, metres.
    public var spacing: Sourced<Double>
    /// Highest ground a candidate may stand on, metres MSL (nil: no cap).
    public var maximumGround: Sourced<Double>?
    /// Keep only this many, most prominent first (nil: all).
    public var top: Sourced<Double>?
    /// Regions (by name) the candidates lie in; empty when `boundingBox` is given instead.
    public var withinRegions: [String]
    /// West, south, east, north in degrees, when given instead of regions.
    public var boundingBox: [Double]?
  }

  /// The optional flight term of the objective: the share of an interdiction scenario's simulated suspect flights
  /// that some radar sees.
  public struct Flights: Sendable {
    /// The interdiction scenario's path (resolved).
    public var scenarioFile: String
    /// The interdiction scenario (its flight pattern and the network its traffickers route around).
    public var scenario: InterdictionScenario
    /// How many flights to simulate.
    public var count: Sourced<Double>
    /// The seed of their draws.
    public var seed: UInt64
    /// What seeing every flight counts for, km² of the area term.
    public var weight: Sourced<Double>
  }

  /// The plan's identifier (names the output).
  public var id: String
  /// A one-line title.
  public var title: String
  /// The base network scenario's path (resolved) and the scenario itself.
  public var networkFile: String
  /// The base network scenario.
  public var network: Scenario
  /// The radar type the plan adds.
  public var radarType: RadarType
  /// The added radars' mast (antenna above ground), metres.
  public var mast: Sourced<Double>
  /// How many radars to add.
  public var sites: Sourced<Double>
  /// The target class, one of the network scenario's targets.
  public var target: TargetClass
  /// The network configuration whose radars form the base.
  public var configuration: NetworkConfiguration
  /// The regions the objective values.
  public var regions: [Region]
  /// Altitudes above ground, metres, with their weights.
  public var altitudesAGL: [(metres: Sourced<Double>, weight: Double)]
  /// Flight levels, with their weights.
  public var flightLevels: [(level: Sourced<Double>, weight: Double)]
  /// Where candidate sites come from.
  public var candidates: Candidates
  /// Coarse-to-fine screening of the candidates, when the plan asks for it (nil: every candidate on the full grid).
  public var screening: Screening? = nil
  /// The flight term of the objective, when the plan has one.
  public var flights: Flights? = nil
  /// Where to base the alert pairs, when the plan asks (its `basing:` section).
  public var basing: AlertBasingSection? = nil
}
