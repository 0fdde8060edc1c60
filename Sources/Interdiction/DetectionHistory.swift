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
    /// Where the target was at the scan (the plot's position, taken as exact), and whether that is in Peru.
    package var latitude: Double
    package var longitude: Double
    package var insidePeru: Bool

    package init(
      time: Double, radar: Int, visible: Bool, detected: Bool, latitude: Double, longitude: Double, insidePeru: Bool
    ) {
      self.time = time
      self.radar = radar
      self.visible = visible
      self.detected = detected
      self.latitude = latitude
      self.longitude = longitude
      self.insidePeru = insidePeru
    }
  }

  /// Scans in time order: every scan of a radar that could answer for this target (primaries always, secondaries only
  /// when the transponder replies) with the target inside its instrumented range. A secondary's sweep past a silent
  /// transponder is no detection opportunity, so it is not a miss either.
  package var scans: [Scan]
  /// Per radar, its outages overlapping the flight, in the flight's clock (seconds from the midnight of its day):
  /// a radar scans only while it is up, and may go down or come back mid-flight.
  package var downtime: [[Range<Double>]]
  /// Earth radius (metres) for distances between plots.
  package var earthRadius: Double

  /// A history made of given scans (in time order), outages (flight clock) and Earth radius.
  package init(scans: [Scan], downtime: [[Range<Double>]], earthRadius: Double) {
    self.scans = scans
    self.downtime = downtime
    self.earthRadius = earthRadius
  }

  /// Simulates the scans for flight `index` along `path`, on its day of `days`, with the radars' outages from the
  /// campaign's `OutageTimeline` (the same for every flight of the day).
  package init(
    flight index: Int, path: FlightPath, world: SimulationWorld, days: SimulatedDays, falseAlarmProbability: Double,
    random: CounterRandom
  ) {
    let outages = OutageTimeline(types: world.radars.map(\.placement.type), random: random)
    let midnight = days.campaignTime(day: days.day(of: index), time: 0)
    let target = TargetClass(
      id: path.aircraft.id, name: path.aircraft.name, radarCrossSection: path.aircraft.radarCrossSection,
      transponderOn: path.transponderOn)
    var scans: [Scan] = []
    let start = path.samples[0].time
    let end = path.samples[path.samples.count - 1].time
    downtime = world.radars.indices.map { number in
      outages.downIntervals(radar: number, from: midnight + start, to: midnight + end).map {
        ($0.lowerBound - midnight)..<($0.upperBound - midnight)
      }
    }
    earthRadius = world.earth.radius
    for (number, radar) in world.radars.enumerated() {
      let type = radar.placement.type
      let down = downtime[number]
      guard type.role == .primary || path.transponderOn else { continue }
      guard !down.contains(where: { $0.lowerBound <= start && end < $0.upperBound }) else { continue }
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
        guard !down.contains(where: { $0.contains(time) }) else { continue }
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
        scans.append(
          Scan(
            time: time, radar: number, visible: visible, detected: detected, latitude: sample.latitude,
            longitude: sample.longitude, insidePeru: sample.insidePeru))
      }
    }
    scans.sort { $0.time < $1.time || ($0.time == $1.time && $0.radar < $1.radar) }
    self.scans = scans
  }
}
