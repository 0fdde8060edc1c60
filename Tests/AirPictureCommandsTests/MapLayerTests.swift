import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import ScenarioFiles
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `run`'s map layers read back through OGR: Google Earth's KML must say, field by field and point by point (with
/// altitude), what QGIS's GeoPackage says; every moment must lie in the run's notional day in Peru time; every flight
/// must carry an outcome under every combination; the context layers must hold the scenario's radars and bases; and
/// every layer must open styled in QGIS.
@Suite struct MapLayerTests {
  /// One run of 60 flights, all mapped, read back once for every test. The 60 flights fly on 20 days; with outages in
  /// time the seed picks whether the TPS-70 is up on them: seed 2's days see it up part of the time (detections,
  /// tracks and intercepts), where seed 5's fall in one of its month-long outages (nothing detected).
  static let seed = 2

  struct Run: @unchecked Sendable {
    var geoPackage: [FeatureReader.Layer]
    var kml: [FeatureReader.Layer]
    var scenario: InterdictionScenario
    var kmlBytes: Data
    var status: Int32
    var stderr: String
  }

  static let flights = 60
  static let repository = AirPictureProcess.repository

  static func runOnce(_ name: String) throws -> Run {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "airpicture-layers-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("run").path
    let scenarioPath = repository.appendingPathComponent("Scenarios/interdiction-2025.yaml").path
    let result = try AirPictureProcess.run([
      "run", scenarioPath, "--dem", repository.appendingPathComponent("Terrain/peru_itu_p1511_5min.tif").path,
      "--flights", "\(flights)", "--seed", "\(seed)", "--map-flights", "\(flights)", "--no-coverage-maps", "--out", out,
    ])
    let ok = result.status == 0
    return Run(
      geoPackage: ok ? try FeatureReader.read("\(out)/flights.gpkg") : [],
      kml: ok ? try FeatureReader.read("\(out)/flights.kml") : [],
      scenario: try InterdictionScenarioReader.read(contentsOf: scenarioPath),
      kmlBytes: ok ? try Data(contentsOf: URL(fileURLWithPath: "\(out)/flights.kml")) : Data(), status: result.status,
      stderr: result.stderr)
  }

  static let run = Result { try runOnce("one") }

  /// The stated convention: simulation second 0 is 2025-01-01T00:00:00-05:00 (Peru time, on a notional day).
  static let midnight = 1_735_707_600.0
  static let peruOffsetMinutes = -300

  /// Whether two attribute texts say the same: equal, or the same number to 12 significant digits.
  static func same(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard let x = Double(a), let y = Double(b) else { return false }
    return abs(x - y) <= 1e-12 * max(abs(x), abs(y))
  }

  /// A KML feature's value of `field`, whatever case LIBKML gives the name ("Name" for "name").
  static func value(_ feature: FeatureReader.Feature, _ field: String) -> String? {
    feature.values[field] ?? feature.values.first { $0.key.lowercased() == field.lowercased() }?.value
  }

  static func spatial(_ layers: [FeatureReader.Layer]) -> [FeatureReader.Layer] {
    layers.filter { $0.name != "layer_styles" }
  }

  /// The KML layer (folder) holding what `layer` holds in the GeoPackage, with those features: one folder per
  /// combination for the outcomes.
  static func twins(of layer: FeatureReader.Layer, in kml: [FeatureReader.Layer]) -> [(
    FeatureReader.Feature, FeatureReader.Feature?
  )] {
    guard layer.name == "flight_outcomes" else {
      let other = kml.first { $0.name == layer.name }
      return layer.features.enumerated().map { index, feature in
        (feature, other.flatMap { index < $0.features.count ? $0.features[index] : nil })
      }
    }
    var taken: [String: Int] = [:]
    return layer.features.map { feature in
      let folder =
        "flight_outcomes \(feature.values["network"] ?? "") x \(feature.values["interceptor"] ?? "") x "
        + (feature.values["basing"] ?? "")
      let index = taken[folder, default: 0]
      taken[folder] = index + 1
      let other = kml.first { $0.name == folder }
      return (feature, other.flatMap { index < $0.features.count ? $0.features[index] : nil })
    }
  }

  @Test func theKMLSaysWhatTheGeoPackageSaysFieldByFieldAndPointByPoint() throws {
    let run = try Self.run.get()
    #expect(run.status == 0, "\(run.stderr)")
    let geoPackage = Self.spatial(run.geoPackage)
    #expect(
      geoPackage.map(\.name) == [
        "radar_sites", "bases", "combat_radius_rings", "flight_areas", "flight_tracks", "detections",
        "track_segments", "intercept_points", "flight_outcomes",
      ], "\(geoPackage.map(\.name))")
    // Every KML folder is a GeoPackage layer, or one combination's share of the outcomes.
    let combinations =
      run.scenario.network.networks.count * run.scenario.interceptors.count
      * run.scenario.basings.count
    #expect(run.kml.count == geoPackage.count - 1 + combinations, "\(run.kml.map(\.name))")
    var compared = 0
    var points = 0
    for layer in geoPackage {
      let threeDimensional = layer.geometryType.hasPrefix("3D")
      for (feature, twin) in Self.twins(of: layer, in: run.kml) {
        guard let twin else {
          Issue.record("\(layer.name): a feature has no KML twin")
          continue
        }
        for field in layer.fields {
          if layer.fieldTypes[field] == "DateTime" {
            #expect(
              feature.dateTimes[field]?.secondsSinceEpoch == twin.dateTimes[field]?.secondsSinceEpoch
                || (feature.dateTimes[field] == nil && Self.value(twin, field) == nil),
              "\(layer.name).\(field): GeoPackage \(feature.values[field] ?? "-"), KML \(Self.value(twin, field) ?? "-")"
            )
          } else {
            let value = feature.values[field] ?? ""
            let kmlValue = Self.value(twin, field) ?? ""
            #expect(Self.same(value, kmlValue), "\(layer.name).\(field): GeoPackage '\(value)', KML '\(kmlValue)'")
          }
          compared += 1
        }
        #expect(
          zip(feature.coordinates, twin.coordinates).isNonEmptyAndAll {
            abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9
          } && feature.coordinates.count == twin.coordinates.count, "\(layer.name)")
        if threeDimensional {
          // Altitudes MSL in both, and Google Earth told so (altitudeMode absolute, not clamped to the ground).
          let altitudes = zip(feature.altitudes ?? [], twin.altitudes ?? [])
          #expect(altitudes.isNonEmptyAndAll { abs($0 - $1) < 1e-6 }, "\(layer.name)")
          #expect(Self.value(twin, "altitudeMode") == "absolute", "\(layer.name)")
          points += feature.altitudes?.count ?? 0
        }
        #expect(twin.style?.isEmpty == false, "\(layer.name): a KML feature without a style")
      }
    }
    #expect(geoPackage.isNonEmptyAndAll { !$0.features.isEmpty }, "\(geoPackage.map { ($0.name, $0.features.count) })")
    #expect(compared > 10_000)
    #expect(points > 10_000)
    // The flights are 3D lines and points in the GeoPackage too.
    for name in ["flight_tracks", "track_segments", "flight_outcomes"] {
      #expect(geoPackage.first { $0.name == name }?.geometryType == "3D Line String", "\(name)")
    }
    for name in ["radar_sites", "detections", "intercept_points"] {
      #expect(geoPackage.first { $0.name == name }?.geometryType == "3D Point", "\(name)")
    }
  }

  @Test func everyMomentIsADateTimeOfTheNotionalDayInPeruTime() throws {
    let run = try Self.run.get()
    let geoPackage = Self.spatial(run.geoPackage)
    let dayStart = Self.midnight
    let dayEnd = Self.midnight + 86_400
    // Each flight's span, from its track.
    let tracks = try #require(geoPackage.first { $0.name == "flight_tracks" })
    var spans: [String: ClosedRange<Double>] = [:]
    for track in tracks.features {
      guard let begin = track.dateTimes["begin"], let end = track.dateTimes["end"] else { continue }
      spans[track.values["flight"] ?? ""] = begin.secondsSinceEpoch...end.secondsSinceEpoch
    }
    #expect(spans.count == Self.flights)
    var moments = 0
    for (file, layers, offset) in [
      ("GeoPackage", geoPackage, 0), ("KML", run.kml, Self.peruOffsetMinutes),
    ] {
      for layer in layers
      where layer.name != "radar_sites" && layer.name != "bases" && !layer.name.contains("ring")
        && layer.name != "flight_areas"
      {
        // QGIS's temporal controller needs real DateTime fields (OFTDateTime), not text.
        let timeFields = ["timestamp", "begin", "end"].filter { field in layer.fields.contains(field) }
        #expect(
          !timeFields.isEmpty && timeFields.allSatisfy { layer.fieldTypes[$0] == "DateTime" }, "\(file) \(layer.name)")
        for feature in layer.features {
          let required =
            layer.name == "detections" || layer.name == "intercept_points" ? ["timestamp"] : ["begin", "end"]
          for field in required {
            guard let moment = feature.dateTimes[field] else {
              Issue.record("\(file) \(layer.name).\(field): '\(feature.values[field] ?? "")' is not a dated moment")
              continue
            }
            // The GeoPackage standard stores UTC; the KML states Peru time.
            #expect(moment.utcOffsetMinutes == offset, "\(file) \(layer.name).\(field) \(feature.values[field] ?? "")")
            #expect(moment.secondsSinceEpoch >= dayStart && moment.secondsSinceEpoch < dayEnd, "\(file) \(layer.name)")
            if let span = spans[Self.value(feature, "flight") ?? ""] {
              #expect(span.contains(moment.secondsSinceEpoch), "\(file) \(layer.name).\(field) outside its flight")
            } else {
              Issue.record("\(file) \(layer.name): flight \(Self.value(feature, "flight") ?? "-") has no track")
            }
            moments += 1
          }
        }
      }
    }
    #expect(moments > 10_000)
  }

  @Test func everyFlightHasAnOutcomeUnderEveryCombination() throws {
    let run = try Self.run.get()
    let scenario = run.scenario
    let outcomes = try #require(run.geoPackage.first { $0.name == "flight_outcomes" })
    let combinations = scenario.network.networks.flatMap { network in
      scenario.interceptors.flatMap { interceptor in
        scenario.basings.map { "\(network.id.rawValue) x \(interceptor.id.rawValue) x \($0.id.rawValue)" }
      }
    }
    let known = Set(FlightOutcome.allCases.map(\.rawValue))
    #expect(outcomes.features.count == Self.flights * combinations.count)
    #expect(outcomes.features.isNonEmptyAndAll { known.contains($0.values["outcome"] ?? "") })
    for combination in combinations {
      let parts = combination.components(separatedBy: " x ")
      let mine = outcomes.features.filter {
        [$0.values["network"], $0.values["interceptor"], $0.values["basing"]] == parts.map(Optional.some)
      }
      #expect(mine.compactMap { $0.values["flight"] } == (0..<Self.flights).map(String.init), "\(combination)")
      let folder = run.kml.first { $0.name == "flight_outcomes \(combination)" }
      #expect(folder?.features.count == Self.flights, "KML folder of \(combination)")
      #expect(folder?.features.isNonEmptyAndAll { known.contains($0.values["outcome"] ?? "") } == true)
    }
    // An intercept point for every intercepted flight, and none for the others.
    let intercepted = outcomes.features.filter { $0.values["outcome"] == FlightOutcome.intercepted.rawValue }
    let intercepts = try #require(run.geoPackage.first { $0.name == "intercept_points" })
    #expect(!intercepted.isEmpty && intercepts.features.count == intercepted.count)
  }

  @Test func theContextLayersHoldTheScenariosRadarsBasesRingsAndAreas() throws {
    let run = try Self.run.get()
    let scenario = run.scenario
    let layer = { (name: String) in run.geoPackage.first { $0.name == name }?.features ?? [] }
    let radars = layer("radar_sites")
    #expect(radars.compactMap { $0.values["name"] } == scenario.network.radars.map(\.name))
    #expect(
      zip(radars, scenario.network.radars).isNonEmptyAndAll { feature, site in
        feature.values["notional"] == (site.notional ? "1" : "0") && feature.values["operator"] == site.operator
          && feature.values["radar_type"] == site.type.name
          && abs((feature.coordinates.first?.x ?? 0) - site.longitude) < 1e-9
          // The point stands at the antenna, MSL: ground plus the antenna's height above it.
          && abs((Double(feature.values["antenna_msl_m"] ?? "") ?? .nan) - (feature.altitudes?.first ?? 0)) < 1e-6
          && Double(feature.values["antenna_agl_m"] ?? "") == site.antennaHeight.value
      })
    let stations = scenario.basings.flatMap(\.stations)
    #expect(layer("bases").compactMap { $0.values["name"] } == stations.map(\.name))
    let distinct = Set(stations.map(\.name))
    let rings = layer("combat_radius_rings")
    #expect(rings.count == distinct.count * scenario.interceptors.count)
    // Every point of a ring lies at the interceptor's combat radius from its base (great circle, mean Earth radius).
    #expect(
      rings.isNonEmptyAndAll { ring in
        guard let station = stations.first(where: { $0.name == ring.values["base"] }),
          let interceptor = scenario.interceptors.first(where: { $0.id.rawValue == ring.values["interceptor"] })
        else { return false }
        return ring.coordinates.count > 60
          && ring.coordinates.allSatisfy { point in
            let distance = Self.greatCircle(station.latitude, station.longitude, point.y, point.x)
            return abs(distance - interceptor.combatRadius.value) < 1
          }
      })
    let areas = layer("flight_areas")
    #expect(
      areas.compactMap { $0.values["name"] }
        == (scenario.pattern.origins + scenario.pattern.destinations).map(\.name))
  }

  static func greatCircle(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
    let radians = Double.pi / 180
    let a =
      pow(sin((lat2 - lat1) * radians / 2), 2) + cos(lat1 * radians) * cos(lat2 * radians)
      * pow(sin((lon2 - lon1) * radians / 2), 2)
    return 2 * 6_371_008.8 * asin(min(a.squareRoot(), 1))
  }

  @Test func everyLayerOpensStyledInQGIS() throws {
    let run = try Self.run.get()
    let styles = try #require(run.geoPackage.first { $0.name == "layer_styles" })
    let layers = Self.spatial(run.geoPackage).map(\.name)
    #expect(styles.features.compactMap { $0.values["f_table_name"] } == layers)
    #expect(
      styles.features.isNonEmptyAndAll { style in
        let qml = style.values["styleQML"] ?? ""
        #if canImport(FoundationXML) || canImport(Darwin)
          let wellFormed = XMLParser(data: Data(qml.utf8)).parse()
        #else
          let wellFormed = true
        #endif
        return wellFormed && qml.contains("<renderer-v2") && style.values["useAsDefault"] == "1"
          && style.values["f_geometry_column"] == "geom"
      })
    // The flights' styles switch on QGIS's temporal controller over their DateTime fields.
    let outcomes = styles.features.first { $0.values["f_table_name"] == "flight_outcomes" }?.values["styleQML"]
    #expect(outcomes?.contains(#"startField="begin""#) == true && outcomes?.contains(#"attr="outcome""#) == true)
  }

  @Test func theSameSeedWritesTheSameLayers() throws {
    let first = try Self.run.get()
    let second = try Self.runOnce("two")
    #expect(first.status == 0 && second.status == 0)
    #expect(!first.kmlBytes.isEmpty && first.kmlBytes == second.kmlBytes)
    let describe = { (layers: [FeatureReader.Layer]) in
      layers.map { layer in
        "\(layer.name)|"
          + layer.features.map {
            "\($0.values.sorted { $0.key < $1.key })\($0.coordinates.map { [$0.x, $0.y] })\($0.altitudes ?? [])"
          }.joined()
      }
    }
    #expect(describe(first.geoPackage) == describe(second.geoPackage))
  }
}
