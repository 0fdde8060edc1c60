/// One shard's part of a network's coverage (`coverage --shard I/N`): the fields of a subset of the radars merged on
/// the whole network grid, each cell keeping the global index of the radar whose values it holds, so that shards
/// combine cell by cell into exactly the network a single process merges (`NetworkCoverage`).
///
/// A single process merges radars in order and replaces a cell's values only when a radar sees strictly lower
/// there, so every cell ends with the values of the lowest-indexed radar among those giving the minimum (+∞, in
/// range but never visible, counts as a value). A shard keeps, per cell, its own such radar (`sourceRadar`, -1 out
/// of every range); shards then combine as the minimum of the lowest visible altitude, ties to the lowest source
/// index, which is the same radar. Covered-altitude bits, needed only when the radars have a cone of silence, are
/// the OR of the radars' visibility, so they combine by OR.
public struct NetworkShard: Sendable {
  /// The whole network's grid.
  public let geometry: GridGeometry
  /// The tracked altitudes above ground, then above mean sea level (as `NetworkCoverage`).
  public let altitudesAGL: [Float]
  public let altitudesMSL: [Float]
  /// Lowest visible altitude MSL over the shard's radars: NaN out of their ranges, +∞ in range but never visible.
  public internal(set) var lowestAltitudeMSL: [Float]
  /// The ground under each cell, from its source radar (NaN out of range).
  public internal(set) var groundHeights: [Float]
  /// Global index of the radar whose values the cell holds; -1 out of every range.
  public internal(set) var sourceRadar: [Int16]
  /// Whether the source radar's line of sight there crosses a DEM void (0 or 1); nil while no radar met a void.
  public internal(set) var voidDependence: [UInt8]?
  /// The covered-altitude bits (OR over the radars); nil unless the radars have a cone of silence.
  public internal(set) var coveredBits: [UInt16]?
  /// Whether the radars have a cone of silence (all of them, or none); nil before the first merge.
  public internal(set) var hasCeilings: Bool?

  /// An empty shard on the network grid `geometry`.
  public init(geometry: GridGeometry, altitudesAGL: [Float], altitudesMSL: [Float] = []) {
    let cells = geometry.width * geometry.height
    self.geometry = geometry
    self.altitudesAGL = altitudesAGL
    self.altitudesMSL = altitudesMSL
    lowestAltitudeMSL = [Float](repeating: .nan, count: cells)
    groundHeights = [Float](repeating: .nan, count: cells)
    sourceRadar = [Int16](repeating: -1, count: cells)
  }

  /// A shard read back from its planes (each a value per cell of `geometry`).
  public init(
    geometry: GridGeometry, altitudesAGL: [Float], altitudesMSL: [Float], lowestAltitudeMSL: [Float],
    groundHeights: [Float], sourceRadar: [Int16], voidDependence: [UInt8]?, coveredBits: [UInt16]?
  ) {
    self.geometry = geometry
    self.altitudesAGL = altitudesAGL
    self.altitudesMSL = altitudesMSL
    self.lowestAltitudeMSL = lowestAltitudeMSL
    self.groundHeights = groundHeights
    self.sourceRadar = sourceRadar
    self.voidDependence = voidDependence
    self.coveredBits = coveredBits
    hasCeilings = coveredBits != nil
  }

  /// Merges the field of radar `radar` (its global index; radars merge in increasing index), as
  /// `NetworkCoverage.merge` does. Every radar has a cone of silence, or none does (the bits of a mix would not
  /// combine exactly).
  public mutating func merge(_ field: CoverageField, radar: Int) {
    let ceilings = field.ceilingMSL != nil
    precondition(hasCeilings == nil || hasCeilings == ceilings, "every radar with a cone of silence, or none")
    hasCeilings = ceilings
    let cells = geometry.width * geometry.height
    if ceilings && coveredBits == nil { coveredBits = [UInt16](repeating: 0, count: cells) }
    if field.voidDependence != nil && voidDependence == nil { voidDependence = [UInt8](repeating: 0, count: cells) }
    let window = geometry.window(of: field.geometry)
    let index = Int16(radar)
    let firstMSLBit = altitudesAGL.count
    for row in 0..<window.height {
      for column in 0..<window.width {
        let source = row * window.width + column
        guard field.isInRange(source) else { continue }
        let target = (window.row + row) * geometry.width + window.column + column
        let msl = field.lowestAltitudeMSL[source]
        let current = lowestAltitudeMSL[target]
        if current.isNaN || msl < current {
          lowestAltitudeMSL[target] = msl
          groundHeights[target] = field.groundHeights[source]
          sourceRadar[target] = index
          if voidDependence != nil { voidDependence![target] = field.dependsOnVoid(source) ? 1 : 0 }
        }
        guard coveredBits != nil else { continue }
        var bits = coveredBits![target]
        for (bit, altitude) in altitudesAGL.enumerated() where field.isVisible(source, altitudeAGL: altitude) {
          bits |= 1 << UInt16(bit)
        }
        for (number, altitude) in altitudesMSL.enumerated() where field.isVisible(source, altitudeMSL: altitude) {
          bits |= 1 << UInt16(firstMSLBit + number)
        }
        coveredBits![target] = bits
      }
    }
  }

  /// Combines cells `first ..< first + count` of `other` (given as its planes' slices) into this shard: the lower
  /// visible altitude wins, ties to the lower source radar index; bits combine by OR.
  public mutating func combine(
    first: Int, lowestAltitudeMSL msl: ArraySlice<Float>, groundHeights ground: ArraySlice<Float>,
    sourceRadar source: ArraySlice<Int16>, voidDependence voids: ArraySlice<UInt8>?,
    coveredBits bits: ArraySlice<UInt16>?
  ) {
    let cells = geometry.width * geometry.height
    if voids != nil && voidDependence == nil { voidDependence = [UInt8](repeating: 0, count: cells) }
    if bits != nil && coveredBits == nil { coveredBits = [UInt16](repeating: 0, count: cells) }
    for offset in 0..<msl.count {
      let target = first + offset
      let value = msl[msl.startIndex + offset]
      guard !value.isNaN else { continue }
      let radar = source[source.startIndex + offset]
      let current = lowestAltitudeMSL[target]
      if current.isNaN || value < current || (value == current && radar < sourceRadar[target]) {
        lowestAltitudeMSL[target] = value
        groundHeights[target] = ground[ground.startIndex + offset]
        sourceRadar[target] = radar
        if voidDependence != nil { voidDependence![target] = voids.map { $0[$0.startIndex + offset] } ?? 0 }
      }
      if let bits { coveredBits![target] |= bits[bits.startIndex + offset] }
    }
  }

  /// The network of `radarCount` radars these combined shards make.
  public func network(radarCount: Int) -> NetworkCoverage {
    NetworkCoverage(
      geometry: geometry, altitudesAGL: altitudesAGL, altitudesMSL: altitudesMSL, radarCount: radarCount,
      lowestAltitudeMSL: lowestAltitudeMSL, groundHeights: groundHeights,
      radarIndices: zip(lowestAltitudeMSL, sourceRadar).map { $0.isFinite ? $1 : -1 }, coveredBits: coveredBits,
      voidDependence: voidDependence)
  }
}
