/// One site the greedy search picked, in pick order.
public struct GreedyPick: Sendable, Equatable {
  /// The candidate's index.
  public var candidate: Int
  /// What it added to the objective, weighted m².
  public var gain: Double
  /// That gain by region (outer, the objective's order) and altitude (inner).
  public var gainByRegionAndAltitude: [[Double]]
  /// The objective after the pick (base network included), weighted m².
  public var cumulativeValue: Double
}

/// The greedy search's answer and how far from the best it can be.
public struct GreedySelection: Sendable, Equatable {
  /// The picks in order.
  public var picks: [GreedyPick]
  /// The objective of the base network alone.
  public var baseValue: Double
  /// The objective with the picks (base included).
  public var value: Double
  /// The online bound (Minoux 1978; Leskovec et al. 2007): for the best K sites, OPT ≤ f(S) + the sum of the K
  /// largest gains of unchosen candidates with respect to S, for every S along the way (gains exact at the end,
  /// lazy upper bounds before); the least of those, base included.
  public var onlineUpperBound: Double
  /// The a-priori bound: OPT − base ≤ (value − base) / (1 − 1/e), base added back.
  public var guaranteeUpperBound: Double
  /// Gains computed (the lazy search's work; a plain greedy computes about K·N).
  public var gainEvaluations: Int

  /// The tighter of the two bounds on the best objective over K sites.
  public var upperBound: Double { min(onlineUpperBound, guaranteeUpperBound) }
  /// The share of the best achievable gain over the base that the picks reach at least (1 when the base cannot be
  /// improved).
  public var guaranteedShare: Double {
    let room = upperBound - baseValue
    return room > 0 ? (value - baseValue) / room : 1
  }
}

/// A set of sites after the swap pass.
public struct SwapImprovement: Sendable, Equatable {
  /// The chosen candidates' indices, in the order of the set that went in (a swapped site takes its slot).
  public var chosen: [Int]
  /// The objective with them (base included).
  public var value: Double
  /// Swaps made, each (out, in).
  public var swaps: [(out: Int, in: Int)]
  /// Whether no single swap improves the set (false when the pass limit stopped the search first).
  public var isLocalOptimum: Bool

  public static func == (lhs: SwapImprovement, rhs: SwapImprovement) -> Bool {
    lhs.chosen == rhs.chosen && lhs.value == rhs.value && lhs.isLocalOptimum == rhs.isLocalOptimum
      && lhs.swaps.map(\.out) == rhs.swaps.map(\.out) && lhs.swaps.map(\.in) == rhs.swaps.map(\.in)
  }
}
