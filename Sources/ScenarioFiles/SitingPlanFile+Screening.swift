import RadarModels

extension SitingPlanFile {
  /// Coarse-to-fine screening of the candidates (`screening:` in a plan file): every candidate's gain over the base
  /// network on a grid `factor` times coarser each way, then the full-grid search over the `refine` best.
  public struct Screening: Sendable, Equatable {
    /// Cells of the DEM per coarse cell along each axis (2 to 64).
    public var factor: Sourced<Double>
    /// How many candidates, best coarse gain first, the full-grid search considers.
    public var refine: Sourced<Double>
  }
}

extension SitingPlanReader {
  /// `screening: {factor: {value: 4, assumption: "…"}, refine: {value: 60, assumption: "…"}}`.
  static func screening(_ entry: YAMLValue, sites: Double) throws -> SitingPlanFile.Screening {
    let fields = try entry.mapping(allowed: ["factor", "refine"])
    let factorField = try fields.required("factor", in: entry)
    let factor = try factorField.sourced(in: 2...64)
    guard factor.value == factor.value.rounded() else { throw factorField.error("give a whole number") }
    let refineField = try fields.required("refine", in: entry)
    let refine = try refineField.sourced(in: 1...100_000)
    guard refine.value == refine.value.rounded() else { throw refineField.error("give a whole number") }
    guard refine.value >= sites else {
      throw refineField.error("refine at least as many candidates as the plan's \(Int(sites)) sites")
    }
    return SitingPlanFile.Screening(factor: factor, refine: refine)
  }
}
