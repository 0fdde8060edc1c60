import Foundation
import Interdiction
import InterdictionModels

/// The report's offline map: Leaflet (inlined) on a plain background in plate carrée (`L.CRS.EPSG4326`, so the
/// coverage PNGs in geographic coordinates sit exactly), with borders, coverage per configuration, radar sites, bases
/// with each interceptor's combat-radius ring, origin strips and destinations, flight tracks and intercept points.
/// Clicking a flight shows its outcome under every network's best affordable option. With several scenarios
/// (`compare`), each scenario's coverage, tracks and intercept points are layers of their own, named after it.
enum ReportMap {
  private struct Payload: Encodable {
    var overlays: [OverlayEntry]
    var sites: [Point]
    var bases: [Point]
    var rings: [Ring]
    var areas: [Area]
    var tracks: [Track]
    var intercepts: [Intercept]
    var borders: String?
    /// The legend: (text, colour) per symbol.
    var legend: [[String]]
  }

  private struct OverlayEntry: Encodable {
    var name: String
    var overlay: CoverageOverlay
  }

  private struct Point: Encodable {
    var lat: Double
    var lon: Double
    var label: String
    var colour: String
  }

  private struct Ring: Encodable {
    var lat: Double
    var lon: Double
    var metres: Double
    var label: String
    var colour: String
  }

  private struct Area: Encodable {
    var lat: Double
    var lon: Double
    var metres: Double
    var label: String
    var origin: Bool
  }

  private struct Track: Encodable {
    var points: [[Double]]
    var popup: String
    var intercepted: Bool
    /// The layer control's name for the scenario's tracks.
    var layer: String
  }

  private struct Intercept: Encodable {
    var point: Point
    /// The layer control's name for the scenario's intercept points.
    var layer: String
  }

  /// The map's `<div>` and the script that fills it, for `studies` (scenario order), with the borders GeoJSON.
  static func html(studies: [ReportStudy], borders: String?) throws -> String {
    var payload = Payload(
      overlays: [], sites: [], bases: [], rings: [], areas: [], tracks: [], intercepts: [], borders: borders,
      legend: [])
    let many = studies.count > 1
    for (studyIndex, study) in studies.enumerated() {
      let scenario = study.scenario
      let prefix = many ? "\(scenario.title): " : ""
      for overlay in study.overlays {
        payload.overlays.append(
          OverlayEntry(name: "\(prefix)coverage, \(overlay.network), \(overlay.target)", overlay: overlay))
      }
      let colour = ReportCharts.palette[studyIndex % ReportCharts.palette.count]
      payload.legend.append(["radar site" + (many ? ", \(scenario.title)" : ""), colour])
      for radar in scenario.network.radars {
        payload.sites.append(
          Point(
            lat: radar.latitude, lon: radar.longitude,
            label: "\(prefix)\(radar.name) (\(radar.operator), \(radar.type.name)"
              + (radar.notional ? ", notional" : "") + ")",
            colour: colour))
      }
      if studyIndex == 0 || !many { addBasesAndAreas(of: scenario, to: &payload) }
      addFlights(of: study, prefix: prefix, to: &payload)
    }
    payload.legend += [
      ["interceptor base (rings: combat radius per type)", "#000000"], ["origin strips", "#D55E00"],
      ["destinations", "#7a3e9d"],
    ]
    if !payload.tracks.isEmpty {
      payload.legend += [
        ["flight intercepted in some combination", "#009E73"], ["flight never intercepted", "#b2182b"],
      ]
    }
    if !payload.intercepts.isEmpty {
      payload.legend += best(studies).enumerated().map { index, network in
        ["intercept point, \(network)", ReportCharts.palette[index % ReportCharts.palette.count]]
      }
    }
    return """
      <div id="map" class="map"></div>
      <p class="note">Plate carrée (longitude and latitude as x and y); no background tiles, so the map works offline. \
      Layers: the control at the top right. Coverage colours as in the coverage maps' own legend (green: covered in \
      real time; other shades: only with voice relay). Click a flight track for its outcome.</p>
      <script id="map-data" type="application/json">\(try ReportText.scriptJSON(payload))</script>
      <script>\(script)</script>

      """
  }

  /// The interceptor bases with each type's combat-radius ring, and the origin strips and destinations of `scenario`.
  private static func addBasesAndAreas(of scenario: InterdictionScenario, to payload: inout Payload) {
    var seen = Set<String>()
    for basing in scenario.basings {
      for station in basing.stations where seen.insert(station.name).inserted {
        payload.bases.append(
          Point(lat: station.latitude, lon: station.longitude, label: station.name, colour: "#000"))
        for (index, interceptor) in scenario.interceptors.enumerated() {
          payload.rings.append(
            Ring(
              lat: station.latitude, lon: station.longitude, metres: interceptor.combatRadius.value,
              label: "\(interceptor.name) combat radius from \(station.name): "
                + String(format: "%.0f km", interceptor.combatRadius.value / 1_000),
              colour: ReportCharts.palette[(index + 2) % ReportCharts.palette.count]))
        }
      }
    }
    for area in scenario.pattern.origins {
      payload.areas.append(
        Area(
          lat: area.latitude, lon: area.longitude, metres: area.radius, label: "origin: \(area.name)", origin: true))
    }
    for area in scenario.pattern.destinations {
      payload.areas.append(
        Area(
          lat: area.latitude, lon: area.longitude, metres: area.radius, label: "destination: \(area.name)",
          origin: false))
    }
  }

  /// The mapped flights of `study` with their outcome popups, and the intercept points of each network's best
  /// affordable option, in layers whose names start with `prefix`.
  private static func addFlights(of study: ReportStudy, prefix: String, to payload: inout Payload) {
    let best = study.bestAffordable()
    let records = study.mappedRecords.mapValues { Dictionary($0.map { ($0.flight, $0) }) { first, _ in first } }
    let combinations = study.table.rows.map {
      MonteCarlo.Combination(network: .init($0.network), interceptor: .init($0.interceptor), basing: .init($0.basing))
    }
    for flight in study.mappedFlights {
      let outcomes = combinations.compactMap { records[$0]?[flight.flight]?.outcome }
      let intercepted = outcomes.filter { $0 == .intercepted }.count
      var lines = [
        "<b>Flight \(flight.flight)</b>: \(flight.aircraft), \(flight.origin) → \(flight.destination), "
          + "transponder \(flight.transponderOn ? "on" : "off")",
        "Intercepted in \(intercepted) of \(outcomes.count) combinations.",
      ]
      if !prefix.isEmpty { lines.insert("Scenario: \(study.scenario.title)", at: 1) }
      for (network, row) in best {
        guard let row,
          let record = records[
            MonteCarlo.Combination(
              network: .init(network), interceptor: .init(row.interceptor), basing: .init(row.basing))
          ]?[flight.flight]
        else { continue }
        lines.append(
          "\(network), \(study.interceptorName(row.interceptor)) from \(row.basing): "
            + "<b>\(ReportCharts.words(record.outcome))</b>")
      }
      let step = max(1, flight.samples.count / 200)
      let points = flight.samples.enumerated().filter {
        $0.offset % step == 0 || $0.offset == flight.samples.count - 1
      }
      .map { [rounded($0.element.latitude), rounded($0.element.longitude)] }
      payload.tracks.append(
        Track(
          points: points,
          popup: lines.map {
            ReportText.escape($0).replacingOccurrences(of: "&lt;b&gt;", with: "<b>")
              .replacingOccurrences(of: "&lt;/b&gt;", with: "</b>")
          }.joined(separator: "<br>"),
          intercepted: intercepted > 0, layer: "\(prefix)Flight tracks (click one for its outcome)"))
    }
    for (network, row) in best {
      guard let row else { continue }
      let combination = MonteCarlo.Combination(
        network: .init(network), interceptor: .init(row.interceptor), basing: .init(row.basing))
      for record in study.mappedRecords[combination] ?? [] {
        guard let latitude = record.interceptLatitude, let longitude = record.interceptLongitude else { continue }
        payload.intercepts.append(
          Intercept(
            point: Point(
              lat: latitude, lon: longitude,
              label: "flight \(record.flight) intercepted (\(network), \(study.interceptorName(row.interceptor)) from "
                + "\(row.basing)), "
                + String(format: "%.0f min after the border", (record.borderToInterception ?? 0) / 60),
              colour: ReportCharts.palette[
                (best.firstIndex { $0.network == network } ?? 0) % ReportCharts.palette.count]),
            layer: "\(prefix)Intercept points (best affordable option per network)"))
      }
    }
  }

  /// The network configurations whose best options mark intercept points, in the first study's order.
  private static func best(_ studies: [ReportStudy]) -> [String] {
    studies.first?.scenario.network.networks.map(\.id.rawValue) ?? []
  }

  private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  /// Builds the layers from the JSON payload; every layer is listed in the layer control.
  private static let script = """
    (function () {
      var data = JSON.parse(document.getElementById('map-data').textContent);
      var map = L.map('map', {crs: L.CRS.EPSG4326, zoomSnap: 0.25, attributionControl: false});
      var overlays = {};
      var extent = L.latLngBounds([]);
      if (data.borders) {
        var borders = L.geoJSON(JSON.parse(data.borders), {style: {color: '#555', weight: 1, fill: false}});
        overlays['Borders'] = borders.addTo(map);
        extent.extend(borders.getBounds());
      }
      data.overlays.forEach(function (entry, index) {
        var o = entry.overlay;
        var bounds = [[o.south, o.west], [o.north, o.east]];
        var layer = L.imageOverlay(o.image, bounds, {opacity: 0.6});
        if (index === 0) { layer.addTo(map); }
        overlays[entry.name] = layer;
        extent.extend(bounds);
      });
      function group(points, style) {
        return L.featureGroup(points.map(function (p) {
          var marker = L.circleMarker([p.lat, p.lon], Object.assign({color: p.colour}, style));
          return marker.bindTooltip(p.label);
        }));
      }
      var sites = group(data.sites, {radius: 5, weight: 2, fillOpacity: 0.8});
      overlays['Radar sites'] = sites.addTo(map);
      var bases = group(data.bases, {radius: 6, weight: 3, fillColor: '#fff', fillOpacity: 1});
      overlays['Interceptor bases'] = bases.addTo(map);
      overlays['Combat radius rings'] = L.featureGroup(data.rings.map(function (r) {
        return L.circle([r.lat, r.lon], {radius: r.metres, color: r.colour, weight: 1, fill: false, dashArray: '4 4'})
          .bindTooltip(r.label);
      }));
      overlays['Origin strips and destinations'] = L.featureGroup(data.areas.map(function (a) {
        return L.circle([a.lat, a.lon], {radius: a.metres, color: a.origin ? '#D55E00' : '#7a3e9d', weight: 1,
          fillOpacity: 0.15}).bindTooltip(a.label);
      })).addTo(map);
      // One layer per name (per scenario in a comparison), in the order the payload lists them.
      function layered(items, draw) {
        var layers = {};
        items.forEach(function (item) {
          if (!layers[item.layer]) { layers[item.layer] = overlays[item.layer] = L.featureGroup().addTo(map); }
          draw(item).addTo(layers[item.layer]);
        });
        return Object.keys(layers).map(function (name) { return layers[name]; });
      }
      var tracks = layered(data.tracks, function (t) {
        return L.polyline(t.points, {color: t.intercepted ? '#009E73' : '#b2182b', weight: 2, opacity: 0.7})
          .bindPopup(t.popup);
      });
      layered(data.intercepts, function (i) {
        var p = i.point;
        return L.circleMarker([p.lat, p.lon], {color: p.colour, radius: 4, weight: 1, fillOpacity: 0.9})
          .bindTooltip(p.label);
      });
      [sites, bases].concat(tracks).forEach(function (layer) {
        if (layer.getLayers().length) { extent.extend(layer.getBounds()); }
      });
      if (extent.isValid()) { map.fitBounds(extent); } else { map.setView([-9, -75], 5); }
      L.control.layers(null, overlays, {collapsed: false}).addTo(map);
      L.control.scale({imperial: false}).addTo(map);
      var legend = L.control({position: 'bottomright'});
      legend.onAdd = function () {
        var div = L.DomUtil.create('div', 'map-legend');
        data.legend.forEach(function (entry) {
          var row = L.DomUtil.create('div', '', div);
          var swatch = L.DomUtil.create('span', 'swatch', row);
          swatch.style.background = entry[1];
          row.appendChild(document.createTextNode(' ' + entry[0]));
        });
        return div;
      };
      legend.addTo(map);
      document.getElementById('map').setAttribute('data-layers', Object.keys(overlays).length);
    })();
    """
}
