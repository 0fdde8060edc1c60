import CoverageKernel
import GeoRaster
import Interdiction

/// The first flights of a run as map layers for QGIS (GeoPackage) and Google Earth (KML): flight tracks, radar
/// detections, confirmed-track segments per network configuration, and intercept points per combination.
enum SimulationLayers {
  /// Layers of flights `0..<flights`, with intercept points from `mappedRecords` (the records of at least those flights).
  static func layers(
    flights: Int, monteCarlo: MonteCarlo, mappedRecords: [MonteCarlo.Combination: [FlightRecord]]
  ) -> [FeatureWriter.Layer] {
    let scenario = monteCarlo.scenario
    let world = monteCarlo.world
    let random = CounterRandom(seed: monteCarlo.seed)
    var tracks: [FeatureWriter.Feature] = []
    var detections: [FeatureWriter.Feature] = []
    var segments: [FeatureWriter.Feature] = []
    for index in 0..<flights {
      let path = FlightGenerator(scenario: scenario, world: world, random: random).flight(index)
      let line = path.samples.map { (longitude: $0.longitude, latitude: $0.latitude) }
      tracks.append(
        FeatureWriter.Feature(
          coordinates: line,
          values: [
            .integer(index), .text(path.aircraft.name), .text(path.originName), .text(path.destinationName),
            .text(path.transponderOn ? "on" : "off"),
            .real(path.samples.filter(\.airborne).map(\.altitude).max() ?? 0),
          ]))
      let history = DetectionHistory(
        flight: index, path: path, world: world,
        falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
      for scan in history.scans where scan.detected {
        let sample = path.sample(at: scan.time)
        detections.append(
          FeatureWriter.Feature(
            coordinates: [(sample.longitude, sample.latitude)],
            values: [
              .integer(index), .text(world.radars[scan.radar].placement.name), .real(scan.time / 3_600),
              .real(sample.altitude),
            ]))
      }
      for configuration in scenario.network.networks {
        let picture = AirPicture(
          flight: index, history: history, configuration: configuration, radars: world.radars.map(\.placement),
          rules: scenario.rules, random: random)
        for track in picture.tracks {
          let points = path.samples.filter { $0.time >= track.confirmed && $0.time <= track.dropped }
          guard points.count >= 2 else { continue }
          segments.append(
            FeatureWriter.Feature(
              coordinates: points.map { ($0.longitude, $0.latitude) },
              values: [
                .integer(index), .text(configuration.id), .real(track.confirmed / 3_600), .real(track.dropped / 3_600),
              ]))
        }
      }
    }
    var intercepts: [FeatureWriter.Feature] = []
    for combination in monteCarlo.combinations {
      for record in mappedRecords[combination] ?? [] where record.flight < flights {
        guard let latitude = record.interceptLatitude, let longitude = record.interceptLongitude else { continue }
        intercepts.append(
          FeatureWriter.Feature(
            coordinates: [(longitude, latitude)],
            values: [
              .integer(record.flight), .text(combination.network), .text(combination.interceptor),
              .text(combination.basing), .real((record.borderToInterception ?? 0) / 60),
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
