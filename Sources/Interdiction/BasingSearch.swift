import InterdictionModels

/// Chooses `count` forward bases among candidate airfields for one interceptor type under one network configuration,
/// for the most interceptions of the prepared flights.
///
/// Every candidate set is flown against the same flights (`PreparedFlights`: common random numbers), and each
/// candidate airfield draws its alert readiness from its own stream (`Basing.Station.readinessStream`; the stream of
/// the reference's station of the same name, if any), so two sets differ only where their bases differ. A set is evaluated once (cached by its members; stations are flown in
/// candidate order, so a set's result does not depend on the order it was reached in).
///
/// The search is greedy: each step adds the airfield that raises interceptions most (ties to the earlier candidate).
/// P(intercept) with shared alert pairs is **not** guaranteed submodular: a second base can free the first's pair for
/// a later flight of the same day, so a pair of bases can be worth more than the sum of their gains, and greedy has no
/// (1 − 1/e) guarantee here. When the candidate sets number at most `exhaustiveLimit`, every one is evaluated as well
/// and the result says whether greedy found the best; the best set found is the result's answer.
public struct BasingSearch: Sendable {
  /// One greedy step: the airfield added, the basing's result with it, and its gain over the step before (paired).
  public struct Step: Sendable {
    public var candidate: Int
    public var trial: BasingTrial
    public var gain: PairedDifference
  }

  /// The best set of every candidate set, when they were few enough to try all.
  public struct Exhaustive: Sendable {
    public var best: [Int]
    public var trial: BasingTrial
    /// Sets evaluated.
    public var sets: Int
  }

  /// What the search found.
  public struct Result: Sendable {
    /// Greedy's picks in order (candidate indices).
    public var steps: [Step]
    /// The reference basing's result against the same flights.
    public var reference: BasingTrial
    /// The best set found: exhaustive search's when it did better than greedy, greedy's (in pick order) otherwise.
    public var best: [Int]
    public var bestTrial: BasingTrial
    /// The best set against the reference basing (paired).
    public var gainOverReference: PairedDifference
    /// Nil when there were more than `exhaustiveLimit` sets.
    public var exhaustive: Exhaustive?
    /// Distinct sets flown.
    public var evaluations: Int
    /// The other sets of the exhaustive search that the flights do not tell apart from the best (the paired 95 %
    /// interval of best minus it reaches 0), most interceptions first (ties in candidate order); empty when not
    /// every set was tried.
    public var tiedWithBest: [[Int]] = []

    /// Greedy's picks in order.
    public var chosen: [Int] { steps.map(\.candidate) }
    /// Greedy's final result.
    public var trial: BasingTrial { steps.last!.trial }
    /// Which search found `best`: "greedy" (not every set tried), "greedy and exhaustive", or "exhaustive".
    public var foundBy: String {
      switch greedyIsBest {
      case .none: return "greedy"
      case .some(true): return "greedy and exhaustive"
      case .some(false): return "exhaustive"
      }
    }
    /// Whether greedy's set does as well as the best of all sets (nil when not every set was tried).
    public var greedyIsBest: Bool? { exhaustive.map { trial.interceptions >= $0.trial.interceptions } }
  }

  public let flights: PreparedFlights
  /// Index into `flights.configurations`.
  public let configuration: Int
  public let interceptor: InterceptorType
  /// The candidate airfields, each with its own readiness stream (see `init`).
  public let candidates: [Basing.Station]
  /// The basing the gains are measured against, flown as the Monte Carlo flies it.
  public let reference: Basing
  /// Largest number of candidate sets tried exhaustively.
  public let exhaustiveLimit: Int

  /// A search over `candidates` (at least one), measured against `reference`; `exhaustiveLimit` defaults to 500 sets.
  ///
  /// The reference keeps the readiness draws the Monte Carlo gives it (by position), so its P(intercept) is the one
  /// `airpicture run` reports for it. A candidate named as one of the reference's stations draws from that station's
  /// stream; any other draws from its own, past the reference's. Two sets thus differ only where their bases differ.
  public init(
    flights: PreparedFlights, configuration: Int, interceptor: InterceptorType, candidates: [Basing.Station],
    reference: Basing, exhaustiveLimit: Int = 500
  ) {
    self.flights = flights
    self.configuration = configuration
    self.interceptor = interceptor
    self.reference = reference
    self.candidates = candidates.enumerated().map { number, station in
      var station = station
      station.readinessStream =
        reference.stations.firstIndex { $0.name == station.name } ?? reference.stations.count + number
      return station
    }
    self.exhaustiveLimit = exhaustiveLimit
  }

  /// The basing of the candidate set `members` (candidate indices), stations in candidate order.
  public func basing(_ members: [Int]) -> Basing {
    Basing(
      id: Basing.ID("search"), description: "candidate set",
      stations: members.sorted().map { candidates[$0] })
  }

  /// Flies the reference and greedy's `count` picks (and every set of `count` when they number at most
  /// `exhaustiveLimit`) against the prepared flights. `count` must lie in 1...candidates.count.
  public func run(count: Int) -> Result {
    precondition(count >= 1 && count <= candidates.count, "choose 1 to \(candidates.count) bases")
    var cache: [[Int]: BasingTrial] = [:]
    func trial(_ members: [Int]) -> BasingTrial {
      let key = members.sorted()
      if let known = cache[key] { return known }
      let result = flights.engage(configuration: configuration, interceptor: interceptor, basing: basing(key))
      cache[key] = result
      return result
    }
    var chosen: [Int] = []
    var steps: [Step] = []
    var previous = BasingTrial(intercepted: Array(repeating: false, count: flights.count), flightHours: 0)
    for _ in 0..<count {
      var best: (candidate: Int, trial: BasingTrial)?
      for candidate in candidates.indices where !chosen.contains(candidate) {
        let result = trial(chosen + [candidate])
        if best == nil || result.interceptions > best!.trial.interceptions { best = (candidate, result) }
      }
      chosen.append(best!.candidate)
      steps.append(Step(candidate: best!.candidate, trial: best!.trial, gain: PairedDifference(best!.trial, previous)))
      previous = best!.trial
    }
    var exhaustive: Exhaustive?
    if let sets = Self.combinations(candidates.count, count), sets <= exhaustiveLimit {
      var best: (members: [Int], trial: BasingTrial)?
      Self.forEachSubset(of: candidates.count, size: count) { members in
        let result = trial(members)
        if best == nil || result.interceptions > best!.trial.interceptions { best = (members, result) }
      }
      exhaustive = Exhaustive(best: best!.members, trial: best!.trial, sets: sets)
    }
    let referenceTrial = flights.engage(configuration: configuration, interceptor: interceptor, basing: reference)
    var best = (members: chosen, trial: previous)
    if let exhaustive, exhaustive.trial.interceptions > previous.interceptions {
      best = (exhaustive.best, exhaustive.trial)
    }
    var result = Result(
      steps: steps, reference: referenceTrial, best: best.members, bestTrial: best.trial,
      gainOverReference: PairedDifference(best.trial, referenceTrial), exhaustive: exhaustive,
      evaluations: cache.count)
    if exhaustive != nil {
      let bestKey = best.members.sorted()
      result.tiedWithBest = cache.filter { $0.key.count == count && $0.key != bestKey }
        .filter { PairedDifference(best.trial, $0.value).low <= 0 }
        .sorted {
          $0.value.interceptions != $1.value.interceptions
            ? $0.value.interceptions > $1.value.interceptions : $0.key.lexicographicallyPrecedes($1.key)
        }
        .map(\.key)
    }
    return result
  }

  /// n choose k, or nil when it exceeds `Int.max / n` on the way (far more than any limit).
  static func combinations(_ n: Int, _ k: Int) -> Int? {
    guard k >= 0, k <= n else { return 0 }
    var result = 1
    for i in 0..<min(k, n - k) {
      let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
      guard !overflow else { return nil }
      result = product / (i + 1)
    }
    return result
  }

  /// Calls `body` with every `size`-subset of `0..<n` in lexicographic order.
  static func forEachSubset(of n: Int, size: Int, _ body: ([Int]) -> Void) {
    guard size <= n else { return }
    var members = Array(0..<size)
    while true {
      body(members)
      var position = size - 1
      while position >= 0 && members[position] == n - size + position { position -= 1 }
      guard position >= 0 else { return }
      members[position] += 1
      for next in (position + 1)..<size { members[next] = members[next - 1] + 1 }
    }
  }
}
