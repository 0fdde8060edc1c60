import CoverageKernel
import GeoRaster
import Interdiction
import InterdictionModels
import RadarModels

/// The scenario under the flights, as map layers: radar sites, interceptor bases with each interceptor type's combat
/// radius around them, and the areas flights leave from and the strip areas they fly to, with their radii.
enum ContextLayers {
  /// Points on a ring: one every 5 degrees of azimuth, plus the first again to close it.
  static let ringPoints = 72

  /// Every context layer of `scenario` over `world` (whose terrain gives the radars' ground height and whose sphere
  /// the rings' great-circle distances, the same the engagements use).
  static func layers(scenario: InterdictionScenario, world: SimulationWorld) -> [FeatureWriter.Layer] {
    [
      radarSites(world: world), bases(scenario: scenario), combatRadiusRings(scenario: scenario, world: world),
      flightAreas(scenario: scenario, world: world),
    ]
  }

  /// The points of a circle of `radius` metres around a position, closed.
  static func ring(latitude: Double, longitude: Double, radius: Double, sphere: Double) -> [(
    longitude: Double, latitude: Double
  )] {
    (0...ringPoints).map { step in
      let point = Geodesy.destination(
        latitude: latitude, longitude: longitude,
        azimuth: 2 * Double.pi * Double(step % ringPoints) / Double(ringPoints),
        distance: radius, radius: sphere)
      return (point.longitude, point.latitude)
    }
  }

  static func radarSites(world: SimulationWorld) -> FeatureWriter.Layer {
    let features = world.radars.map(\.placement).map { site in
      let ground = world.ground(latitude: site.latitude, longitude: site.longitude)
      let antenna = ground + site.antennaHeight.value
      return FeatureWriter.Feature(
        coordinates: [(site.longitude, site.latitude)], altitudes: [antenna],
        values: [
          .text(site.name), .text(site.type.name), .text(site.type.role.rawValue), .text(site.operator),
          .integer(site.notional ? 1 : 0), .real(site.antennaHeight.value), .real(antenna),
          .real(site.type.instrumentedRange.value / 1_000), .text(site.provenance.label),
        ], style: "@radar")
    }
    return FeatureWriter.Layer(
      name: "radar_sites", geometry: .point, threeDimensional: true,
      fields: [
        .init("name", .text), .init("radar_type", .text), .init("role", .text), .init("operator", .text),
        .init("notional", .integer), .init("antenna_agl_m", .real), .init("antenna_msl_m", .real),
        .init("instrumented_range_km", .real), .init("source", .text),
      ], features: features,
      qml: LayerStyle.qml(symbol: LayerStyle.qmlSymbol(name: "0", marker: LayerStyle.radar), temporal: .none))
  }

  static func bases(scenario: InterdictionScenario) -> FeatureWriter.Layer {
    let features = scenario.basings.flatMap { basing in
      basing.stations.map { station in
        FeatureWriter.Feature(
          coordinates: [(station.longitude, station.latitude)],
          values: [
            .text(station.name), .text(basing.id.rawValue), .text(basing.description),
            station.scrambleDelay.map { .real($0.value / 60) } ?? .null,
          ], style: "@base")
      }
    }
    return FeatureWriter.Layer(
      name: "bases", geometry: .point, threeDimensional: false,
      fields: [
        .init("name", .text), .init("basing", .text), .init("basing_description", .text), .init("alert_min", .real),
      ],
      features: features,
      qml: LayerStyle.qml(symbol: LayerStyle.qmlSymbol(name: "0", marker: LayerStyle.base), temporal: .none))
  }

  /// One ring per base (each base once, in scenario order) and interceptor type.
  static func combatRadiusRings(scenario: InterdictionScenario, world: SimulationWorld) -> FeatureWriter.Layer {
    var seen: Set<String> = []
    let stations = scenario.basings.flatMap(\.stations).filter { seen.insert($0.name).inserted }
    let features = stations.flatMap { station in
      scenario.interceptors.map { interceptor in
        FeatureWriter.Feature(
          coordinates: ring(
            latitude: station.latitude, longitude: station.longitude, radius: interceptor.combatRadius.value,
            sphere: world.earth.radius),
          values: [
            .text("\(station.name): \(interceptor.name)"), .text(station.name), .text(interceptor.id.rawValue),
            .text(interceptor.name), .real(interceptor.combatRadius.value / 1_000),
          ], style: "@ring")
      }
    }
    return FeatureWriter.Layer(
      name: "combat_radius_rings", geometry: .line, threeDimensional: false,
      fields: [
        .init("name", .text), .init("base", .text), .init("interceptor", .text), .init("interceptor_name", .text),
        .init("combat_radius_km", .real),
      ], features: features,
      qml: LayerStyle.qml(
        symbol: LayerStyle.qmlSymbol(name: "0", line: LayerStyle.base.colour, widthMillimetres: 0.3, dashed: true),
        temporal: .none))
  }

  /// The departure areas and strip areas the flight pattern draws points in, as rings of their radius.
  static func flightAreas(scenario: InterdictionScenario, world: SimulationWorld) -> FeatureWriter.Layer {
    let areas =
      scenario.pattern.origins.map { ($0, "origin") } + scenario.pattern.destinations.map { ($0, "strips") }
    let features = areas.map { area, role in
      FeatureWriter.Feature(
        coordinates: ring(
          latitude: area.latitude, longitude: area.longitude, radius: area.radius, sphere: world.earth.radius),
        values: [.text(area.name), .text(role), .real(area.radius / 1_000)], style: "@\(role)")
    }
    return FeatureWriter.Layer(
      name: "flight_areas", geometry: .line, threeDimensional: false,
      fields: [.init("name", .text), .init("role", .text), .init("radius_km", .real)], features: features,
      qml: LayerStyle.qml(
        field: "role", lineCategories: [("origin", .reddishPurple), ("strips", .vermillion)], widthMillimetres: 0.6,
        temporal: .none))
  }

  /// The shared KML styles the context layers' features name.
  static let kmlStyles: [(name: String, style: String)] = [
    ("radar", LayerStyle.ogr(LayerStyle.radar)), ("base", LayerStyle.ogr(LayerStyle.base)),
    ("ring", LayerStyle.ogrLine(LayerStyle.base.colour, widthPixels: 2)),
    ("origin", LayerStyle.ogrLine(.reddishPurple, widthPixels: 3)),
    ("strips", LayerStyle.ogrLine(.vermillion, widthPixels: 3)),
  ]
}
