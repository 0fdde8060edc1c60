import CoverageKernel
import Foundation
import GeoRaster

/// The coverage fields of radars over one DEM, each computed once: the DEM is opened here, sites are placed on its
/// grid here, and every field the kernel computes is kept for as long as a later user has reserved it, so that a
/// coverage study, the simulation world and the site planner share one computation per (radar, range, limits).
///
/// Serves one caller at a time (the kernel itself runs on `threads` threads).
public final class CoverageFields {
  /// The DEM's path, as given or chosen (see `DEMChoice`).
  public let demPath: String
  /// How a scenario's DEM was chosen (whether it is a fallback), when the fields are a scenario's.
  public internal(set) var demChoice: DEMChoice?
  /// The opened DEM.
  public let terrain: TerrainSource
  /// Earth radius and refraction for every field.
  public let earth: EarthModel
  /// Threads the kernel uses.
  public let threads: Int
  /// Kernel runs so far: fields computed, not handed out again from the cache.
  public private(set) var kernelRuns = 0

  private let kernel: LineOfSightKernel
  private let workspace = CoverageWorkspace()
  private let warn: (String) -> Void
  private let voidNote: String
  private var kept: [Key: CoverageField] = [:]
  private var reservations: [Key: Int] = [:]

  /// What makes two fields the same: the radar's position, antenna and window, and the limits (the name does not
  /// change a value).
  private struct Key: Hashable {
    var position: MapPoint
    var antenna: AntennaHeight
    var window: GridWindow
    var limits: CoverageLimits

    init(_ radar: PlacedRadar, _ limits: CoverageLimits) {
      position = radar.position
      antenna = radar.antenna
      window = radar.window
      self.limits = limits
    }
  }

  /// Opens the DEM at `demPath` (refused in one line when unfit, see `TerrainSource`). `voidFillDistance` fills DEM
  /// voids up to that many cells away before computing. `warn` gets one line for each thing the analyst must know:
  /// the DEM's warnings, and each computed field whose lowest altitudes look past voids (followed by `voidNote` in
  /// parentheses when given).
  public init(
    demPath: String, earth: EarthModel, threads: Int, voidFillDistance: Double? = nil, voidNote: String? = nil,
    warn: @escaping (String) -> Void = { _ in }
  ) throws {
    var terrain = try TerrainSource(path: demPath)
    terrain.voidFillDistance = voidFillDistance
    self.terrain = terrain
    self.demPath = demPath
    self.earth = earth
    self.threads = max(1, threads)
    self.warn = warn
    self.voidNote = voidNote.map { " (\($0))" } ?? ""
    kernel = LineOfSightKernel(earth: earth, threads: self.threads)
    for warning in terrain.warnings { warn(warning) }
  }

  /// Places a radar given in WGS 84 on the DEM's grid, with the window its farthest range `reach` (metres) covers.
  /// Refuses a site outside the DEM and a range that does not reach it; `voidRemedy` is what the analyst is told to
  /// do should the site stand on a void.
  public func place(
    name: String, latitude: Double, longitude: Double, antenna: AntennaHeight, reach: Double, voidRemedy: String
  ) throws -> PlacedRadar {
    let position = try terrain.position(latitude: latitude, longitude: longitude)
    guard terrain.geometry.contains(position) else {
      throw PipelineError("site '\(name)' (\(latitude), \(longitude)) lies outside the DEM '\(demPath)'")
    }
    guard let window = terrain.geometry.window(around: position, radius: reach, earthRadius: earth.radius) else {
      throw PipelineError("site '\(name)': its range does not overlap the DEM '\(demPath)'")
    }
    return PlacedRadar(name: name, position: position, antenna: antenna, window: window, voidRemedy: voidRemedy)
  }

  /// Keeps the field of `radar` under `limits`, once computed, for one more `field` call.
  public func reserve(_ radar: PlacedRadar, _ limits: CoverageLimits) {
    reservations[Key(radar, limits), default: 0] += 1
  }

  /// The field of `radar` under `limits`: from the cache when an earlier call computed it and it was reserved, else
  /// from the kernel (reading the radar's window of the DEM). `progress` gets the fraction done of a computation.
  public func field(
    of radar: PlacedRadar, _ limits: CoverageLimits, progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) throws -> CoverageField {
    let key = Key(radar, limits)
    let field: CoverageField
    if let known = kept[key] {
      field = known
    } else {
      do {
        field = try kernel.coverage(
          of: radar.site(limits), over: terrain.read(radar.window), workspace: workspace, progress: progress)
      } catch CoverageKernelError.siteOnVoid(let name) {
        throw PipelineError(
          "radar '\(name)' stands on a void (no-data) of the DEM '\(demPath)': \(radar.voidRemedy)")
      }
      kernelRuns += 1
      if let note = VoidReport.line(radar: radar.name, field: field) { warn(note + voidNote) }
    }
    if let left = reservations[key], left > 0 {
      reservations[key] = left - 1
      kept[key] = left > 1 ? field : nil
    } else {
      kept[key] = nil
    }
    return field
  }

  /// Takes a field back once its user is done with it, so the kernel can reuse its memory (unless it is kept for a
  /// reserved user).
  public func recycle(_ field: CoverageField) {
    let planes = { (plane: [Float]) in plane.withUnsafeBufferPointer { $0.baseAddress } }
    let storage = planes(field.lowestAltitudeMSL)
    guard !kept.values.contains(where: { planes($0.lowestAltitudeMSL) == storage }) else { return }
    workspace.recycle(field)
  }

  /// What computing the field of `radar` under `limits` takes: peak memory and the field's own size.
  public func resourceEstimate(of radar: PlacedRadar, _ limits: CoverageLimits) throws -> CoverageResourceEstimate {
    try kernel.resourceEstimate(for: radar.site(limits), over: terrain.geometry.subgrid(radar.window))
  }
}
