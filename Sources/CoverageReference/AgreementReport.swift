import CoverageKernel
import Foundation

/// How a kernel field compares with the exact reference on the cells the reference evaluated.
public struct AgreementReport: CustomStringConvertible, Sendable {
  /// Cells in range in both.
  public var cellsInRange = 0
  /// Per AGL altitude: cells whose covered/not-covered verdict differs.
  public var disagreements: [Float: Int] = [:]
  /// Median |kernel − reference| of the lowest visible altitude over cells visible in both, metres.
  public var medianAbsoluteDifference: Double = 0
  /// Cells in range in one but not the other (should be none).
  public var rangeMismatches = 0

  /// Share of in-range cells whose verdict at `altitude` differs.
  public func disagreementShare(at altitude: Float) -> Double {
    Double(disagreements[altitude] ?? 0) / Double(max(cellsInRange, 1))
  }

  public init(field: CoverageField, reference: [(index: Int, msl: Float)], terrain: ElevationGrid, altitudes: [Float]) {
    var differences: [Double] = []
    for (index, expected) in reference {
      let actual = field.lowestAltitudeMSL[index]
      if expected.isNaN != actual.isNaN {
        rangeMismatches += 1
        continue
      }
      if expected.isNaN { continue }
      cellsInRange += 1
      let ground = terrain.heights[index]
      for altitude in altitudes where (expected - ground <= altitude) != (actual - ground <= altitude) {
        disagreements[altitude, default: 0] += 1
      }
      if expected.isFinite && actual.isFinite { differences.append(Double(abs(actual - expected))) }
    }
    differences.sort()
    medianAbsoluteDifference = differences.isEmpty ? 0 : differences[differences.count / 2]
  }

  public var description: String {
    let shares = disagreements.keys.sorted().map {
      "\(Int($0)) m: \(String(format: "%.3f", disagreementShare(at: $0) * 100)) %"
    }
    return
      "\(cellsInRange) cells; differing verdicts \(shares.joined(separator: ", ")); median |Δ| \(String(format: "%.1f", medianAbsoluteDifference)) m"
  }
}
