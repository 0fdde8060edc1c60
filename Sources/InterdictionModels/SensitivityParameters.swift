import Foundation
import RadarModels

extension SensitivityParameter {
  /// Every parameter the study knows, in the order tables list them. A new one (say, the share of each route) is one
  /// more entry here: a key, a name, its default range with the reason for it, its base figures and how a factor
  /// applies to a scenario.
  public static let all: [SensitivityParameter] = [
    SensitivityParameter(
      key: "classification_time", name: "classification time",
      defaultRange: Sourced(0.5...1.5, .assumption("the rules' spans: 5-15 min non-integrated, 1-3 min integrated")),
      baseFigures: { scenario in
        scenario.network.networks.map { network in
          let minutes = (scenario.rules.classificationTime[network.id]?.value ?? 0) / 60
          return "\(network.id.rawValue) \(figure(minutes)) min"
        }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for id in scenario.rules.classificationTime.keys {
          scenario.rules.classificationTime[id]?.scale(by: factor)
        }
      }),
    SensitivityParameter(
      key: "relay_delay", name: "voice relay delay",
      defaultRange: Sourced(0.43...2.14, .assumption("3 to 15 minutes around the 7-minute telephone relay")),
      baseFigures: { scenario in
        relayed(scenario).map { "\($0.id.rawValue) \(figure($0.voiceRelay!.delay.value / 60)) min" }
          .joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.network.networks.indices {
          scenario.network.networks[index].voiceRelay?.delay.scale(by: factor)
        }
      }),
    SensitivityParameter(
      key: "relay_probability", name: "voice relay probability",
      defaultRange: Sourced(
        0.5...1.5, .assumption("half to one and a half times the share passed on (0.25-0.75 of 0.5)")),
      baseFigures: { scenario in
        relayed(scenario).map { "\($0.id.rawValue) \(figure($0.voiceRelay!.probability.value))" }
          .joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.network.networks.indices {
          scenario.network.networks[index].voiceRelay?.probability.scale(by: factor, cap: 1)
        }
      }),
    SensitivityParameter(
      key: "radar_availability", name: "radar availability",
      defaultRange: Sourced(
        0.67...1.33,
        .assumption("the TPS-70's outage history: one radar of three working to all of them (0.33-0.67 of 0.5)")),
      baseFigures: { scenario in
        radarTypes(scenario).map { "\($0.id.rawValue) \(figure($0.availability.value))" }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.network.radars.indices {
          scenario.network.radars[index].type.availability.scale(by: factor, cap: 1)
        }
      }),
    SensitivityParameter(
      key: "radar_mttr", name: "radar mean time to repair",
      defaultRange: Sourced(
        0.5...2, .assumption("repairs reported in days to months: half to twice each type's figure")),
      baseFigures: { scenario in
        radarTypes(scenario).map { "\($0.id.rawValue) \(figure($0.meanTimeToRepair.value)) h" }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.network.radars.indices {
          scenario.network.radars[index].type.meanTimeToRepair.scale(by: factor)
        }
      }),
    SensitivityParameter(
      key: "rcs", name: "radar cross-section",
      defaultRange: Sourced(0.67...1.33, .assumption("small singles 1-2 m2 around 1.5, light twins 2-4 m2 around 3")),
      baseFigures: { scenario in
        scenario.aircraft.map { "\($0.id) \(figure($0.radarCrossSection.value)) m2" }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.aircraft.indices { scenario.aircraft[index].radarCrossSection.scale(by: factor) }
      }),
    SensitivityParameter(
      key: "cruise_height", name: "cruise height",
      defaultRange: Sourced(0.75...1.5, .assumption("150-300 m over the jungle around 200 m")),
      baseFigures: { scenario in
        scenario.aircraft.map { "\($0.id) \(figure($0.cruiseHeight.value)) m AGL" }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.aircraft.indices { scenario.aircraft[index].cruiseHeight.scale(by: factor) }
      }),
    SensitivityParameter(
      key: "alert_delay", name: "alert delay",
      defaultRange: Sourced(0.67...1.33, .assumption("a third faster or slower than each base's alert posture")),
      baseFigures: { scenario in
        scenario.basings.map { basing in
          basing.id.rawValue + " "
            + basing.stations.compactMap { $0.scrambleDelay.map { figure($0.value / 60) } }.joined(separator: "/")
            + " min"
        }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for basing in scenario.basings.indices {
          for station in scenario.basings[basing].stations.indices {
            scenario.basings[basing].stations[station].scrambleDelay?.scale(by: factor)
          }
        }
      }),
    SensitivityParameter(
      key: "alert_readiness", name: "alert readiness",
      defaultRange: Sourced(0.75...1.19, .assumption("0.6-0.95 for a new type around 0.8")),
      baseFigures: { scenario in
        scenario.interceptors.map { "\($0.id.rawValue) \(figure($0.alertReadiness.value))" }.joined(separator: "; ")
      },
      apply: { scenario, factor in
        for index in scenario.interceptors.indices {
          scenario.interceptors[index].alertReadiness.scale(by: factor, cap: 1)
        }
      }),
    SensitivityParameter(
      key: "planned_route_share", name: "share of flights on planned routes",
      defaultRange: Sourced(
        0.5...1.25, .assumption("no source gives the share of pilots who plan round the radars: 0.4-1 around 0.8")),
      baseFigures: { scenario in figure(scenario.pattern.routing.plannedShare.value) },
      apply: { scenario, factor in scenario.pattern.routing.plannedShare.scale(by: factor, cap: 1) }),
  ]

  /// Configurations with a voice relay.
  private static func relayed(_ scenario: InterdictionScenario) -> [NetworkConfiguration] {
    scenario.network.networks.filter { $0.voiceRelay != nil }
  }

  /// The network's radar types, each once, in order of first use.
  private static func radarTypes(_ scenario: InterdictionScenario) -> [RadarType] {
    var seen = Set<RadarType.ID>()
    return scenario.network.radars.map(\.type).filter { seen.insert($0.id).inserted }
  }

  /// A figure or factor as tables write it: up to three decimals, no trailing zeros ("0.43", "2", "7").
  public static func figure(_ value: Double) -> String {
    var text = String(format: "%.3f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

extension Sourced where Value == Double {
  /// Multiplies the value by `factor`, capped at `cap`.
  mutating func scale(by factor: Double, cap: Double = .infinity) { value = min(value * factor, cap) }
}
