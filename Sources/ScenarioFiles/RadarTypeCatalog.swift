import Foundation
import RadarModels

/// The radar presets of a file such as `Scenarios/radar-types.yaml`, keyed by identifier.
public struct RadarTypeCatalog: Sendable {
  /// Types in file order.
  public private(set) var types: [RadarType] = []
  private var typesByID: [RadarType.ID: RadarType] = [:]

  /// The type with this identifier.
  public subscript(id: RadarType.ID) -> RadarType? { typesByID[id] }

  /// Reads and validates a preset file.
  public init(contentsOf path: String) throws {
    let text = try ScenarioText.read(path)
    try self.init(yaml: text, file: path)
  }

  /// Parses presets from `yaml` (named `file` in errors).
  public init(yaml: String, file: String) throws {
    let document = try YAMLValue.document(yaml, file: file)
    for (id, entry) in try document.keyedEntries() {
      let type = try Self.radarType(id: RadarType.ID(id), entry)
      types.append(type)
      typesByID[type.id] = type
    }
    guard !types.isEmpty else { throw document.error("no radar types defined") }
  }

  private static func radarType(id: RadarType.ID, _ entry: YAMLValue) throws -> RadarType {
    let fields = try entry.mapping(allowed: [
      "name", "role", "instrumented_range_km", "elevation_deg", "scan_period_s", "r50_km_1m2", "r50_from_requirement",
      "cooperative_pd", "antenna_agl_m", "availability", "mttr_h", "notes",
    ])
    let roleField = try fields.required("role", in: entry)
    guard let role = SensorRole(rawValue: try roleField.string()) else {
      throw roleField.error("unknown role (expected primary or secondary)")
    }
    let range = try fields.required("instrumented_range_km", in: entry).sourced(in: 1...3_000)
    var r50: Sourced<Double>?
    var cooperative: Sourced<Double>?
    switch role {
    case .primary:
      if let direct = fields["r50_km_1m2"] {
        let value = try direct.sourced(in: 1...5_000)
        r50 = Sourced(value.value * 1_000, value.provenance)
      } else if let requirement = fields["r50_from_requirement"] {
        r50 = try calibrated(requirement)
      } else {
        throw entry.error("a primary radar needs 'r50_km_1m2' or 'r50_from_requirement'")
      }
      if fields["cooperative_pd"] != nil { throw fields["cooperative_pd"]!.error("only secondary radars have this") }
    case .secondary:
      cooperative = try fields.required("cooperative_pd", in: entry).sourced(in: 0...1)
      if let extra = fields["r50_km_1m2"] ?? fields["r50_from_requirement"] {
        throw extra.error("secondary radars are not calibrated by R50")
      }
    }
    return RadarType(
      id: id, name: try fields.required("name", in: entry).string(), role: role,
      instrumentedRange: Sourced(range.value * 1_000, range.provenance),
      elevationLimits: try fields.required("elevation_deg", in: entry).sourcedRange(in: -10...90),
      scanPeriod: try fields.required("scan_period_s", in: entry).sourced(in: 0.1...600),
      r50ForOneSquareMetre: r50, cooperativeDetection: cooperative,
      antennaHeight: try fields.required("antenna_agl_m", in: entry).sourced(in: 0...500),
      availability: try fields.required("availability", in: entry).sourced(in: 0...1),
      meanTimeToRepair: try fields.required("mttr_h", in: entry).sourced(in: 0...100_000))
  }

  /// R50 derived from a stated requirement: `{pd: 0.75, rcs_m2: 2, range_km: 370, source: …}`.
  private static func calibrated(_ entry: YAMLValue) throws -> Sourced<Double> {
    let fields = try entry.mapping(allowed: ["pd", "rcs_m2", "range_km", "pfa", "source", "assumption", "derived"])
    let pd = try fields.required("pd", in: entry).double(in: 0.01...0.999)
    let rcs = try fields.required("rcs_m2", in: entry).double(in: 0.001...10_000)
    let range = try fields.required("range_km", in: entry).double(in: 1...5_000)
    let pfa = try fields["pfa"]?.double(in: 1e-12...0.1) ?? 1e-6
    let model = SwerlingOneDetection.calibrated(
      probability: pd, rcs: rcs, range: range * 1_000, falseAlarmProbability: pfa)
    let basis = try entry.provenance(fields)
    return Sourced(
      model.r50ForOneSquareMetre,
      .derived("Swerling 1 calibration to Pd \(pd) on \(rcs) m2 at \(range) km, Pfa \(pfa) (\(basis.label))"))
  }
}

/// Reading scenario text with one clear error.
enum ScenarioText {
  /// The largest scenario or preset file read (the shipped ones are about 10 KB).
  static let sizeLimit = 4 << 20

  /// The UTF-8 text of the regular file at `path`; refuses directories, devices and FIFOs (reading one could
  /// block forever) and files over `sizeLimit`.
  static func read(_ path: String) throws -> String {
    let attributes = try? FileManager.default.attributesOfItem(
      atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    guard let attributes else {
      throw ScenarioFileError(file: path, line: nil, field: "", message: "cannot read the file")
    }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      throw ScenarioFileError(file: path, line: nil, field: "", message: "not a regular file")
    }
    if let size = attributes[.size] as? NSNumber, size.intValue > sizeLimit {
      throw ScenarioFileError(
        file: path, line: nil, field: "",
        message: "\(size.intValue) bytes: larger than the \(sizeLimit >> 20) MiB a scenario file may have")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ScenarioFileError(file: path, line: nil, field: "", message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScenarioFileError(file: path, line: nil, field: "", message: "the file is not UTF-8 text")
    }
    return text
  }
}
