import CoverageKernel
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import RadarModels
import TestSupport
import Testing

/// The GIS layers of a scenario study read back through GDAL/OGR: units and radar names in the GeoTIFFs, the
/// voice-relay picture, Cloud-Optimised GeoTIFFs, QGIS styles, Google Earth overlays and coverage polygons.
@Suite final class CoverageLayerTests {
  deinit { try? FileManager.default.removeItem(at: directory) }

  let directory: URL
  let dem: String

  /// 0.02° cells of flat sea-level ground, 8° × 4° around (-74, -10).
  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("airpicture-layers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    dem = directory.appendingPathComponent("flat.tif").path
    try GeoTIFFWriter.write(
      [RasterBand(description: "elevation (m)", values: [Float](repeating: 0, count: 400 * 200))],
      georeference: RasterGeoreference(
        originX: -78, originY: -8, cellWidth: 0.02, cellHeight: 0.02, width: 400, height: 200,
        crsWKT: SpatialReference.wgs84().wkt, isGeographic: true), to: dem)
  }

  static let fact = Sourced(1.0, .assumption("test"))

  /// Two primary radars 4° apart: "west" of the FAP in real time, "east" of CORPAC only through the voice relay.
  func scenario() -> Scenario {
    let type = RadarType(
      id: RadarType.ID("primary"), name: "test primary", role: .primary,
      instrumentedRange: Sourced(300_000, .assumption("test")),
      elevationLimits: Sourced(-5...89.9, .assumption("test")), scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: Sourced(5_000_000, .assumption("test: never range-limited")), cooperativeDetection: nil,
      antennaHeight: Sourced(10, .assumption("test")), availability: Self.fact, meanTimeToRepair: Self.fact)
    let radars = [(-76.0, "west", "FAP"), (-72.0, "east", "CORPAC")].map { longitude, name, owner in
      RadarPlacement(
        name: name, operator: owner, type: type, latitude: -10, longitude: longitude,
        antennaHeight: Sourced(10, .assumption("test")), notional: false, provenance: .assumption("test"))
    }
    return Scenario(
      id: "relay", title: "relay test", demCandidates: [dem], refractionFactor: Sourced(4.0 / 3, .source("test")),
      falseAlarmProbability: Sourced(1e-6, .assumption("t")), coverageProbability: Sourced(0.5, .assumption("t")),
      targets: [
        TargetClass(id: "off", name: "silent", radarCrossSection: Sourced(1.5, .assumption("t")), transponderOn: false)
      ], radars: radars,
      networks: [
        NetworkConfiguration(
          id: "relayed", description: "FAP live, CORPAC by voice", realTimeOperators: ["FAP"],
          fusionLatency: Sourced(5, .assumption("t")),
          voiceRelay: .init(
            operators: ["CORPAC"], delay: Sourced(60, .assumption("t")), probability: Sourced(0.9, .assumption("t"))))
      ], regionsFile: nil, regionNameField: "name", bordersFile: nil, altitudesAGL: [150, 1_000, 3_000],
      mapAltitudeAGL: 1_000)
  }

  func run(into name: String, cloudOptimised: Bool = false) throws -> (table: StudyTable, folder: String) {
    let scenario = scenario()
    let folder = directory.appendingPathComponent(name).path
    let result = try CoverageStudy(
      scenario: scenario, fields: CoverageFields(scenario: scenario, dem: dem, threads: 2), outputDirectory: folder,
      rasterFiles: CoverageRasterFiles(cloudOptimised: cloudOptimised)
    ).run()
    return (result.table, folder)
  }

  @Test func theGeoTIFFsStateTheirUnitsAndNameTheRadars() throws {
    let folder = try run(into: "names").folder
    let live = try RasterFileDescription.read(folder + "/relayed--off.tif")
    let relay = try RasterFileDescription.read(folder + "/relayed--off--with-voice-relay.tif")
    for raster in [live, relay] {
      #expect(raster.bands.count == 3)
      #expect(raster.bands[0].unit == "m" && raster.bands[1].unit == "m")
      #expect(raster.bands[2].unit == "")
    }
    // Band 3 counts the radars each picture merged: the real-time one only "west", the relayed one both.
    #expect(live.bands[2].categoryNames == ["west"])
    #expect(relay.bands[2].categoryNames == ["west", "east"])
    #expect(relay.bands[2].attributeRows.map(\.value) == [0, 1])
    #expect(relay.bands[2].attributeRows.map(\.name) == ["west", "east"])
    let indices = Set(relay.bands[2].values.filter { !$0.isNaN })
    #expect(indices == [0, 1], "every index names a radar, and both see lowest somewhere")
    // GDAL keeps the names in the .aux.xml sidecar; the manifest-free study folder must hold it.
    #expect(FileManager.default.fileExists(atPath: folder + "/relayed--off--with-voice-relay.tif.aux.xml"))
    let perRadar = try RasterFileDescription.read(folder + "/per-radar/off/01-east.tif")
    #expect(perRadar.bands.map(\.unit) == ["m", "m"])
  }

  @Test func theVoiceRelayPictureIsNeverWorseThanTheRealTimeOne() throws {
    let folder = try run(into: "relay").folder
    let live = try RasterFileDescription.read(folder + "/relayed--off.tif")
    let relay = try RasterFileDescription.read(folder + "/relayed--off--with-voice-relay.tif")
    #expect(live.width == relay.width && live.height == relay.height)
    for band in 0..<2 {
      let pairs = zip(live.bands[band].values, relay.bands[band].values)
      let seenLive = pairs.filter { !$0.0.isNaN }
      #expect(seenLive.isNonEmptyAndAll { !$0.1.isNaN && $0.1 <= $0.0 }, "band \(band + 1)")
      // The relay adds the east radar's disc, where the real-time picture sees nothing.
      #expect(pairs.contains { $0.0.isNaN && !$0.1.isNaN }, "band \(band + 1)")
    }
  }

  @Test func cloudOptimisedGeoTIFFsHaveTilesOverviewsAndTheSameValues() throws {
    let plain = try run(into: "plain").folder
    let cloud = try run(into: "cog", cloudOptimised: true).folder
    for name in ["relayed--off.tif", "relayed--off--with-voice-relay.tif", "per-radar/off/00-west.tif"] {
      let tiled = try RasterFileDescription.read(plain + "/" + name)
      let optimised = try RasterFileDescription.read(cloud + "/" + name)
      #expect(tiled.imageStructure["LAYOUT"] != "COG")
      #expect(optimised.imageStructure["LAYOUT"] == "COG", "\(name)")
      #expect(optimised.bands.isNonEmptyAndAll { $0.blockWidth == 256 && $0.blockHeight == 256 }, "\(name)")
      // Overviews halve the grid until it fits one tile: one level for the networks (over 256 cells wide), none
      // for a radar's own 241-cell window.
      let needsOverviews = max(optimised.width, optimised.height) > 256
      #expect(needsOverviews == name.hasPrefix("relayed"), "\(name): \(optimised.width) x \(optimised.height)")
      #expect(optimised.bands.allSatisfy { $0.overviews.isEmpty != needsOverviews }, "\(name)")
      #expect(optimised.bands.map(\.unit) == tiled.bands.map(\.unit))
      #expect(optimised.bands.map(\.categoryNames) == tiled.bands.map(\.categoryNames))
      for (a, b) in zip(tiled.bands, optimised.bands) {
        #expect(a.values.count == b.values.count)
        #expect(zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) })
      }
    }
  }

  @Test func theQGISStylesFollowTheMapClasses() throws {
    let folder = try run(into: "styles").folder
    for raster in ["relayed--off", "relayed--off--with-voice-relay", "per-radar/off/00-west"] {
      let style = try QGISRasterStyle.read(folder + "/" + raster + ".qml")
      #expect(style.band == 2, "band 2 is the lowest visible altitude AGL")
      #expect(style.classes.count == CoverageMapStyle.palette.count)
      for (read, palette) in zip(style.classes, CoverageMapStyle.palette) {
        #expect(read.upperBound == palette.upperBound)
        #expect(
          [read.colour.red, read.colour.green, read.colour.blue]
            == [palette.colour.red, palette.colour.green, palette.colour.blue])
        #expect(read.colour.label == palette.colour.label)
      }
    }
  }

  @Test func theGoogleEarthOverlayIsAKMZGroundOverlay() throws {
    let folder = try run(into: "kmz").folder
    let contents = try GroundOverlayWriter.contents(of: folder + "/relayed--off.kmz")
    #expect(contents.entries.contains("doc.kml"))
    #expect(contents.entries.contains { $0.hasSuffix(".png") })
    let tiles = contents.entries.filter { $0.hasSuffix(".kml") && $0 != "doc.kml" }
    var documents = [contents.document]
    for tile in tiles {
      documents.append(try GroundOverlayWriter.text(of: tile, in: folder + "/relayed--off.kmz"))
    }
    #expect(documents.contains { $0.contains("<GroundOverlay>") })
    #expect(contents.document.contains("relayed: silent"))
  }

  /// Polygonized cells on the WGS 84 ellipsoid against the table's cells on the mean-radius sphere: the two areas
  /// of the same latitude band differ by (a²(1−e²)/(1−e²sin²φ)²)/R1² − 1, −0.45 % at the equator and −0.41 % at
  /// 10° S; nothing is simplified or dropped, so 1 % bounds the difference with room for the 0.01° densifying.
  static let areaTolerance = 0.01

  @Test func theCoveragePolygonsMatchTheTableAtEveryAltitude() throws {
    let (table, folder) = try run(into: "polygons")
    let features = try PolygonArea.features(in: folder + "/coverage-polygons.gpkg")
    #expect(Set(features.map(\.layer)) == ["relayed--off"])
    for altitude in [150.0, 1_000, 3_000] {
      let row = try #require(table.rows.first { $0.altitudeReference == .aboveGroundLevel && $0.altitude == altitude })
      let atAltitude = features.filter { Double($0.values["altitude_agl_m"] ?? "") == altitude }
      let live = try #require(atAltitude.first { $0.values["class"] == "1" })
      let relayOnly = try #require(atAltitude.first { $0.values["class"] == "2" })
      #expect(atAltitude.count == 2)
      #expect(live.values["geometry_type"] == "MULTIPOLYGON" && relayOnly.values["geometry_type"] == "MULTIPOLYGON")
      #expect(live.areaKm2 > 0 && relayOnly.areaKm2 > 0)
      #expect(abs(live.areaKm2 - row.coveredKm2) <= Self.areaTolerance * row.coveredKm2, "\(altitude) m")
      let relayed = live.areaKm2 + relayOnly.areaKm2
      #expect(abs(relayed - row.coveredWithRelayKm2) <= Self.areaTolerance * row.coveredWithRelayKm2, "\(altitude) m")
    }
    // Google Earth gets the same features (a MultiGeometry where a class has several parts), filled.
    let kml = try PolygonArea.features(in: folder + "/coverage-polygons.kml")
    #expect(kml.count == features.count)
    for (a, b) in zip(kml, features) {
      #expect(abs(a.areaKm2 - b.areaKm2) <= 1e-4 * b.areaKm2, "the KML's coordinates are rounded")
    }
    let text = try String(contentsOfFile: folder + "/coverage-polygons.kml", encoding: .utf8)
    // One placemark per class and altitude; LIBKML writes a one-part MultiPolygon as a plain Polygon.
    let placemarks = text.components(separatedBy: "<Placemark").dropFirst()
    #expect(placemarks.count == features.count)
    #expect(placemarks.isNonEmptyAndAll { $0.contains("<Polygon>") })
    // Filled: every polygon style has a fill colour (GDAL's plain KML driver would write <fill>0</fill>).
    let polygonStyles = text.components(separatedBy: "<PolyStyle>").dropFirst()
    #expect(polygonStyles.count == features.count)
    #expect(polygonStyles.isNonEmptyAndAll { $0.prefix(60).contains("<color>") && !$0.prefix(60).contains("<fill>0") })
  }
}

extension CoverageLayerTests {
  @Test func coverageKMLNamesTheSites() throws {
    let folder = try run(into: "kml").folder
    let layers = try FeatureReader.read(folder + "/coverage.kml")
    let sites = try #require(layers.first { $0.name.hasPrefix("Radar") })
    #expect(sites.features.map { $0.values["Name"] } == ["west", "east"])
    #expect(layers.count == 2, "the sites and one outline folder")
  }
}

extension CoverageLayerTests {
  @Test func theSameScenarioGivesByteIdenticalLayers() throws {
    let first = try run(into: "first").folder
    let second = try run(into: "second").folder
    let names = [
      "relayed--off.tif", "relayed--off.tif.aux.xml", "relayed--off.qml", "relayed--off--with-voice-relay.tif",
      "relayed--off.kmz", "coverage-polygons.gpkg", "coverage-polygons.kml", "per-radar/off/01-east.tif",
    ]
    for name in names {
      let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
      #expect(!a.isEmpty && a == b, "\(name)")
    }
  }
}
