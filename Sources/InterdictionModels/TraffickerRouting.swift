import RadarModels

/// How suspect flights choose their way: a share fly the least-exposed route over the terrain and the radars they
/// know of, the rest fly straight (or through their area's waypoints) wherever the terrain lets them.
public struct TraffickerRouting: Sendable, Equatable {
  /// Which of the network's radars traffickers plan around.
  public enum KnownRadars: String, Sendable, Equatable, CaseIterable {
    /// Primary radars at fixed, publicised sites: every primary radar not marked notional.
    case fixedPrimary = "fixed-primary"
    /// Every primary radar of the network, notional ones too.
    case allPrimary = "all-primary"
    /// None: planned routes only avoid terrain above the ceiling.
    case none
  }

  /// Share of flights that fly a least-exposure route.
  public var plannedShare: Sourced<Double>
  /// How many metres of flight out of sight a metre inside a known radar's coverage is worth avoiding.
  public var exposureWeight: Sourced<Double>
  public var knownRadars: Sourced<KnownRadars>

  public init(plannedShare: Sourced<Double>, exposureWeight: Sourced<Double>, knownRadars: Sourced<KnownRadars>) {
    self.plannedShare = plannedShare
    self.exposureWeight = exposureWeight
    self.knownRadars = knownRadars
  }

  /// No planned routes: every flight flies straight where the terrain lets it, and around terrain above its ceiling
  /// by the shortest way.
  public static let direct = TraffickerRouting(
    plannedShare: Sourced(0, .assumption("no planned routes")),
    exposureWeight: Sourced(0, .assumption("no planned routes")),
    knownRadars: Sourced(.none, .assumption("no planned routes")))
}
