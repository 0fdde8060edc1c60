import GeoRaster
import Interdiction

/// The first flights of a run as map layers for QGIS (GeoPackage) and Google Earth (KML): flight tracks, radar
/// detections, confirmed-track segments per network configuration, and intercept points per combination.
enum SimulationLayers {
  /// Layers of `mappedFlights` as the Monte Carlo kept them, with intercept points from `mappedRecords` (their
  /// records), combination by combination in the order of `combinations`.
  static func layers(
    mappedFlights: [MappedFlight], mappedRecords: [MonteCarlo.Combination: [FlightRecord]],
    combinations: [MonteCarlo.Combination]
  ) -> [FeatureWriter.Layer] {
    var tracks: [FeatureWriter.Feature] = []
    var detections: [FeatureWriter.Feature] = []
    var segments: [FeatureWriter.Feature] = []
    for flight in mappedFlights {
      tracks.append(
        FeatureWriter.Feature(
          coordinates: flight.samples.map { (longitude: $0.longitude, latitude: $0.latitude) },
          values: [
            .integer(flight.flight), .text(flight.aircraft), .text(flight.origin), .text(flight.destination),
            .text(flight.transponderOn ? "on" : "off"),
            .real(flight.samples.filter(\.airborne).map(\.altitude).max() ?? 0),
          ]))
      for detection in flight.detections {
        detections.append(
          FeatureWriter.Feature(
            coordinates: [(detection.longitude, detection.latitude)],
            values: [
              .integer(flight.flight), .text(detection.radarName), .real(detection.time / 3_600),
              .real(detection.altitude),
            ]))
      }
      // A line needs two points: a track shorter than a sample step is not drawn.
      for segment in flight.trackSegments where segment.points.count >= 2 {
        segments.append(
          FeatureWriter.Feature(
            coordinates: segment.points.map { ($0.longitude, $0.latitude) },
            values: [
              .integer(flight.flight), .text(segment.network.rawValue), .real(segment.confirmed / 3_600),
              .real(segment.dropped / 3_600),
            ]))
      }
    }
    var intercepts: [FeatureWriter.Feature] = []
    for combination in combinations {
      for record in mappedRecords[combination] ?? [] {
        guard let latitude = record.interceptLatitude, let longitude = record.interceptLongitude else { continue }
        intercepts.append(
          FeatureWriter.Feature(
            coordinates: [(longitude, latitude)],
            values: [
              .integer(record.flight), .text(combination.network.rawValue), .text(combination.interceptor.rawValue),
              .text(combination.basing.rawValue), .real((record.borderToInterception ?? 0) / 60),
            ]))
      }
    }
    return [
      FeatureWriter.Layer(
        name: "flight_tracks", lines: true,
        fields: ["flight", "aircraft", "origin", "destination", "transponder", "max_altitude_m"], features: tracks),
      FeatureWriter.Layer(
        name: "detections", lines: false, fields: ["flight", "radar", "time_h", "altitude_m"], features: detections),
      FeatureWriter.Layer(
        name: "track_segments", lines: true, fields: ["flight", "network", "confirmed_h", "dropped_h"],
        features: segments),
      FeatureWriter.Layer(
        name: "intercept_points", lines: false,
        fields: ["flight", "network", "interceptor", "basing", "minutes_from_border"], features: intercepts),
    ]
  }
}
