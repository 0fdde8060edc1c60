/// The coverage of a radar network on one grid: per cell the lowest visible altitude over all radars, which radar
/// gives it, and whether some radar sees a target at each of a few altitudes above ground and above mean sea level.
///
/// Radars are merged one at a time, so only the network grid and one radar's window are held at once.
public struct NetworkCoverage: Sendable {
  /// The network grid (usually the union of the radars' windows).
  public let geometry: GridGeometry
  /// The AGL altitudes whose coverage is tracked per cell.
  public let altitudesAGL: [Float]
  /// The MSL altitudes whose coverage is tracked per cell, after the AGL ones (at most 16 altitudes in all).
  public let altitudesMSL: [Float]
  /// Lowest visible altitude MSL over all radars; NaN outside every range, +∞ in range but never visible.
  public private(set) var lowestAltitudeMSL: [Float]
  /// Lowest visible altitude AGL over all radars.
  public private(set) var lowestAltitudeAGL: [Float]
  /// Index (in merge order) of the radar that sees lowest; -1 where none.
  public private(set) var radarIndex: [Int16]
  /// Bit `a` set where some radar sees a target at `altitudesAGL[a]`, bit `altitudesAGL.count + m` where some radar
  /// sees one at `altitudesMSL[m]` over terrain below it (cones of silence included).
  public private(set) var coveredBits: [UInt16]
  /// Number of radars merged.
  public private(set) var radarCount = 0
  /// 1 where the lowest visible altitude comes from a radar whose line of sight there crosses a DEM void (so it is
  /// a lower bound), 0 elsewhere; nil while no merged radar met a void.
  public private(set) var voidDependence: [UInt8]?

  /// An empty network on `geometry`, tracking coverage at `altitudesAGL` and `altitudesMSL` (metres).
  public init(geometry: GridGeometry, altitudesAGL: [Float], altitudesMSL: [Float] = []) {
    precondition(altitudesAGL.count + altitudesMSL.count <= 16, "at most 16 tracked altitudes")
    self.geometry = geometry
    self.altitudesAGL = altitudesAGL
    self.altitudesMSL = altitudesMSL
    let cells = geometry.width * geometry.height
    lowestAltitudeMSL = [Float](repeating: .nan, count: cells)
    lowestAltitudeAGL = [Float](repeating: .nan, count: cells)
    radarIndex = [Int16](repeating: -1, count: cells)
    coveredBits = [UInt16](repeating: 0, count: cells)
  }

  /// Merges one radar's field (on a window of this grid with the same cell size).
  public mutating func merge(_ field: CoverageField) {
    let window = geometry.window(of: field.geometry)
    let radar = Int16(radarCount)
    radarCount += 1
    let altitudes = altitudesAGL
    let altitudesMSL = self.altitudesMSL
    let firstMSLBit = altitudes.count
    if field.voidDependence != nil && voidDependence == nil {
      voidDependence = [UInt8](repeating: 0, count: geometry.width * geometry.height)
    }
    for row in 0..<window.height {
      for column in 0..<window.width {
        let source = row * window.width + column
        guard field.isInRange(source) else { continue }
        let target = (window.row + row) * geometry.width + window.column + column
        let msl = field.lowestAltitudeMSL[source]
        let current = lowestAltitudeMSL[target]
        if current.isNaN || msl < current {
          lowestAltitudeMSL[target] = msl
          lowestAltitudeAGL[target] = field.lowestAltitudeAGL[source]
          radarIndex[target] = msl.isFinite ? radar : radarIndex[target]
          if voidDependence != nil { voidDependence![target] = field.dependsOnVoid(source) ? 1 : 0 }
        }
        var bits = coveredBits[target]
        for (bit, altitude) in altitudes.enumerated() where field.isVisible(source, altitudeAGL: altitude) {
          bits |= 1 << UInt16(bit)
        }
        for (number, altitude) in altitudesMSL.enumerated() where field.isVisible(source, altitudeMSL: altitude) {
          bits |= 1 << UInt16(firstMSLBit + number)
        }
        coveredBits[target] = bits
      }
    }
  }

  /// The bit of `coveredBits` for `altitudesMSL[number]`.
  @inlinable public func bit(altitudeMSL number: Int) -> Int { altitudesAGL.count + number }

  /// Whether cell `index` lies in range of some radar.
  @inlinable public func isInRange(_ index: Int) -> Bool { !lowestAltitudeMSL[index].isNaN }
}
