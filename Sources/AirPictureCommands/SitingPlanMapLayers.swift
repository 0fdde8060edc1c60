import CoverageKernel
import CoverageStudy
import Foundation
import GeoRaster
import SitePlanning

extension SitingPlanOutcome {
  /// Cells of the planning grid covered at `altitude` by any of `coverages` (their footprints hold only cells of the
  /// plan's regions).
  func coveredCells(by coverages: [SiteCoverage], altitude: Int) -> [Bool] {
    var covered = [Bool](repeating: false, count: terrain.geometry.width * terrain.geometry.height)
    for coverage in coverages {
      for run in coverage.footprint.runs[altitude] {
        let first = Int(run.first)
        for cell in first..<(first + Int(run.count)) { covered[cell] = true }
      }
    }
    return covered
  }

  /// km² of the cells `mask` holds.
  func area(of mask: [Bool]) -> Double {
    let geometry = terrain.geometry
    var total = 0.0
    for row in 0..<geometry.height {
      let cell = geometry.cellArea(row: row, earthRadius: earth.radius)
      for column in 0..<geometry.width where mask[row * geometry.width + column] { total += cell }
    }
    return total / 1e6
  }

  /// The label of the plan's first altitude ("300 m AGL", "FL100").
  var firstAltitudeLabel: String {
    if let first = plan.altitudesAGL.first { return "\(Int(first.metres.value)) m AGL" }
    return plan.flightLevels.first.map { "FL\(Int($0.level.value))" } ?? "?"
  }

  /// The window of the planning grid the map shows: the regions' cells and every candidate, with a margin of a tenth
  /// of the span (at least three cells) on each side.
  var mapWindow: GridWindow {
    let geometry = terrain.geometry
    var (left, right, top, bottom) = (geometry.width, -1, geometry.height, -1)
    for region in search.objective.regions {
      for (cell, inside) in region.mask.enumerated() where inside {
        let (row, column) = (cell / geometry.width, cell % geometry.width)
        (left, right, top, bottom) = (min(left, column), max(right, column), min(top, row), max(bottom, row))
      }
    }
    for site in candidates {
      let column = Int(geometry.column(ofX: site.coordinate.longitude).rounded())
      let row = Int(geometry.row(ofY: site.coordinate.latitude).rounded())
      (left, right, top, bottom) = (min(left, column), max(right, column), min(top, row), max(bottom, row))
    }
    let marginX = max(3, (right - left) / 10)
    let marginY = max(3, (bottom - top) / 10)
    left = max(0, left - marginX)
    top = max(0, top - marginY)
    right = min(geometry.width - 1, right + marginX)
    bottom = min(geometry.height - 1, bottom + marginY)
    return GridWindow(column: left, row: top, width: right - left + 1, height: bottom - top + 1)
  }

  /// The plan map: the base network's coverage and what the chosen sites add at the plan's first altitude, inside
  /// the regions (the footprints the plan scored), every candidate by its own gain, the chosen sites by rank.
  func planMap() -> SitingPlanMap {
    let geometry = terrain.geometry
    let before = coveredCells(by: search.objective.baseNetwork, altitude: 0)
    let with = coveredCells(
      by: search.objective.baseNetwork + swapped.chosen.map { search.candidates[$0] }, altitude: 0)
    let window = mapWindow
    var classes = [UInt8](repeating: 0, count: window.width * window.height)
    var elevation = [Float](repeating: 0, count: window.width * window.height)
    var regions = search.objective.regions.map { _ in [Bool](repeating: false, count: window.width * window.height) }
    for row in 0..<window.height {
      for column in 0..<window.width {
        let cell = (window.row + row) * geometry.width + window.column + column
        let index = row * window.width + column
        classes[index] = before[cell] ? 1 : with[cell] ? 2 : 0
        elevation[index] = terrain[window.row + row, window.column + column]
        for (number, region) in search.objective.regions.enumerated() { regions[number][index] = region.mask[cell] }
      }
    }
    var cropped = georeference
    cropped.originX = georeference.originX + Double(window.column) * georeference.cellWidth
    cropped.originY = georeference.originY - Double(window.row) * georeference.cellHeight
    cropped.width = window.width
    cropped.height = window.height
    let alone = search.gainsOverTheBase()
    let baseArea = area(of: before)
    let withArea = area(of: with)
    let regionNames = plan.regions.map(\.name).joined(separator: " + ")
    return SitingPlanMap(
      title: plan.title,
      subtitle:
        "\(swapped.chosen.count) x \(plan.radarType.name) on \(plan.network.id) (\(plan.configuration.id.rawValue)), "
        + "\(plan.target.name) at \(firstAltitudeLabel)",
      notes: [
        "Coverage inside the plan's regions only (\(regionNames)),",
        "at \(firstAltitudeLabel), \(plan.target.name); any radar, availability not counted.",
        String(
          format: "Plan totals (expected, weighted, all altitudes): base %.0f, with the sites %.0f,",
          greedy.baseValue / 1e6, swapped.value / 1e6),
        String(
          format: "bound %.0f km²; at least %.1f %% of the best gain reached.", greedy.upperBound / 1e6, share * 100),
      ],
      georeference: cropped, elevation: elevation, classes: classes,
      beforeLabel: String(format: "covered by the base network: %.0f km² at %@", baseArea, firstAltitudeLabel),
      addedLabel: String(format: "added by the chosen sites: %.0f km²", withArea - baseArea), regions: regions,
      candidates: candidates.indices.map {
        SitingPlanMap.Candidate(
          latitude: candidates[$0].coordinate.latitude, longitude: candidates[$0].coordinate.longitude,
          gain: alone[$0] / 1e6)
      },
      chosen: rows.map {
        SitingPlanMap.Site(
          label: "\($0.rank) \($0.candidate.name)", latitude: $0.candidate.coordinate.latitude,
          longitude: $0.candidate.coordinate.longitude)
      },
      baseRadars: baseRadars.map {
        SitingPlanMap.Site(label: $0.name, latitude: $0.coordinate.latitude, longitude: $0.coordinate.longitude)
      }, bordersFile: plan.network.bordersFile, earthRadius: earth.radius, coarseTerrain: coarseTerrain)
  }
}
