import Foundation
import GeoRaster

extension SitingPlanOutcome {
  /// The GeoPackage's and KML's layer of every candidate: index, name, ground, prominence, own gain, chosen.
  func candidateLayer(kml: Bool) -> FeatureWriter.Layer {
    let alone = search.gainsOverTheBase()
    let chosen = Set(swapped.chosen)
    let fields: [FeatureWriter.Field] =
      [
        .init("name", .text), .init("index", .integer), .init("ground_m", .real), .init("prominence_m", .real),
        .init("standalone_gain_km2", .real), .init("chosen", .text),
      ] + (kml ? [.init("description", .text)] : [])
    let features = candidates.enumerated().map { index, site in
      let values: [FeatureWriter.Value] = [
        .text(site.name), .integer(index), site.groundHeight.map { .real($0) } ?? .null,
        site.prominence.map { .real($0) } ?? .null, .real(alone[index] / 1e6),
        .text(chosen.contains(index) ? "yes" : "no"),
      ]
      let description = htmlTable([
        ("candidate", "\(index)"), ("ground", site.groundHeight.map { number($0, 0) + " m" } ?? "—"),
        ("prominence", site.prominence.map { number($0, 0) + " m" } ?? "—"),
        ("own gain over the base", number(alone[index] / 1e6, 0) + " km²"),
        ("chosen", chosen.contains(index) ? "yes" : "no"),
      ])
      return FeatureWriter.Feature(
        coordinates: [(site.coordinate.longitude, site.coordinate.latitude)],
        values: values + (kml ? [.text(description)] : []), style: kml ? "@candidate" : nil)
    }
    return FeatureWriter.Layer(
      name: "candidates", geometry: .point, threeDimensional: false, fields: fields, features: features)
  }

  /// The layer of the chosen sites in rank order: rank, name, ground, mast, gains by region and altitude, cumulative.
  func chosenLayer(kml: Bool) -> FeatureWriter.Layer {
    let fields: [FeatureWriter.Field] =
      [.init("name", .text), .init("rank", .integer), .init("ground_m", .real), .init("mast_m", .real)]
      + columnsPerSplit.map { .init($0, .real) } + [.init("cumulative_expected_km2", .real)]
      + (kml ? [.init("description", .text)] : [])
    let features = rows.map { row in
      let site = row.candidate
      let values: [FeatureWriter.Value] =
        [
          .text(kml ? "\(row.rank) \(site.name)" : site.name), .integer(row.rank),
          site.groundHeight.map { .real($0) } ?? .null, .real(plan.mast.value),
        ] + row.gains.flatMap { $0.map { .real($0) } } + [.real(row.cumulative)]
      let description = htmlTable(
        [
          ("rank", "\(row.rank) of \(rows.count)"), ("site", site.name),
          ("ground", site.groundHeight.map { number($0, 0) + " m" } ?? "—"),
          ("mast", number(plan.mast.value, 0) + " m"),
        ]
          + zip(columnsPerSplit, row.gains.flatMap { $0 }).map { ($0, number($1, 0) + " km²") }
          + [("cumulative expected", number(row.cumulative, 0) + " km²")])
      return FeatureWriter.Feature(
        coordinates: [(site.coordinate.longitude, site.coordinate.latitude)],
        values: values + (kml ? [.text(description)] : []), style: kml ? "@chosen" : nil)
    }
    return FeatureWriter.Layer(
      name: "chosen", geometry: .point, threeDimensional: false, fields: fields, features: features)
  }

  /// plan-sites.gpkg (layers candidates and chosen) and plan-sites.kml (the chosen sites labelled, the candidates in
  /// a folder), written through GDAL/OGR into `folder`.
  func writeSiteFiles(to folder: String) throws {
    try FeatureWriter.write(
      [candidateLayer(kml: false), chosenLayer(kml: false)], driver: "GPKG", to: folder + "/plan-sites.gpkg")
    let chosenStyle = LayerStyle.Marker(
      qgisShape: "triangle", googleEarthIcon: LayerStyle.icon("triangle"), colour: .vermillion, size: 4)
    let candidateStyle = LayerStyle.Marker(
      qgisShape: "circle", googleEarthIcon: LayerStyle.icon("placemark_circle"), colour: .reddishPurple, size: 2)
    try FeatureWriter.write(
      [chosenLayer(kml: true), candidateLayer(kml: true)], driver: "LIBKML", to: folder + "/plan-sites.kml",
      styles: [("chosen", LayerStyle.ogr(chosenStyle)), ("candidate", LayerStyle.ogr(candidateStyle))])
  }

  /// A two-column HTML table for a placemark's balloon.
  private func htmlTable(_ rows: [(String, String)]) -> String {
    "<table>"
      + rows.map { "<tr><td>\(SitingPlanReport.escape($0.0))</td><td>\(SitingPlanReport.escape($0.1))</td></tr>" }
      .joined() + "</table>"
  }
}
