import CoverageKernel
import Foundation

/// How much of a radar's field looks past DEM voids, said in one line for the analyst.
public enum VoidReport {
  /// The share of `field`'s cells in range whose lowest altitude looks past a DEM void, or nil when none does.
  public static func share(of field: CoverageField) -> Double? {
    guard field.voidDependentCellCount > 0 else { return nil }
    let inRange = field.lowestAltitudeMSL.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
    return Double(field.voidDependentCellCount) / Double(max(inRange, 1))
  }

  /// A warning for `radar` when its field depends on voids, else nil.
  public static func line(radar: String, field: CoverageField) -> String? {
    share(of: field).map { share in
      "radar '\(radar)': " + String(format: "%.2f", 100 * share)
        + " % of the cells in range see past DEM voids (unknown terrain), so their lowest visible altitudes are "
        + "lower bounds; fill the voids (gdal_fillnodata) for a definite answer"
    }
  }
}
