import ArgumentParser
import CoveragePipeline
import CoverageStudy
import Foundation
import GeoRaster
import Interdiction
import InterdictionModels
import OutputFiles

/// `airpicture sensitivity`: what drives the answer. The Monte Carlo of one interdiction scenario at the low and high
/// end of each key assumption's range, with common random numbers, as a table, tornado charts and a summary.
struct SensitivityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: "Vary each key assumption across its range and show which ones move P(intercept) and cost.",
    discussion: """
      Runs the scenario as written, then each parameter at the low and the high end of its range (a factor on the \
      scenario's own figures), every variant with the same flights and seed, so their differences come from the \
      parameter. Ranges come from the scenario's optional sensitivity: section, else from defaults stated as \
      assumptions. Parameters: \(SensitivityParameter.all.map(\.key).joined(separator: ", ")).

      Writes to --out: sensitivity.csv (per parameter x network x interceptor x basing: the range and its \
      provenance, P(intercept) with its 95 % interval and cost per interception at low, base and high, the swings), \
      tornado-p-intercept.png and tornado-cost-per-interception.png (one panel per network configuration's best \
      option) and summary.md (the parameters by swing, and whether the best option changes), which it also prints.

      Examples:
        airpicture sensitivity Scenarios/interdiction-2025.yaml --flights 300 \\
            --out out/sensitivity-2025
        airpicture sensitivity Scenarios/interdiction-2025.yaml --flights 1000 \\
            --parameters classification_time,alert_delay --interceptors f16-block70,a-29 \\
            --out /tmp/sens
      """)

  @Argument(
    help: ArgumentHelp("Interdiction scenario (YAML, see Scenarios/interdiction-*.yaml).", valueName: "scenario.yaml"))
  var scenario: String

  @Option(help: ArgumentHelp("Number of simulated flights per variant.", valueName: "n"))
  var flights: Int = 300

  @Option(
    help: ArgumentHelp("Random seed; every variant uses it, and the same seed gives the same results.", valueName: "n"))
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Output folder (default out/SCENARIO-sensitivity).", valueName: "folder"))
  var out: String?

  @Option(help: ArgumentHelp("DEM (geographic) overriding the network scenario's.", valueName: "dem"))
  var dem: String?

  @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
  var threads: Int?

  @Option(help: ArgumentHelp("Parameters to vary, comma-separated (default all).", valueName: "a,b"))
  var parameters: String?

  @Option(help: ArgumentHelp("Network configurations to compare, comma-separated (default all).", valueName: "ids"))
  var networks: String?

  @Option(help: ArgumentHelp("Interceptors to compare, comma-separated (default all).", valueName: "ids"))
  var interceptors: String?

  @Option(help: ArgumentHelp("Basings to compare, comma-separated (default all).", valueName: "ids"))
  var basings: String?

  func validate() throws {
    try InterdictionRun.validate(flights: flights, threads: threads)
    _ = try chosenParameters()
  }

  /// The parameters `--parameters` names, in table order; all when it is not given.
  func chosenParameters() throws -> [SensitivityParameter] {
    guard let parameters else { return SensitivityParameter.all }
    let keys = Self.list(parameters)
    let known = SensitivityParameter.all.map(\.key)
    if let unknown = keys.first(where: { !known.contains($0) }) {
      throw ValidationError(
        "--parameters: no parameter '\(unknown)' (known: \(known.joined(separator: ", ")))")
    }
    guard !keys.isEmpty else { throw ValidationError("--parameters: name at least one parameter") }
    return SensitivityParameter.all.filter { keys.contains($0.key) }
  }

  /// The options the filters keep, in scenario order.
  func chosenOptions(of scenario: InterdictionScenario) throws -> [MonteCarlo.Combination] {
    func kept(_ option: String, _ value: String?, _ known: [String]) throws -> Set<String> {
      guard let value else { return Set(known) }
      let ids = Self.list(value)
      if let unknown = ids.first(where: { !known.contains($0) }) {
        throw CommandError(
          "\(option): the scenario has no '\(unknown)' (it has: \(known.joined(separator: ", ")))")
      }
      guard !ids.isEmpty else { throw CommandError("\(option): name at least one") }
      return Set(ids)
    }
    let networks = try kept("--networks", self.networks, scenario.network.networks.map(\.id.rawValue))
    let interceptors = try kept("--interceptors", self.interceptors, scenario.interceptors.map(\.id.rawValue))
    let basings = try kept("--basings", self.basings, scenario.basings.map(\.id.rawValue))
    return scenario.network.networks.filter { networks.contains($0.id.rawValue) }.flatMap { network in
      scenario.interceptors.filter { interceptors.contains($0.id.rawValue) }.flatMap { interceptor in
        scenario.basings.filter { basings.contains($0.id.rawValue) }.map {
          MonteCarlo.Combination(network: network.id, interceptor: interceptor.id, basing: $0.id)
        }
      }
    }
  }

  private static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  func run() throws {
    let start = Date()
    let scenario = try InterdictionRun.read(self.scenario)
    let parameters = try chosenParameters()
    let options = try chosenOptions(of: scenario)
    let output = try OutputFolder(
      out ?? "out/\(scenario.id)-sensitivity", option: "--out",
      inputs: [RunInput(option: "scenario", path: self.scenario)]
        + (dem.map { [RunInput(option: "--dem", path: $0)] } ?? []))
    let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let reporter = ProgressReporter()
    do {
      let folder = output.staging as NSString
      // The world and its line-of-sight fields are built once; every variant flies through them.
      let fields = try CoverageFields(scenario: scenario.network, dem: dem, threads: threads, warn: reporter.warn)
      let world = try SimulationWorldBuilder.build(scenario: scenario, fields: fields) { reporter.report($0, $1) }
      let worldSeconds = Date().timeIntervalSince(start)
      let study = SensitivityStudy(
        scenario: scenario, world: world, parameters: parameters, flights: flights, seed: seed, threads: threads,
        combinations: options
      ) { reporter.report($0, $1) }
      reporter.finish()
      try AtomicOutput.writeText(study.csv, to: folder.appendingPathComponent("sensitivity.csv"))
      try AtomicOutput.writeText(study.summary, to: folder.appendingPathComponent("summary.md"))
      for metric in SensitivityMetric.allCases {
        try SensitivityTornado(study: study, metric: metric).write(
          to: folder.appendingPathComponent(Self.tornadoFile(metric)))
      }
      if let note = try output.publish() { reporter.warn(note) }
      print(study.summary)
      print(
        "\(scenario.id): \(flights) flights, seed \(seed), \(options.count) options, \(1 + 2 * parameters.count) "
          + "variants, " + String(format: "%.1f s", Date().timeIntervalSince(start))
          + String(format: " (world %.1f s)", worldSeconds) + "; DEM \(fields.demPath)")
      print(
        "wrote \(output.destination): sensitivity.csv, summary.md, "
          + SensitivityMetric.allCases.map(Self.tornadoFile).joined(separator: ", "))
    } catch {
      reporter.finish()
      output.discard()
      throw error
    }
  }

  /// The tornado chart's file name for `metric`.
  static func tornadoFile(_ metric: SensitivityMetric) -> String {
    metric == .interception ? "tornado-p-intercept.png" : "tornado-cost-per-interception.png"
  }
}
