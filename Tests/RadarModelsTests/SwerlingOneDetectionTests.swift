import Foundation
import RadarModels
import Testing

@Suite struct SwerlingOneDetectionTests {
  let model = SwerlingOneDetection(r50ForOneSquareMetre: 300_000, falseAlarmProbability: 1e-6)

  @Test func r50IsWhereAOneSquareMetreTargetIsSeenHalfTheTime() {
    #expect(abs(model.probability(range: 300_000, rcs: 1) - 0.5) < 1e-12)
    #expect(model.probability(range: 200_000, rcs: 1) > 0.5)
    #expect(model.probability(range: 400_000, rcs: 1) < 0.5)
  }

  @Test func detectionRangeScalesWithTheFourthRootOfRCS() {
    for rcs in [0.1, 1.5, 16.0] {
      #expect(abs(model.range(forProbability: 0.5, rcs: rcs) - 300_000 * pow(rcs, 0.25)) < 1e-6)
      #expect(abs(model.probability(range: 300_000 * pow(rcs, 0.25), rcs: rcs) - 0.5) < 1e-12)
    }
  }

  @Test func swerlingOneClosedFormHolds() {
    // Pd = Pfa^(1/(1+SNR)): at SNR = 0 the radar only reports noise; very close in it always detects.
    let snr = model.signalToNoise(forProbability: 0.9)
    #expect(abs(pow(1e-6, 1 / (1 + snr)) - 0.9) < 1e-12)
    #expect(model.probability(range: 1_000, rcs: 1) > 0.999_9)
    #expect(model.probability(range: 10_000_000, rcs: 1) < 1e-5)
  }

  @Test func calibrationFromARequirementReproducesIt() {
    let calibrated = SwerlingOneDetection.calibrated(probability: 0.75, rcs: 2, range: 370_000)
    #expect(abs(calibrated.probability(range: 370_000, rcs: 2) - 0.75) < 1e-12)
    #expect(calibrated.r50ForOneSquareMetre < 370_000 * pow(2, 0.25))
  }
}

@Suite struct SensorRoleTests {
  func radar(_ role: SensorRole) -> RadarType {
    let fact = Sourced(1.0, .assumption("test"))
    return RadarType(
      id: RadarType.ID(role.rawValue), name: role.rawValue, role: role,
      instrumentedRange: Sourced(400_000, .assumption("test")),
      elevationLimits: Sourced(0...20, .assumption("test")), scanPeriod: Sourced(10, .assumption("test")),
      r50ForOneSquareMetre: role == .primary ? Sourced(200_000, .assumption("test")) : nil,
      cooperativeDetection: role == .secondary ? Sourced(0.98, .assumption("test")) : nil,
      antennaHeight: Sourced(10, .assumption("test")), availability: fact, meanTimeToRepair: fact)
  }

  let silent = TargetClass(
    id: "off", name: "off", radarCrossSection: Sourced(1.5, .assumption("t")), transponderOn: false)
  let replying = TargetClass(
    id: "on", name: "on", radarCrossSection: Sourced(1.5, .assumption("t")), transponderOn: true)

  @Test func aSecondaryRadarNeverDetectsASilentTransponder() {
    let ssr = radar(.secondary)
    for range in stride(from: 0.0, through: 400_000, by: 10_000) {
      #expect(ssr.detectionProbability(of: silent, range: range, falseAlarmProbability: 1e-6) == 0)
    }
    #expect(ssr.coverageRange(of: silent, minimumProbability: 0.01, falseAlarmProbability: 1e-6) == 0)
    #expect(ssr.coverageRange(of: replying, minimumProbability: 0.5, falseAlarmProbability: 1e-6) == 400_000)
  }

  @Test func aPrimaryRadarSeesBothAndIsCappedByItsInstrumentedRange() {
    let psr = radar(.primary)
    let range = psr.coverageRange(of: silent, minimumProbability: 0.5, falseAlarmProbability: 1e-6)
    #expect(abs(range - 200_000 * pow(1.5, 0.25)) < 1e-6)
    #expect(range == psr.coverageRange(of: replying, minimumProbability: 0.5, falseAlarmProbability: 1e-6))
    #expect(psr.coverageRange(of: silent, minimumProbability: 0.001, falseAlarmProbability: 1e-6) == 400_000)
    #expect(psr.detectionProbability(of: silent, range: 450_000, falseAlarmProbability: 1e-6) == 0)
  }
}
