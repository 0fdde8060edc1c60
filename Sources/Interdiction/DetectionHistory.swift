import CoverageKernel
import Foundation
import RadarModels

/// Every scan of every radar that had a flight inside its instrumented range, and whether it detected it. Drawn once
/// per flight and shared by every network configuration and interceptor option (common random numbers).
package struct DetectionHistory: Sendable {
  /// One scan with the target in range.
  package struct Scan: Sendable {
    package var time: Double
    package var radar: Int
    /// Whether the radar had line of sight (its coverage map says it could see the target there).
    package var visible: Bool
    package var detected: Bool
  }

  /// Scans in time order: every scan of a radar that could answer for this target (primaries always, secondaries only
  /// when the transponder replies) with the target inside its instrumented range. A secondary's sweep past a silent
  /// transponder is no detection opportunity, so it is not a miss either.
  package var scans: [Scan]
  /// Which radars were up for this flight.
  package var radarUp: [Bool]

  /// Simulates the scans for flight `index` along `path`.
  package init(
    flight index: Int, path: FlightPath, world: SimulationWorld, falseAlarmProbability: Double,
    random: CounterRandom
  ) {
    let target = TargetClass(
      id: path.aircraft.id, name: path.aircraft.name, radarCrossSection: path.aircraft.radarCrossSection,
      transponderOn: path.transponderOn)
    var scans: [Scan] = []
    var up: [Bool] = []
    let start = path.samples[0].time
    let end = path.samples[path.samples.count - 1].time
    for (number, radar) in world.radars.enumerated() {
      let type = radar.placement.type
      let isUp = random.uniform(flight: index, .radarUp, number) < type.availability.value
      up.append(isUp)
      guard isUp, type.role == .primary || path.transponderOn else { continue }
      let period = type.scanPeriod.value
      let range = type.instrumentedRange.value
      // Each radar's antenna turns on its own; the flight meets it at a random phase.
      var time = start + period * random.uniform(flight: index, .detection, number, -1)
      var scan = 0
      let rangeInDegrees = range / world.earth.radius * 180 / .pi
      while time <= end {
        defer {
          time += period
          scan += 1
        }
        let sample = path.sample(at: time)
        guard sample.airborne else { continue }
        // Cheap rejection before the great-circle distance.
        let dLatitude = abs(sample.latitude - radar.placement.latitude)
        guard dLatitude <= rangeInDegrees else { continue }
        let distance = Geodesy.distance(
          fromLatitude: radar.placement.latitude, longitude: radar.placement.longitude, toLatitude: sample.latitude,
          longitude: sample.longitude, radius: world.earth.radius)
        guard distance <= range else { continue }
        let visible = world.isVisible(
          radar: number, latitude: sample.latitude, longitude: sample.longitude, altitude: sample.altitude)
        let probability =
          visible
          ? type.detectionProbability(of: target, range: distance, falseAlarmProbability: falseAlarmProbability) : 0
        let detected = probability > 0 && random.uniform(flight: index, .detection, number, scan) < probability
        scans.append(Scan(time: time, radar: number, visible: visible, detected: detected))
      }
    }
    scans.sort { $0.time < $1.time || ($0.time == $1.time && $0.radar < $1.radar) }
    self.scans = scans
    self.radarUp = up
  }
}
