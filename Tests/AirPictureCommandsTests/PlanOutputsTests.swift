import Foundation
import GeoRaster
import Testing

/// The plan's map, site files, per-site charts and report, read back through GDAL/OGR and checked against plan.csv
/// and candidates.csv.
@Suite final class PlanOutputsTests {
  let folder: TestFolder

  init() throws { folder = try TestFolder("plan-outputs") }

  /// Runs the small test plan of `PlanCommandTests` (three sites among the six most prominent VRAEM summits) once.
  func planOutputs() throws -> String {
    let out = folder("plan")
    let path = folder("plan.yaml")
    try Data(PlanCommandTests.planText(sites: 3).utf8).write(to: URL(fileURLWithPath: path))
    let result = try AirPictureProcess.run(
      ["plan", path, "--dem", PlanCommandTests.dem, "--out", out, "--threads", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("plan-map.png") && result.stdout.contains("report.html"), "\(result.stdout)")
    return out
  }

  /// Rows of a CSV the plan wrote, split on commas (its names hold none), header dropped.
  func rows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map {
        String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
    }
  }

  @Test func theMapIsAGeoreferencedPictureThatHoldsEveryCandidateAndIsNotBlank() throws {
    let out = try planOutputs()
    let map = try RasterDataset(path: out + "/plan-map.png")
    let reference = map.georeference
    #expect(reference.width >= QuickLookRenderer.minimumWidth && reference.height > 100, "\(reference)")
    for candidate in try rows(out + "/candidates.csv") {
      let (latitude, longitude) = (Double(candidate[2])!, Double(candidate[3])!)
      #expect(
        longitude > reference.originX && longitude < reference.originX + Double(reference.width) * reference.cellWidth)
      #expect(
        latitude < reference.originY && latitude > reference.originY - Double(reference.height) * reference.cellHeight)
    }
    for band in 1...3 {
      let raster = try RasterDataset(path: "vrt://\(out)/plan-map.png?bands=\(band)")
      let values = try raster.read(column: 0, row: 0, width: reference.width, height: reference.height).map(Double.init)
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
      #expect(variance > 100, "band \(band): variance \(variance)")
    }
  }

  @Test func theGeoPackageAndKMLHoldTheCandidatesAndChosenSitesOfTheTables() throws {
    let out = try planOutputs()
    let candidates = try rows(out + "/candidates.csv")
    let plan = try rows(out + "/plan.csv")
    #expect(plan.count == 3)
    let package = try FeatureReader.read(out + "/plan-sites.gpkg")
    #expect(package.map(\.name) == ["candidates", "chosen"])
    let candidateLayer = package[0]
    #expect(candidateLayer.features.count == candidates.count)
    for (feature, row) in zip(candidateLayer.features, candidates) {
      #expect(feature.values["index"] == row[0] && feature.values["name"] == row[1])
      #expect(feature.values["chosen"] == row[7], "\(feature.values) vs \(row)")
      #expect(abs(Double(feature.values["standalone_gain_km2"]!)! - Double(row[6])!) < 0.051)
      #expect(abs(feature.coordinates[0].y - Double(row[2])!) < 1e-4)
    }
    #expect(candidateLayer.features.filter { $0.values["chosen"] == "yes" }.count == plan.count)
    let chosen = package[1]
    #expect(chosen.features.count == plan.count)
    #expect(chosen.fields.contains("gain_vraem_300m_agl_km2") && chosen.fields.contains("gain_vraem_fl100_km2"))
    for (feature, row) in zip(chosen.features, plan) {
      #expect(feature.values["rank"] == row[0] && feature.values["name"] == row[1])
      #expect(abs(Double(feature.values["cumulative_expected_km2"]!)! - Double(row[row.count - 3])!) < 0.051)
      #expect(Double(feature.values["mast_m"]!) == 18)
    }

    let kml = try FeatureReader.read(out + "/plan-sites.kml")
    let kmlChosen = try #require(kml.first { $0.name == "chosen" })
    let kmlCandidates = try #require(kml.first { $0.name == "candidates" })
    #expect(kmlCandidates.features.count == candidates.count)
    #expect(kmlChosen.features.map { $0.values["Name"] ?? $0.values["name"] ?? "" } == plan.map { "\($0[0]) \($0[1])" })
    #expect(kmlChosen.features.allSatisfy { ($0.values["description"] ?? "").contains("<table>") })
  }

  @Test func theReportEmbedsFilesThatExistAndEachChosenSiteHasItsProfileAndDiagram() throws {
    let out = try planOutputs()
    let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    let references = try NSRegularExpression(pattern: "(?:src|href)=\"([^\"]+)\"").matches(
      in: page, range: NSRange(page.startIndex..., in: page)
    ).map { String(page[Range($0.range(at: 1), in: page)!]) }
    #expect(references.contains("plan-map.png") && references.contains("plan-sites.kml"))
    for reference in references {
      #expect(FileManager.default.fileExists(atPath: out + "/" + reference), "report.html names missing \(reference)")
    }
    let plan = try rows(out + "/plan.csv")
    let sites = try FileManager.default.contentsOfDirectory(atPath: out + "/sites").sorted()
    #expect(sites.count == plan.count)
    for (site, row) in zip(sites, plan) {
      #expect(site.hasPrefix(String(format: "%02d-", Int(row[0])!)), "\(site) for rank \(row[0])")
      for file in ["profile.png", "profile.csv", "vcd.png", "vcd.csv"] {
        #expect(references.contains("sites/\(site)/\(file)"), "report.html does not show sites/\(site)/\(file)")
      }
      for chart in ["profile.png", "vcd.png"] {
        // A PNG's IHDR chunk: the signature, then width and height as big-endian 32-bit numbers at bytes 16 and 20.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(out)/sites/\(site)/\(chart)")))
        #expect(bytes.count > 24 && bytes[1...3] == [0x50, 0x4E, 0x47], "\(site)/\(chart) is not a PNG")
        let width = bytes[16...19].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 200, "\(site)/\(chart) is \(width) pixels wide")
      }
      #expect(
        try String(contentsOfFile: "\(out)/sites/\(site)/profile.csv", encoding: .utf8).split(separator: "\n").count
          > 3)
    }
    #expect(page.components(separatedBy: "% of it unseen by the base network").count - 1 == plan.count)
  }
}
