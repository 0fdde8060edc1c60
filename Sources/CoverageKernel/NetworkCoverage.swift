/// The coverage of a radar network on one grid: per cell the lowest visible altitude over all radars, which radar
/// gives it, and whether some radar sees a target at each of a few altitudes above ground and above mean sea level.
///
/// Radars are merged one at a time, so only the network grid and one radar's window are held at once. The network
/// keeps what cannot be derived: the lowest altitude MSL and the ground under it (8 bytes a cell; a single radar
/// whose window is the grid lends both, so its network costs nothing more), the radar index once a second radar
/// merges (2 bytes), and the covered-altitude bits once a radar with a cone of silence merges (2 bytes). Without a
/// cone of silence a target is seen at an altitude exactly when the lowest visible altitude reaches it, so the bits
/// follow from the planes.
public struct NetworkCoverage: Sendable {
  /// The network grid (usually the union of the radars' windows).
  public let geometry: GridGeometry
  /// The AGL altitudes whose coverage is tracked per cell.
  public let altitudesAGL: [Float]
  /// The MSL altitudes whose coverage is tracked per cell, after the AGL ones (at most 16 altitudes in all).
  public let altitudesMSL: [Float]
  /// Lowest visible altitude MSL over all radars; NaN outside every range, +∞ in range but never visible.
  public var lowestAltitudeMSL: [Float] { mslPlane.isEmpty ? emptyPlane : mslPlane }
  /// The ground height under each cell in range (from the radar that sees it lowest); NaN or the terrain height
  /// elsewhere.
  public var groundHeights: [Float] { groundPlane.isEmpty ? emptyPlane : groundPlane }
  /// Held from the first merge on (empty before).
  @usableFromInline var mslPlane: [Float] = []
  @usableFromInline var groundPlane: [Float] = []
  /// Index (in merge order) of the radar that sees lowest, once two radars are merged; nil before.
  @usableFromInline var radarPlane: [Int16]?
  /// The covered-altitude bits, once a radar with a cone of silence is merged; nil before.
  @usableFromInline var bitPlane: [UInt16]?
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
  }

  /// A network whose planes were combined elsewhere (the shards of a sharded run, `NetworkShard.combine`):
  /// `radarIndices` holds -1 where no radar sees, `coveredBits` is nil when no radar has a cone of silence (the
  /// bits then follow from the planes), `voidDependence` nil when no radar met a void. Every plane has a value per
  /// cell of `geometry`.
  public init(
    geometry: GridGeometry, altitudesAGL: [Float], altitudesMSL: [Float], radarCount: Int,
    lowestAltitudeMSL: [Float], groundHeights: [Float], radarIndices: [Int16], coveredBits: [UInt16]?,
    voidDependence: [UInt8]?
  ) {
    self.init(geometry: geometry, altitudesAGL: altitudesAGL, altitudesMSL: altitudesMSL)
    let cells = geometry.width * geometry.height
    precondition(
      lowestAltitudeMSL.count == cells && groundHeights.count == cells && radarIndices.count == cells
        && (coveredBits?.count ?? cells) == cells && (voidDependence?.count ?? cells) == cells,
      "a plane per cell")
    self.radarCount = radarCount
    guard radarCount > 0 else { return }
    mslPlane = lowestAltitudeMSL
    groundPlane = groundHeights
    radarPlane = radarIndices
    bitPlane = coveredBits
    self.voidDependence = voidDependence
  }

  /// A plane of NaN: the network before any radar is merged.
  private var emptyPlane: [Float] { [Float](repeating: .nan, count: geometry.width * geometry.height) }

  /// Lowest visible altitude AGL over all radars at cell `index` (NaN outside every range, +∞ never visible).
  @inlinable public func lowestAltitudeAGL(at index: Int) -> Float {
    mslPlane.isEmpty ? .nan : mslPlane[index] - groundPlane[index]
  }

  /// Index (in merge order) of the radar that sees lowest at cell `index`; -1 where none.
  @inlinable public func radarIndex(at index: Int) -> Int16 {
    if let radarPlane { return radarPlane[index] }
    return !mslPlane.isEmpty && mslPlane[index].isFinite ? 0 : -1
  }

  /// Bit `a` set where some radar sees a target at `altitudesAGL[a]`, bit `altitudesAGL.count + m` where some radar
  /// sees one at `altitudesMSL[m]` over terrain below it (cones of silence included).
  public func coveredBits(at index: Int) -> UInt16 {
    if let bitPlane { return bitPlane[index] }
    return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 1) { cell in
      coveredBits(from: index, into: cell)
      return cell[0]
    }
  }

  /// Writes the covered-altitude bits of cells `first ..< first + buffer.count` (row-major) into `buffer`.
  public func coveredBits(from first: Int, into buffer: UnsafeMutableBufferPointer<UInt16>) {
    if let bitPlane {
      for offset in buffer.indices { buffer[offset] = bitPlane[first + offset] }
      return
    }
    guard !mslPlane.isEmpty else { return buffer.initialize(repeating: 0) }
    // Without a cone of silence a target is seen at an altitude exactly when the lowest visible altitude reaches it
    // (and, above sea level, the ground is below it).
    mslPlane.withUnsafeBufferPointer { msl in
      groundPlane.withUnsafeBufferPointer { ground in
        altitudesAGL.withUnsafeBufferPointer { aboveGround in
          altitudesMSL.withUnsafeBufferPointer { aboveSea in
            let firstMSLBit = UInt16(aboveGround.count)
            for offset in buffer.indices {
              let height = msl[first &+ offset]
              let floor = ground[first &+ offset]
              let agl = height - floor
              var bits: UInt16 = 0
              for bit in 0..<aboveGround.count where agl <= aboveGround[bit] { bits |= 1 << UInt16(bit) }
              for number in 0..<aboveSea.count where height <= aboveSea[number] && floor < aboveSea[number] {
                bits |= 1 << (firstMSLBit + UInt16(number))
              }
              buffer[offset] = bits
            }
          }
        }
      }
    }
  }

  /// Writes the lowest visible altitude AGL of cells `first ..< first + buffer.count` into `buffer`.
  public func lowestAltitudeAGL(from first: Int, into buffer: UnsafeMutableBufferPointer<Float>) {
    guard !mslPlane.isEmpty else { return buffer.initialize(repeating: .nan) }
    mslPlane.withUnsafeBufferPointer { msl in
      groundPlane.withUnsafeBufferPointer { ground in
        for offset in buffer.indices { buffer[offset] = msl[first + offset] - ground[first + offset] }
      }
    }
  }

  /// Merges one radar's field (on a window of this grid with the same cell size).
  public mutating func merge(_ field: CoverageField) {
    let window = geometry.window(of: field.geometry)
    let radar = Int16(radarCount)
    radarCount += 1
    let cells = geometry.width * geometry.height
    if radar == 0 && window.column == 0 && window.row == 0 && window.width == geometry.width
      && window.height == geometry.height && field.ceilingMSL == nil
    {
      // The first radar covers the grid: its planes are the network's (shared, not copied).
      mslPlane = field.lowestAltitudeMSL
      groundPlane = field.groundHeights
      voidDependence = field.voidDependence
      return
    }
    if mslPlane.isEmpty {
      mslPlane = [Float](repeating: .nan, count: cells)
      groundPlane = [Float](repeating: .nan, count: cells)
    }
    if radar > 0 && radarPlane == nil {
      radarPlane = mslPlane.map { $0.isFinite ? 0 : -1 }
    }
    if field.ceilingMSL != nil && bitPlane == nil {
      bitPlane = [UInt16](unsafeUninitializedCapacity: cells) { plane, initialised in
        coveredBits(from: 0, into: plane)
        initialised = cells
      }
    }
    if field.voidDependence != nil && voidDependence == nil { voidDependence = [UInt8](repeating: 0, count: cells) }
    let altitudes = altitudesAGL
    let altitudesMSL = self.altitudesMSL
    let firstMSLBit = altitudes.count
    for row in 0..<window.height {
      for column in 0..<window.width {
        let source = row * window.width + column
        guard field.isInRange(source) else { continue }
        let target = (window.row + row) * geometry.width + window.column + column
        let msl = field.lowestAltitudeMSL[source]
        let current = mslPlane[target]
        if current.isNaN || msl < current {
          mslPlane[target] = msl
          groundPlane[target] = field.groundHeights[source]
          if radarPlane != nil, msl.isFinite { radarPlane![target] = radar }
          if voidDependence != nil { voidDependence![target] = field.dependsOnVoid(source) ? 1 : 0 }
        }
        guard bitPlane != nil else { continue }
        var bits = bitPlane![target]
        for (bit, altitude) in altitudes.enumerated() where field.isVisible(source, altitudeAGL: altitude) {
          bits |= 1 << UInt16(bit)
        }
        for (number, altitude) in altitudesMSL.enumerated() where field.isVisible(source, altitudeMSL: altitude) {
          bits |= 1 << UInt16(firstMSLBit + number)
        }
        bitPlane![target] = bits
      }
    }
  }

  /// The bit of `coveredBits` for `altitudesMSL[number]`.
  @inlinable public func bit(altitudeMSL number: Int) -> Int { altitudesAGL.count + number }

  /// Whether cell `index` lies in range of some radar.
  @inlinable public func isInRange(_ index: Int) -> Bool { !mslPlane.isEmpty && !mslPlane[index].isNaN }
}
