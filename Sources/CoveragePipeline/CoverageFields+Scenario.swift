import CoverageKernel
import RadarModels

extension CoverageFields {
  /// The fields of `scenario`'s radars on `dem`, or on the scenario's first DEM that exists, under the scenario's
  /// refraction; `warn` gets a fallback to a later DEM of the scenario's list, the DEM's warnings and each radar's
  /// share of cells that look past voids.
  public convenience init(
    scenario: Scenario, dem: String?, threads: Int, warn: @escaping (String) -> Void = { _ in }
  ) throws {
    let choice = try DEMChoice(given: dem, candidates: scenario.demCandidates, scenario: scenario.id)
    if let note = choice.fallbackWarning { warn(note) }
    try self.init(
      demPath: choice.path, earth: EarthModel(refractionFactor: scenario.refractionFactor.value), threads: threads,
      warn: warn)
    demChoice = choice
  }

  /// Places a scenario's radar: its antenna above ground, its window out to its type's instrumented range.
  public func place(_ radar: RadarPlacement) throws -> PlacedRadar {
    try place(
      name: radar.name, latitude: radar.latitude, longitude: radar.longitude,
      antenna: .aboveGround(radar.antennaHeight.value), reach: radar.type.instrumentedRange.value,
      voidRemedy: "move the site in the scenario, or fill the DEM (gdal_fillnodata)")
  }
}
