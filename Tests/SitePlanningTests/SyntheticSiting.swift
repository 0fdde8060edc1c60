import CoverageKernel
import SitePlanning

/// Small siting instances with footprints given directly: a projected strip of 1 m² cells.
enum SyntheticSiting {
  /// A one-row projected grid of `cells` cells of 1 m².
  static func strip(_ cells: Int) -> GridGeometry {
    GridGeometry(
      coordinateSystem: .projected, originX: 0, originY: 1, cellWidth: 1, cellHeight: 1, width: cells, height: 1)
  }

  /// One region over every cell, weight 1.
  static func wholeRegion(_ cells: Int) -> PlanningRegion {
    PlanningRegion(name: "all", weight: 1, mask: [Bool](repeating: true, count: cells))
  }

  /// A site covering `cells` at the one altitude.
  static func site(_ name: String, _ availability: Double, _ cells: [Int]) -> SiteCoverage {
    SiteCoverage(
      name: name, availability: availability,
      footprint: CoverageFootprint(coveredCells: [cells.sorted().map(UInt32.init)]))
  }

  /// A random instance: `candidates` sites over `cells` cells in two weighted regions at two altitudes, each site
  /// covering a random run of cells per altitude with a random availability, and one base radar.
  /// With `flights`, every footprint also covers a random subset of that many flights, worth `flightWeight` in all.
  static func random(
    seed: UInt64, candidates: Int, cells: Int = 60, flights: Int? = nil, flightWeight: Double = 40
  ) throws -> SitingSearch {
    var random = SplitMix64(seed: seed)
    func footprint() -> CoverageFootprint {
      var footprint = CoverageFootprint(
        coveredCells: (0..<2).map { _ in
          let start = Int.random(in: 0..<cells, using: &random)
          let length = Int.random(in: 1...(cells / 3), using: &random)
          return (start..<min(start + length, cells)).map(UInt32.init)
        })
      if let flights {
        footprint.appendLayer((0..<flights).filter { _ in Int.random(in: 0..<4, using: &random) == 0 }.map(UInt32.init))
      }
      return footprint
    }
    let west = PlanningRegion(name: "west", weight: 2, mask: (0..<cells).map { $0 < cells / 2 })
    let band = PlanningRegion(name: "band", weight: 0.5, mask: (0..<cells).map { $0 % 3 == 0 })
    let base = SiteCoverage(name: "base", availability: 0.8, footprint: footprint())
    let objective = try SitingObjective(
      geometry: strip(cells), regions: [west, band],
      altitudes: [PlanningAltitude(.aboveGroundLevel, metres: 100), PlanningAltitude(.meanSeaLevel, metres: 3000)],
      baseNetwork: [base], flights: flights.map { FlightObjective(count: $0, weight: flightWeight) })
    let sites = (0..<candidates).map { index in
      SiteCoverage(
        name: "c\(index)", availability: Double.random(in: 0.3...1, using: &random), footprint: footprint())
    }
    return try SitingSearch(objective: objective, candidates: sites)
  }

  /// Every subset of `0..<n` of size `k`, in lexicographic order.
  static func subsets(of n: Int, size k: Int) -> [[Int]] {
    guard k > 0 else { return [[]] }
    guard n >= k else { return [] }
    return subsets(of: n - 1, size: k - 1).map { $0 + [n - 1] } + subsets(of: n - 1, size: k)
  }

  /// The best objective over sets of `k` candidates, by trying them all.
  static func exhaustiveOptimum(_ search: SitingSearch, size k: Int) -> (value: Double, set: [Int]) {
    var best = (value: -Double.infinity, set: [Int]())
    for subset in subsets(of: search.candidates.count, size: k) {
      let value = search.value(of: subset)
      if value > best.value { best = (value, subset) }
    }
    return best
  }
}
