import CoverageStudy
import Foundation
import TestSupport
import Testing

/// The coverage classes stay apart for readers with the two common colour-vision deficiencies.
@Suite struct ColourVisionTests {
  /// Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color vision
  /// deficiency", IEEE TVCG 15(6), severity 1.0 matrices, applied to linear sRGB.
  static let protanopia: [[Double]] = [
    [0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998],
  ]
  static let deuteranopia: [[Double]] = [
    [0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881],
  ]

  static func linear(_ value: UInt8) -> Double {
    let c = Double(value) / 255
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
  }

  /// CIELAB (D65) of a linear RGB triple.
  static func lab(_ rgb: [Double]) -> [Double] {
    let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
    let f = { (t: Double) in t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
  }

  static func simulated(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ matrix: [[Double]]) -> [Double] {
    let rgb = [linear(red), linear(green), linear(blue)]
    return lab(matrix.map { row in min(1, max(0, zip(row, rgb).map(*).reduce(0, +))) })
  }

  static func leastDistance(_ matrix: [[Double]], asDrawn: Bool = false) -> Double {
    let grey = CoverageMapStyle.flatGroundGrey
    let colours =
      asDrawn
      ? CoverageMapStyle.classes.map(CoverageMapStyle.drawnColour(of:)).map {
        simulated($0.red, $0.green, $0.blue, matrix)
      } + [simulated(grey, grey, grey, matrix)]
      : CoverageMapStyle.classes.map { simulated($0.red, $0.green, $0.blue, matrix) }
    var least = Double.infinity
    for first in colours.indices {
      for second in colours.indices where second > first {
        least = min(least, sqrt(zip(colours[first], colours[second]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)))
      }
    }
    return least
  }

  @Test func everyPairOfClassesStaysApartUnderProtanopiaAndDeuteranopia() {
    #expect(CoverageMapStyle.classes.count >= 2)
    let identity: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    for matrix in [identity, Self.protanopia, Self.deuteranopia] {
      #expect(Self.leastDistance(matrix) >= CoverageMapStyle.minimumSimulatedDistance)
    }
  }

  /// As drawn over flat ground, the classes stay apart from each other and from bare terrain.
  @Test func theClassesAsDrawnStayApartFromEachOtherAndFromTerrain() {
    let identity: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    for matrix in [identity, Self.protanopia, Self.deuteranopia] {
      #expect(Self.leastDistance(matrix, asDrawn: true) >= CoverageMapStyle.minimumDrawnDistance)
    }
  }

  /// The check can fail: the green-to-red ramp this palette replaced has its light green and yellow within the
  /// minimum under protanopia.
  @Test func theCheckRejectsTheFormerGreenToRedRamp() {
    let green = Self.simulated(173, 221, 142, Self.protanopia)
    let yellow = Self.simulated(254, 217, 118, Self.protanopia)
    let distance = sqrt(zip(green, yellow).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    #expect(distance < CoverageMapStyle.minimumSimulatedDistance)
  }
}
