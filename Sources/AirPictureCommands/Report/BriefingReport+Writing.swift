import Foundation
import GeoRaster

extension BriefingReport {
  /// Writes `report.html` into `folder` (a run's staging folder, where the coverage maps already lie): the studies
  /// (scenario order, read from `scenarioPaths`) with their coverage overlays, the first scenario's borders, and the
  /// provenance of `dems`, `seed` and `flights`.
  static func write(
    studies: [ReportStudy], scenarioPaths: [String], dems: [String], seed: UInt64, flights: Int,
    leaflet: LeafletAssets, folder: String
  ) throws {
    var studies = studies
    for index in studies.indices {
      studies[index].overlays = try CoverageOverlay.load(folder: folder, study: studies[index])
    }
    let provenance = try ReportProvenance.collect(
      scenarioPaths: scenarioPaths, borders: studies.map(\.scenario.network.bordersFile),
      regions: studies.map(\.scenario.network.regionsFile), dems: dems, seed: seed, flights: flights,
      version: AirPictureCommand.configuration.version)
    let borders = try studies.first?.scenario.network.bordersFile.map(GeoJSONExport.featureCollection(of:))
    let report = BriefingReport(studies: studies, provenance: provenance, leaflet: leaflet, borders: borders)
    try AtomicOutput.writeText(try report.html(), to: (folder as NSString).appendingPathComponent("report.html"))
  }
}
