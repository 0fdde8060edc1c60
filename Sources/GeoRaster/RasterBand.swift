/// One Float32 band to write: its cells, row-major, and what GIS tools show for it. The cells come from a Float
/// plane, or from a compact plane (a radar index, a flag) that the writers convert strip by strip, so writing
/// allocates no Float copy of a whole plane.
public struct RasterBand: Sendable {
  /// What the band holds, with its unit ("lowest visible altitude MSL (m)").
  public var description: String
  /// The unit of the values as GDAL's band unit type ("m"); empty for none (an index, a flag).
  public var unit: String
  /// Names of the integer values 0, 1, 2...: written as GDAL category names and as a raster attribute table
  /// (value, name) that QGIS shows; empty for a band of quantities.
  public var categoryNames: [String]
  /// Where the cells come from.
  private let source: Source

  /// A plane of cells in the type it is held in.
  private enum Source: Sendable {
    /// Float values; ±∞ is written as NaN.
    case values([Float])
    /// Integer indices; negative ones are written as NaN.
    case indices([Int16])
    /// Flags: 0 is written as NaN, anything else as 1.
    case flags([UInt8])
    /// Cells computed strip by strip (a difference of two planes, say); ±∞ is written as NaN.
    case computed(count: Int, cells: @Sendable (_ first: Int, _ strip: UnsafeMutableBufferPointer<Float>) -> Void)
  }

  /// A band of Float values (NaN is no-data; ±∞ is written as NaN).
  public init(description: String, values: [Float], unit: String = "", categoryNames: [String] = []) {
    self.init(description: description, source: .values(values), unit: unit, categoryNames: categoryNames)
  }

  /// A band of integer indices (0, 1, ...), written as Float values; negative indices are no-data.
  public init(description: String, indices: [Int16], unit: String = "", categoryNames: [String] = []) {
    self.init(description: description, source: .indices(indices), unit: unit, categoryNames: categoryNames)
  }

  /// A band of flags, written as 1 where a flag is set (non-zero) and no-data elsewhere.
  public init(description: String, flags: [UInt8]) {
    self.init(description: description, source: .flags(flags), unit: "", categoryNames: [])
  }

  /// A band of `count` Float values that `cells` computes on demand: it writes the cells from `first` on into
  /// `strip` (as many as it holds). Nothing is held but what the closure captures.
  public init(
    description: String, count: Int, unit: String = "", categoryNames: [String] = [],
    cells: @escaping @Sendable (_ first: Int, _ strip: UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    self.init(
      description: description, source: .computed(count: count, cells: cells), unit: unit,
      categoryNames: categoryNames)
  }

  private init(description: String, source: Source, unit: String, categoryNames: [String]) {
    self.description = description
    self.source = source
    self.unit = unit
    self.categoryNames = categoryNames
  }

  /// The number of cells.
  public var count: Int {
    switch source {
    case .values(let values): values.count
    case .indices(let indices): indices.count
    case .flags(let flags): flags.count
    case .computed(let count, _): count
    }
  }

  /// The cells as written, row-major (NaN for no-data): a whole Float plane, for checks and small rasters.
  public var values: [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
      fill(from: 0, into: buffer)
      initialised = buffer.count
    }
  }

  /// Writes the cells from `first` on into `strip` (as many as it holds) as they are written to a file.
  func fill(from first: Int, into strip: UnsafeMutableBufferPointer<Float>) {
    guard let output = strip.baseAddress else { return }
    let count = strip.count
    precondition(first >= 0 && first + count <= self.count, "strip outside the band")
    switch source {
    case .values(let values):
      values.withUnsafeBufferPointer { input in
        let base = input.baseAddress! + first
        for offset in 0..<count {
          let value = base[offset]
          output[offset] = value.magnitude == .infinity ? .nan : value
        }
      }
    case .indices(let indices):
      indices.withUnsafeBufferPointer { input in
        let base = input.baseAddress! + first
        for offset in 0..<count {
          let index = base[offset]
          output[offset] = index < 0 ? .nan : Float(index)
        }
      }
    case .flags(let flags):
      flags.withUnsafeBufferPointer { input in
        let base = input.baseAddress! + first
        for offset in 0..<count { output[offset] = base[offset] == 0 ? .nan : 1 }
      }
    case .computed(_, let cells):
      cells(first, strip)
      for offset in 0..<count where output[offset].magnitude == .infinity { output[offset] = .nan }
    }
  }
}
