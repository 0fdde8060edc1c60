import Foundation

/// Seeded synthetic mountain terrain (ridged multifractal value noise), for benchmarks and tests that must run
/// without real data. The same seed always gives the same heights.
public struct RidgedFractalTerrain: Sendable {
  /// The random seed.
  public var seed: UInt64
  /// Highest relief in metres.
  public var relief: Double
  /// Wavelength of the largest ridges, in cells.
  public var wavelength: Double
  /// Number of octaves of detail.
  public var octaves: Int

  /// Creates a generator.
  public init(seed: UInt64 = 1, relief: Double = 4000, wavelength: Double = 400, octaves: Int = 7) {
    self.seed = seed
    self.relief = relief
    self.wavelength = wavelength
    self.octaves = octaves
  }

  /// Heights for a `width × height` grid, row-major.
  public func heights(width: Int, height: Int) -> [Float] {
    var values = [Float](repeating: 0, count: width * height)
    values.withUnsafeMutableBufferPointer { output in
      let buffer = output
      ParallelWork.forEachChunk(count: height, threads: ParallelWork.processorCount, chunkSize: 32) { rows in
        for row in rows {
          for column in 0..<width {
            buffer[row * width + column] = Float(self.height(x: Double(column), y: Double(row)))
          }
        }
      }
    }
    return values
  }

  /// The height at a fractional cell position.
  public func height(x: Double, y: Double) -> Double {
    var total = 0.0
    var amplitude = 1.0
    var frequency = 1 / wavelength
    var weight = 1.0
    var norm = 0.0
    for octave in 0..<octaves {
      let ridge = 1 - abs(noise(x: x * frequency, y: y * frequency, octave: UInt64(octave)))
      let signal = ridge * ridge * weight
      weight = min(max(signal * 1.5, 0), 1)
      total += signal * amplitude
      norm += amplitude
      amplitude *= 0.5
      frequency *= 2
    }
    return relief * total / norm
  }

  /// Smooth value noise in [-1, 1].
  private func noise(x: Double, y: Double, octave: UInt64) -> Double {
    let x0 = floor(x)
    let y0 = floor(y)
    let fx = x - x0
    let fy = y - y0
    let sx = fx * fx * (3 - 2 * fx)
    let sy = fy * fy * (3 - 2 * fy)
    let ix = Int64(x0)
    let iy = Int64(y0)
    let a = lattice(ix, iy, octave)
    let b = lattice(ix + 1, iy, octave)
    let c = lattice(ix, iy + 1, octave)
    let d = lattice(ix + 1, iy + 1, octave)
    let top = a + (b - a) * sx
    let bottom = c + (d - c) * sx
    return top + (bottom - top) * sy
  }

  /// A pseudo-random value in [-1, 1] for a lattice point (SplitMix64 finaliser of the mixed coordinates).
  private func lattice(_ x: Int64, _ y: Int64, _ octave: UInt64) -> Double {
    let mixed = seed &+ UInt64(bitPattern: x) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: y) &* 0xC2B2_AE3D_27D4_EB4F
    let z = SplitMix64.finalised(mixed &+ octave &* 0x1656_67B1_9E37_79F9)
    return Double(z >> 11) / Double(1 << 52) - 1
  }
}
