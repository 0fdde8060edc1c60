import GeoRaster
import Interdiction

/// The first flights of a run as map layers for QGIS (GeoPackage) and Google Earth (KML), in time and 3D: the
/// scenario's context (see `ContextLayers`), flight tracks, radar detections, confirmed-track segments per network
/// configuration, intercept points per combination, and each flight's outcome under every combination. Altitudes are
/// MSL; moments follow `SimulationClock`. The KML holds the same layers as folders, the outcomes one folder per
/// network x interceptor x basing.
enum SimulationLayers {
  /// The layers of each file, and the KML's shared styles (GDAL's LIBKML driver writes them as KML styles).
  struct Files {
    var geoPackage: [FeatureWriter.Layer]
    var kml: [FeatureWriter.Layer]
    var kmlStyles: [(name: String, style: String)]
  }

  /// Flight outcomes draw their path with one point in this many samples (5 minutes at the 20 s step), and the last:
  /// one path per flight and combination at full resolution would be tens of megabytes.
  static let outcomePathStride = 15

  /// The name of the outcome layer in the GeoPackage, and the prefix of its folders in the KML.
  static let outcomeLayer = "flight_outcomes"

  /// The KML folder of one combination's outcomes.
  static func outcomeFolder(_ combination: MonteCarlo.Combination) -> String {
    "\(outcomeLayer) \(combination.network.rawValue) x \(combination.interceptor.rawValue) x "
      + combination.basing.rawValue
  }

  /// Layers of `mappedFlights` as `monteCarlo` kept them, with intercept points and outcomes from `mappedRecords`
  /// (their records), combination by combination in the Monte Carlo's order.
  static func files(
    monteCarlo: MonteCarlo, mappedFlights: [MappedFlight], mappedRecords: [MonteCarlo.Combination: [FlightRecord]]
  ) -> Files {
    let context = ContextLayers.layers(scenario: monteCarlo.scenario, world: monteCarlo.world)
    let flights = flightLayers(mappedFlights)
    let byFlight = Dictionary(mappedFlights.map { ($0.flight, $0) }) { first, _ in first }
    var intercepts: [FeatureWriter.Feature] = []
    var outcomes: [(combination: MonteCarlo.Combination, features: [FeatureWriter.Feature])] = []
    for combination in monteCarlo.combinations {
      var features: [FeatureWriter.Feature] = []
      for record in mappedRecords[combination] ?? [] {
        guard let flight = byFlight[record.flight] else { continue }
        features.append(outcome(of: record, flight: flight, under: combination))
        if let intercept = intercept(of: record, flight: flight, under: combination) { intercepts.append(intercept) }
      }
      outcomes.append((combination, features))
    }
    let interceptLayer = FeatureWriter.Layer(
      name: "intercept_points", geometry: .point, threeDimensional: true,
      fields: [
        .init("name", .text), .init("flight", .integer), .init("network", .text), .init("interceptor", .text),
        .init("basing", .text), .init("minutes_from_border", .real), .init("altitude_msl_m", .real),
        .init("timestamp", .dateTime),
      ], features: intercepts,
      qml: LayerStyle.qml(
        symbol: LayerStyle.qmlSymbol(name: "0", marker: LayerStyle.intercept), temporal: .instant(field: "timestamp")))
    let outcomeFields: [FeatureWriter.Field] = [
      .init("name", .text), .init("flight", .integer), .init("network", .text), .init("interceptor", .text),
      .init("basing", .text), .init("outcome", .text), .init("minutes_border_to_detection", .real),
      .init("minutes_border_to_interception", .real), .init("begin", .dateTime), .init("end", .dateTime),
    ]
    let outcomeQML = LayerStyle.qml(
      field: "outcome",
      lineCategories: FlightOutcome.allCases.map { ($0.rawValue, LayerStyle.colour(of: $0)) }, widthMillimetres: 0.5,
      temporal: .span(begin: "begin", end: "end"))
    let allOutcomes = FeatureWriter.Layer(
      name: outcomeLayer, geometry: .line, threeDimensional: true, fields: outcomeFields,
      features: outcomes.flatMap(\.features), qml: outcomeQML)
    let folders = outcomes.map { combination, features in
      FeatureWriter.Layer(
        name: outcomeFolder(combination), geometry: .line, threeDimensional: true, fields: outcomeFields,
        features: features)
    }
    let styles =
      ContextLayers.kmlStyles + [
        ("track", LayerStyle.ogrLine(.black, widthPixels: 1)),
        ("detection", LayerStyle.ogr(LayerStyle.detection)),
        ("segment", LayerStyle.ogrLine(.orange, widthPixels: 3)),
        ("intercept", LayerStyle.ogr(LayerStyle.intercept)),
      ]
      + FlightOutcome.allCases.map {
        ("outcome-\($0.rawValue)", LayerStyle.ogrLine(LayerStyle.colour(of: $0), widthPixels: 2))
      }
    return Files(
      geoPackage: context + flights + [interceptLayer, allOutcomes],
      kml: context + flights + [interceptLayer] + folders,
      kmlStyles: styles)
  }

  /// Flight tracks, detections and track segments.
  static func flightLayers(_ mappedFlights: [MappedFlight]) -> [FeatureWriter.Layer] {
    var tracks: [FeatureWriter.Feature] = []
    var detections: [FeatureWriter.Feature] = []
    var segments: [FeatureWriter.Feature] = []
    for flight in mappedFlights {
      guard let first = flight.samples.first, let last = flight.samples.last else { continue }
      tracks.append(
        FeatureWriter.Feature(
          coordinates: flight.samples.map { ($0.longitude, $0.latitude) }, altitudes: flight.samples.map(\.altitude),
          values: [
            .text("flight \(flight.flight)"), .integer(flight.flight), .text(flight.aircraft), .text(flight.origin),
            .text(flight.destination), .text(flight.transponderOn ? "on" : "off"),
            .real(flight.samples.filter(\.airborne).map(\.altitude).max() ?? 0),
            SimulationClock.value(first.time),
            SimulationClock.value(last.time),
          ], style: "@track"))
      for detection in flight.detections {
        detections.append(
          FeatureWriter.Feature(
            coordinates: [(detection.longitude, detection.latitude)], altitudes: [detection.altitude],
            values: [
              .text(detection.radarName), .integer(flight.flight), .text(detection.radarName),
              .real(detection.altitude), SimulationClock.value(detection.time),
            ], style: "@detection"))
      }
      // A line needs two points: a track shorter than a sample step is not drawn.
      for segment in flight.trackSegments where segment.points.count >= 2 {
        segments.append(
          FeatureWriter.Feature(
            coordinates: segment.points.map { ($0.longitude, $0.latitude) }, altitudes: segment.points.map(\.altitude),
            values: [
              .text("flight \(flight.flight): \(segment.network.rawValue)"), .integer(flight.flight),
              .text(segment.network.rawValue), .real((segment.dropped - segment.confirmed) / 60),
              SimulationClock.value(segment.confirmed), SimulationClock.value(segment.dropped),
            ], style: "@segment"))
      }
    }
    return [
      FeatureWriter.Layer(
        name: "flight_tracks", geometry: .line, threeDimensional: true,
        fields: [
          .init("name", .text), .init("flight", .integer), .init("aircraft", .text), .init("origin", .text),
          .init("destination", .text), .init("transponder", .text), .init("max_altitude_msl_m", .real),
          .init("begin", .dateTime), .init("end", .dateTime),
        ], features: tracks,
        qml: LayerStyle.qml(
          symbol: LayerStyle.qmlSymbol(name: "0", line: .black, widthMillimetres: 0.3),
          temporal: .span(begin: "begin", end: "end"))),
      FeatureWriter.Layer(
        name: "detections", geometry: .point, threeDimensional: true,
        fields: [
          .init("name", .text), .init("flight", .integer), .init("radar", .text), .init("altitude_msl_m", .real),
          .init("timestamp", .dateTime),
        ], features: detections,
        qml: LayerStyle.qml(
          symbol: LayerStyle.qmlSymbol(name: "0", marker: LayerStyle.detection),
          temporal: .instant(field: "timestamp"))),
      FeatureWriter.Layer(
        name: "track_segments", geometry: .line, threeDimensional: true,
        fields: [
          .init("name", .text), .init("flight", .integer), .init("network", .text), .init("held_min", .real),
          .init("begin", .dateTime), .init("end", .dateTime),
        ], features: segments,
        qml: LayerStyle.qml(
          symbol: LayerStyle.qmlSymbol(name: "0", line: .orange, widthMillimetres: 0.8),
          temporal: .span(begin: "begin", end: "end"))),
    ]
  }

  /// One flight's outcome under one combination, drawn along its path (see `outcomePathStride`).
  static func outcome(of record: FlightRecord, flight: MappedFlight, under combination: MonteCarlo.Combination)
    -> FeatureWriter.Feature
  {
    let picked = flight.samples.enumerated().filter {
      $0.offset % outcomePathStride == 0 || $0.offset == flight.samples.count - 1
    }.map(\.element)
    return FeatureWriter.Feature(
      coordinates: picked.map { ($0.longitude, $0.latitude) }, altitudes: picked.map(\.altitude),
      values: [
        .text("flight \(flight.flight): \(record.outcome.rawValue)"), .integer(flight.flight),
        .text(combination.network.rawValue), .text(combination.interceptor.rawValue),
        .text(combination.basing.rawValue), .text(record.outcome.rawValue),
        record.borderToDetection.map { .real($0 / 60) } ?? .null,
        record.borderToInterception.map { .real($0 / 60) } ?? .null,
        SimulationClock.value(flight.samples.first?.time ?? 0), SimulationClock.value(flight.samples.last?.time ?? 0),
      ], style: "@outcome-\(record.outcome.rawValue)")
  }

  /// Where and when one combination intercepted the flight, at the flight's altitude then; nil when it did not.
  static func intercept(of record: FlightRecord, flight: MappedFlight, under combination: MonteCarlo.Combination)
    -> FeatureWriter.Feature?
  {
    guard let latitude = record.interceptLatitude, let longitude = record.interceptLongitude,
      let fromBorder = record.borderToInterception, let border = flight.borderCrossing,
      let altitude = flight.altitude(at: border + fromBorder)
    else { return nil }
    return FeatureWriter.Feature(
      coordinates: [(longitude, latitude)], altitudes: [altitude],
      values: [
        .text("flight \(flight.flight): intercepted"), .integer(record.flight), .text(combination.network.rawValue),
        .text(combination.interceptor.rawValue), .text(combination.basing.rawValue), .real(fromBorder / 60),
        .real(altitude), SimulationClock.value(border + fromBorder),
      ], style: "@intercept")
  }
}
