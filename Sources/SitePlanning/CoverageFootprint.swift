import CoverageKernel

/// Which cells of the planning grid one radar covers, per altitude, as runs of consecutive cells (row-major):
/// coverage comes in long stretches along rows, so a run of 8 bytes stands for many cells, and hundreds of
/// candidates fit where their fields (4 bytes a cell of each window) or cell lists (4 bytes a covered cell) would
/// not.
public struct CoverageFootprint: Sendable, Equatable {
  /// Consecutive covered cells `first ..< first + count` of the planning grid.
  public struct Run: Sendable, Equatable {
    /// The first cell (row-major index).
    public var first: UInt32
    /// How many cells.
    public var count: UInt32

    /// A run of `count` cells from `first`.
    public init(first: UInt32, count: UInt32) {
      self.first = first
      self.count = count
    }
  }

  /// Per planning altitude, the covered runs, ascending and not touching.
  public private(set) var runs: [[Run]]

  /// A footprint from its covered cells per altitude (each list ascending, no repeats).
  public init(coveredCells: [[UInt32]]) {
    runs = coveredCells.map { cells in
      var runs: [Run] = []
      for cell in cells {
        if let last = runs.last, last.first + last.count == cell {
          runs[runs.count - 1].count += 1
        } else {
          runs.append(Run(first: cell, count: 1))
        }
      }
      return runs
    }
  }

  /// A footprint from its runs per altitude, as `runs` gives them (ascending, not touching, none empty); nil when
  /// they are not so.
  public init?(runs: [[Run]]) {
    for list in runs {
      var end: UInt64?
      for run in list {
        guard run.count > 0 else { return nil }
        if let end, UInt64(run.first) <= end { return nil }
        end = UInt64(run.first) + UInt64(run.count)
        guard end! <= UInt64(UInt32.max) + 1 else { return nil }
      }
    }
    self.runs = runs
  }

  /// Per planning altitude, the covered cells, ascending (expanded from the runs).
  public var coveredCells: [[UInt32]] {
    runs.map { $0.flatMap { $0.first..<($0.first + $0.count) } }
  }

  /// Number of altitudes (with the flight layer, when the objective has one: see `SitingObjective`).
  public var altitudeCount: Int { runs.count }

  /// Adds a layer of elements other than cells after the altitudes: the covered flights' indices (ascending, no
  /// repeats), which the objective reads as one more layer of elements.
  public mutating func appendLayer(_ elements: [UInt32]) {
    runs += CoverageFootprint(coveredCells: [elements]).runs
  }

  /// Bytes the runs take (for memory estimates).
  public var byteCount: Int { runs.reduce(0) { $0 + $1.count * MemoryLayout<Run>.stride } }

  /// The cells of the planning grid (`geometry`) that `field` covers at each of `altitudes`, keeping only cells
  /// where `keep` is true (the cells of some region: others never count). The field's grid must be a window of
  /// the planning grid with the same cell size (a kernel run over a crop of the planning terrain).
  public init(field: CoverageField, in geometry: GridGeometry, altitudes: [PlanningAltitude], keep: [Bool]) {
    let window = geometry.window(of: field.geometry)
    var covered = altitudes.map { _ in [UInt32]() }
    for row in 0..<window.height {
      let planningRow = window.row + row
      guard planningRow >= 0, planningRow < geometry.height else { continue }
      for column in 0..<window.width {
        let planningColumn = window.column + column
        guard planningColumn >= 0, planningColumn < geometry.width else { continue }
        let cell = planningRow * geometry.width + planningColumn
        guard keep[cell] else { continue }
        let index = row * window.width + column
        guard field.isInRange(index) else { continue }
        for (number, altitude) in altitudes.enumerated() where altitude.isVisible(in: field, at: index) {
          covered[number].append(UInt32(cell))
        }
      }
    }
    self.init(coveredCells: covered)
  }

  /// Calls `body` with every covered cell at altitude `altitude`, ascending.
  func forEachCell(atAltitude altitude: Int, _ body: (Int) -> Void) {
    for run in runs[altitude] {
      let first = Int(run.first)
      for cell in first..<(first + Int(run.count)) { body(cell) }
    }
  }
}
