import CoverageKernel

/// The expected weighted covered area of a set of radars: what the planner maximises.
///
/// f(S) = Σ_altitudes Σ_cells w(c, h) · (1 − Π_{i ∈ B ∪ S, i covers c at h} (1 − a_i)), with w(c, h) the cell's
/// area in m² times the altitude's weight times the sum of the weights of the regions holding c, B the fixed base
/// network and a_i each radar's availability: the probability that some radar covering the cell is up, radars up
/// or down independently.
///
/// Monotone: adding a radar multiplies some cells' products by 1 − a ≤ 1, so no term falls. Submodular: the gain of
/// adding radar x to S is Σ w(c, h) · a_x · Π_{i ∈ B ∪ S covering c} (1 − a_i) over the cells x covers, and each
/// product only shrinks (more factors, each ≤ 1) as S grows, so x gains no more after a superset than after S.
/// Equivalently f is the expectation, over independent up/down draws, of a weighted coverage function (submodular
/// for every draw), and non-negative sums and expectations of submodular functions are submodular. Hence
/// g(S) = f(S) − f(∅) is monotone submodular with g(∅) = 0, and greedy selection of K sites attains at least
/// (1 − 1/e) of the best g over K sites (Nemhauser, Wolsey and Fisher 1978).
///
/// With a flight layer (`FlightObjective`), f gains a term of the same form over other elements: W/N · Σ_flights
/// (1 − Π_{i covers flight} (1 − a_i)), the expected share of N simulated suspect flights that some radar sees,
/// times a weight W. Its elements are flights instead of cells, but it is again a non-negative weighted coverage
/// function with independent availabilities, so the argument above holds for it word for word; the sum of the two
/// is monotone submodular and the guarantee stands. The flights are one more layer of elements after the
/// altitudes (a footprint's last layer lists the flights the radar covers), so the area terms are computed exactly
/// as without it.
public struct SitingObjective: Sendable {
  /// The planning grid's cell count.
  public let cellCount: Int
  /// The regions, in the order their gains are reported.
  public let regions: [PlanningRegion]
  /// The altitudes, in the order their gains are reported.
  public let altitudes: [PlanningAltitude]
  /// The fixed radars of the base network.
  public let baseNetwork: [SiteCoverage]
  /// Per cell, its area in m² (by row).
  let cellAreas: [Double]
  /// Per altitude and cell: w(c, h).
  let cellWeights: [[Double]]
  /// Per altitude and cell: the probability that no base radar covering the cell is up.
  let baseMiss: [[Double]]
  /// Per cell: true inside some region (the only cells a footprint needs to keep).
  public let counted: [Bool]
  /// The flight layer, when the objective has one.
  public let flights: FlightObjective?
  /// Layers of elements a footprint must have: the altitudes, then the flights when there are.
  var layerCount: Int { altitudes.count + (flights == nil ? 0 : 1) }

  /// The objective over `geometry` for `regions` at `altitudes`, on top of `baseNetwork`. Throws for a region mask
  /// of the wrong size, a negative or non-finite weight, an availability outside 0…1, or a base radar with the
  /// wrong number of altitudes.
  public init(
    geometry: GridGeometry, earthRadius: Double = EarthModel.meanRadius, regions: [PlanningRegion],
    altitudes: [PlanningAltitude], baseNetwork: [SiteCoverage] = [], flights: FlightObjective? = nil
  ) throws(SitePlanningError) {
    let cellCount = geometry.width * geometry.height
    for region in regions {
      guard region.mask.count == cellCount else {
        throw .regionMaskSize(region: region.name, cells: region.mask.count, expected: cellCount)
      }
      guard region.weight.isFinite, region.weight >= 0 else {
        throw .invalidFigure(name: "weight of region '\(region.name)'", value: region.weight, valid: "0 or more")
      }
    }
    for altitude in altitudes where !(altitude.weight.isFinite && altitude.weight >= 0) {
      throw .invalidFigure(name: "altitude weight", value: altitude.weight, valid: "0 or more")
    }
    if let flights, !(flights.weight.isFinite && flights.weight >= 0) {
      throw .invalidFigure(name: "flight weight", value: flights.weight, valid: "0 or more")
    }
    self.cellCount = cellCount
    self.flights = flights
    self.regions = regions
    self.altitudes = altitudes
    self.baseNetwork = baseNetwork
    var areas = [Double](repeating: 0, count: cellCount)
    for row in 0..<geometry.height {
      let area = geometry.cellArea(row: row, earthRadius: earthRadius)
      for column in 0..<geometry.width { areas[row * geometry.width + column] = area }
    }
    cellAreas = areas
    var regionWeight = [Double](repeating: 0, count: cellCount)
    var counted = [Bool](repeating: false, count: cellCount)
    for region in regions {
      for cell in 0..<cellCount where region.mask[cell] {
        regionWeight[cell] += region.weight
        counted[cell] = true
      }
    }
    self.counted = counted
    var weights = altitudes.map { altitude in (0..<cellCount).map { altitude.weight * areas[$0] * regionWeight[$0] } }
    var miss = altitudes.map { _ in [Double](repeating: 1, count: cellCount) }
    if let flights {
      weights.append([Double](repeating: flights.weightPerFlight, count: flights.count))
      miss.append([Double](repeating: 1, count: flights.count))
    }
    cellWeights = weights
    for radar in baseNetwork {
      try Self.check(radar, altitudes: miss.count)
      Self.apply(radar, to: &miss)
    }
    baseMiss = miss
  }

  /// Throws when `radar` is unusable with this objective (availability outside 0…1, altitudes that differ).
  func check(_ radar: SiteCoverage) throws(SitePlanningError) { try Self.check(radar, altitudes: layerCount) }

  private static func check(_ radar: SiteCoverage, altitudes: Int) throws(SitePlanningError) {
    guard (0...1).contains(radar.availability) else {
      throw .invalidFigure(name: "availability of '\(radar.name)'", value: radar.availability, valid: "0 to 1")
    }
    guard radar.footprint.altitudeCount == altitudes else {
      throw .footprintAltitudes(site: radar.name, altitudes: radar.footprint.altitudeCount, expected: altitudes)
    }
  }

  /// Multiplies the miss probability of every cell `radar` covers by its unavailability.
  static func apply(_ radar: SiteCoverage, to miss: inout [[Double]]) {
    let down = 1 - radar.availability
    for altitude in 0..<radar.footprint.altitudeCount {
      radar.footprint.forEachCell(atAltitude: altitude) { miss[altitude][$0] *= down }
    }
  }

  /// The miss probabilities with `radars` added to the base network.
  func missProbabilities(with radars: [SiteCoverage]) -> [[Double]] {
    var miss = baseMiss
    for radar in radars { Self.apply(radar, to: &miss) }
    return miss
  }

  /// The objective for given miss probabilities: Σ w(c, h) (1 − miss(c, h)), summed cell by cell in order (the
  /// flights last, when there are).
  func value(miss: [[Double]]) -> Double {
    var total = 0.0
    for (altitude, weights) in cellWeights.enumerated() {
      for cell in weights.indices where weights[cell] > 0 { total += weights[cell] * (1 - miss[altitude][cell]) }
    }
    return total
  }

  /// The expected share of the flights some radar sees, for given miss probabilities; nil without flights.
  func detectedShare(miss: [[Double]]) -> Double? {
    guard let flights, flights.count > 0 else { return nil }
    return 1 - miss[altitudes.count].reduce(0, +) / Double(flights.count)
  }

  /// The expected share of the flights detected with `radars` added to the base network; nil without flights.
  public func detectedShare(of radars: [SiteCoverage]) -> Double? {
    detectedShare(miss: missProbabilities(with: radars))
  }

  /// What adding `radar` to the radars whose miss probabilities are `miss` adds to the objective.
  func gain(of radar: SiteCoverage, miss: [[Double]]) -> Double {
    var total = 0.0
    for altitude in 0..<radar.footprint.altitudeCount {
      let weights = cellWeights[altitude]
      let missing = miss[altitude]
      radar.footprint.forEachCell(atAltitude: altitude) { total += weights[$0] * missing[$0] }
    }
    return total * radar.availability
  }

  /// The gain of `radar` split by region (outer) and altitude (inner), in weighted m²: a cell in two regions adds
  /// to both.
  func gainByRegionAndAltitude(of radar: SiteCoverage, miss: [[Double]]) -> [[Double]] {
    var gains = regions.map { _ in [Double](repeating: 0, count: altitudes.count) }
    for altitude in altitudes.indices {
      let scale = altitudes[altitude].weight * radar.availability
      radar.footprint.forEachCell(atAltitude: altitude) { cell in
        let expected = scale * cellAreas[cell] * miss[altitude][cell]
        for (number, region) in regions.enumerated() where region.mask[cell] {
          gains[number][altitude] += region.weight * expected
        }
      }
    }
    return gains
  }

  /// The objective of the base network with `radars` added.
  public func value(of radars: [SiteCoverage]) -> Double { value(miss: missProbabilities(with: radars)) }

  /// The objective of the base network alone.
  public var baseValue: Double { value(miss: baseMiss) }
}
