import CoverageKernel
import CoverageStudy
import Foundation
import RadarModels
import SitePlanning

/// One chosen site's terrain profile and vertical coverage diagram, as the plan's report shows them.
struct SitingPlanSiteCharts {
  /// The site's folder under the output folder ("sites/01-summit-34").
  var folder: String
  var profilePNG: String { folder + "/profile.png" }
  var profileCSV: String { folder + "/profile.csv" }
  var vcdPNG: String { folder + "/vcd.png" }
  var vcdCSV: String { folder + "/vcd.csv" }
  /// Azimuth of both charts, degrees, and the profile's length and the diagram's range, km.
  var azimuth: Double
  var profileKm: Double
  var vcdKm: Double
  /// What the profile runs toward, in words.
  var toward: String
  /// Why the site works, in one sentence.
  var reason: String
}

extension SitingPlanOutcome {
  /// The folder of a chosen site under the output folder: its rank, two digits, and its name in lower case.
  func siteFolder(of row: Row) -> String {
    let slug = String(row.candidate.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    return "sites/" + String(format: "%02d", row.rank) + "-" + slug
  }

  /// The centroid (degrees) of region `number`'s cells.
  func centroid(ofRegion number: Int) -> (latitude: Double, longitude: Double) {
    let geometry = terrain.geometry
    var (x, y, count) = (0.0, 0.0, 0.0)
    for (cell, inside) in search.objective.regions[number].mask.enumerated() where inside {
      x += geometry.x(ofColumn: Double(cell % geometry.width))
      y += geometry.y(ofRow: Double(cell / geometry.width))
      count += 1
    }
    return (y / max(count, 1), x / max(count, 1))
  }

  /// The farthest cell (degrees) of `region` (a mask of the planning grid) that `coverage` covers at the first
  /// altitude, from `site`; nil when it covers none.
  func farthestCovered(by coverage: SiteCoverage, within region: [Bool], from site: GeoCoordinate) -> (
    latitude: Double, longitude: Double
  )? {
    let geometry = terrain.geometry
    var best: (Double, Double, Double)?
    for run in coverage.footprint.runs[0] {
      for cell in Int(run.first)..<Int(run.first + run.count) where region[cell] {
        let latitude = geometry.y(ofRow: Double(cell / geometry.width))
        let longitude = geometry.x(ofColumn: Double(cell % geometry.width))
        let distance = Geodesy.distance(
          fromLatitude: site.latitude, longitude: site.longitude, toLatitude: latitude, longitude: longitude,
          radius: earth.radius)
        if distance > best?.0 ?? -1 { best = (distance, latitude, longitude) }
      }
    }
    return best.map { ($0.1, $0.2) }
  }

  /// One sentence on why a chosen site works: its ground, its prominence, how much of what it sees at the first
  /// altitude the base network does not, and its marginal gain.
  func reason(for row: Row, index: Int) -> String {
    let base = coveredCells(by: search.objective.baseNetwork, altitude: 0)
    let own = coveredCells(by: [search.candidates[index]], altitude: 0)
    let seen = area(of: own)
    let new = area(of: zip(own, base).map { $0 && !$1 })
    let site = row.candidate
    var parts: [String] = []
    if let ground = site.groundHeight { parts.append("it stands at \(number(ground, 0)) m") }
    if let prominence = site.prominence {
      parts.append("\(number(prominence, 0)) m above every other cell within the summit search radius")
    }
    let gain = row.gains.flatMap { $0 }.reduce(0, +)
    let share = seen > 0 ? new / seen * 100 : 0
    let unreliableBase = search.objective.baseNetwork.contains { $0.availability < 1 }
    let doubling =
      share < 90 && unreliableBase
      ? " (where it overlaps the base it still adds, as the base radars are not always available)" : ""
    return
      (parts.isEmpty
      ? "A given site; "
      : parts.joined(separator: ", ").prefix(1).uppercased()
        + parts.joined(separator: ", ").dropFirst() + "; ")
      + "at \(firstAltitudeLabel) it sees \(number(seen, 0)) km² of the plan's regions, \(number(share, 0)) % of it "
      + "unseen by the base network\(doubling), and it adds \(number(gain, 0)) km² of expected weighted coverage (summed over "
      + "the regions and altitudes, after the sites "
      + "ranked before it)."
  }

  /// Writes each chosen site's terrain profile toward the farthest cell it covers at the first altitude in the
  /// region where it gains most (the region's centroid when it covers none there), and its vertical coverage diagram on the same
  /// azimuth out to the radar type's instrumented range (shortened to stay on the DEM), as `airpicture profile`
  /// and `airpicture vcd` draw them, PNG and CSV, under `folder`/sites/NN-name/.
  func writeSiteCharts(to folder: String) throws -> [SitingPlanSiteCharts] {
    let keep = [Bool](repeating: true, count: terrain.geometry.width * terrain.geometry.height)
    return try rows.enumerated().map { order, row in
      let index = swapped.chosen[order]
      let site = row.candidate
      let name = site.name.replacingOccurrences(of: ",", with: " ")
      let ground = site.groundHeight.map { ",\($0)" } ?? ""
      let specification = try SiteSpecification(
        parsing: "\(site.coordinate.latitude),\(site.coordinate.longitude),\(plan.mast.value),\(row.rank) \(name)"
          + ground)
      let line = try RangeHeightTerrain(
        dem: demPath, site: specification, k: plan.network.refractionFactor.value, step: nil)
      let best = row.gains.indices.max { row.gains[$0].reduce(0, +) < row.gains[$1].reduce(0, +) } ?? 0
      let region = plan.regions[best].name
      var end = centroid(ofRegion: best)
      var toward =
        "the centroid of \(region), the region where it gains most (it covers none of it at "
        + "\(firstAltitudeLabel))"
      var endLabel = "centroid of \(region)"
      if let far = farthestCovered(
        by: search.candidates[index], within: search.objective.regions[best].mask, from: site.coordinate)
      {
        end = far
        toward = "the farthest cell it covers at \(firstAltitudeLabel) in \(region), the region where it gains most"
        endLabel = "farthest covered cell"
      }
      var target = try line.source.position(latitude: end.latitude, longitude: end.longitude)
      if line.line(to: target).length < 4 * line.step {
        // Too short to draw: the farthest cell it covers in any region instead.
        if let far = farthestCovered(by: search.candidates[index], within: keep, from: site.coordinate) {
          end = far
          toward = "the farthest cell it covers at \(firstAltitudeLabel) in the plan's regions"
          endLabel = "farthest covered cell"
          target = try line.source.position(latitude: end.latitude, longitude: end.longitude)
        }
      }
      let (azimuth, length) = line.line(to: target)
      let charts = SitingPlanSiteCharts(
        folder: siteFolder(of: row), azimuth: azimuth * 180 / .pi, profileKm: length / 1_000, vcdKm: 0,
        toward: toward, reason: reason(for: row, index: index))
      try FileManager.default.createDirectory(
        atPath: folder + "/" + charts.folder, withIntermediateDirectories: true)
      let profile = try line.profile(azimuth: azimuth, length: length, minimumElevation: nil, maximumElevation: nil)
      let chart = TerrainProfileChart(
        profile: profile, siteName: line.siteName,
        endName: endLabel,
        note: "DEM \(demPath); every \(Int(line.step.rounded())) m")
      try chart.write(to: folder + "/" + charts.profilePNG)
      try Data(chart.csv(coordinate: line.coordinate(of:)).utf8).write(
        to: URL(fileURLWithPath: folder + "/" + charts.profileCSV))

      let type = plan.radarType
      let limits = type.elevationLimits.value
      var range = type.instrumentedRange.value
      var vcdProfile: TerrainProfile?
      while vcdProfile == nil, range > length {
        vcdProfile = try? line.profile(
          azimuth: azimuth, length: range, minimumElevation: limits.lowerBound, maximumElevation: limits.upperBound)
        range *= 0.8
      }
      let diagramProfile =
        try vcdProfile
        ?? line.profile(
          azimuth: azimuth, length: length, minimumElevation: limits.lowerBound, maximumElevation: limits.upperBound)
      let pfa = plan.network.falseAlarmProbability.value
      let contours = VerticalCoverageCommand.contourProbabilities.compactMap { probability in
        let slant = type.coverageRange(of: plan.target, minimumProbability: probability, falseAlarmProbability: pfa)
        return slant > 0 ? VerticalCoverageDiagram.Contour(probability: probability, slantRange: slant) : nil
      }
      let diagram = VerticalCoverageDiagram(
        profile: diagramProfile, radarName: line.siteName,
        detectionNote: String(format: "%@, %@, Pfa %g", type.name, plan.target.name, pfa), contours: contours,
        topAltitude: 12_000,
        referenceAltitudes: [100, 150, 250].map { ("FL\($0)", FlightLevel($0).metresMSL) },
        referenceAboveGround: plan.altitudesAGL.first?.metres.value ?? 300)
      try diagram.write(to: folder + "/" + charts.vcdPNG)
      try Data(diagram.csv().utf8).write(to: URL(fileURLWithPath: folder + "/" + charts.vcdCSV))
      var written = charts
      written.vcdKm = (diagramProfile.samples.last?.distance ?? 0) / 1_000
      return written
    }
  }
}
