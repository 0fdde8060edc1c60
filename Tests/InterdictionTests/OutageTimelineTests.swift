import Interdiction
import InterdictionModels
import RadarModels
import Testing

/// Outages in time: each radar alternates up and down from its availability and MTTR, the same for every flight of a
/// day, and an outage longer than a day carries over to the next morning.
@Suite struct OutageTimelineTests {
  static func type(availability: Double, mttrHours: Double) -> RadarType {
    var type = SyntheticTheatre.radarType("psr", .primary, range: 120_000, availability: availability)
    type.meanTimeToRepair = SyntheticTheatre.fact(mttrHours)
    return type
  }

  static let days = 4_000
  static let length = SimulatedDays.length

  /// Long-run statistics within stated tolerances: up fraction within 0.03 of the availability (about 3 standard
  /// errors over 4,000 days of 12 h repairs), mean outage and mean up time within 10 % of MTTR and MTTR · A / (1 − A).
  @Test func theUpFractionAndTheMeanDurationsMatchAvailabilityAndMTTR() {
    let availability = 0.7
    let repair = 12 * 3_600.0
    let timeline = OutageTimeline(
      types: [Self.type(availability: availability, mttrHours: 12)], random: CounterRandom(seed: 3))
    let outages = timeline.downIntervals(radar: 0, from: 0, to: Double(Self.days) * Self.length)
    let span = Double(Self.days) * Self.length
    let down = outages.map { min($0.upperBound, span) - max($0.lowerBound, 0) }.reduce(0, +)
    #expect(abs((1 - down / span) - availability) < 0.03)
    #expect(outages.count > 1_000)
    let inner = outages.dropFirst().dropLast()
    let meanDown = inner.map { $0.upperBound - $0.lowerBound }.reduce(0, +) / Double(inner.count)
    #expect(abs(meanDown / repair - 1) < 0.1)
    let ups = zip(outages, outages.dropFirst()).map { $1.lowerBound - $0.upperBound }
    let meanUp = ups.reduce(0, +) / Double(ups.count)
    #expect(abs(meanUp / (repair * availability / (1 - availability)) - 1) < 0.1)
    // Outages are whole intervals, not cut at midnight: some run over one.
    #expect(outages.contains { Int($0.lowerBound / Self.length) != Int($0.upperBound / Self.length) })
  }

  @Test func aLongOutageAtMidnightIsStillThereNextMorning() {
    let timeline = OutageTimeline(
      types: [Self.type(availability: 0.5, mttrHours: 720)], random: CounterRandom(seed: 4))
    var downAtMidnight = 0
    var sameAtSix = 0
    for day in 0..<500 {
      let end = Double(day + 1) * Self.length
      if !timeline.isUp(radar: 0, at: end - 1) {
        downAtMidnight += 1
        #expect(!timeline.isUp(radar: 0, at: end + 1), "day \(day)")
      }
      let six = Double(day) * Self.length + 6 * 3_600
      if timeline.isUp(radar: 0, at: six) == timeline.isUp(radar: 0, at: six + Self.length) { sameAtSix += 1 }
    }
    #expect(downAtMidnight > 100)
    // Independent draws per day would agree about half the time; 30-day repairs make consecutive mornings agree.
    #expect(sameAtSix > 450)
  }

  @Test func flightsOfOneDaySeeTheSameOutagesAtTheSameTime() {
    // Radars up half the time with repairs of 3 hours: outages start and end during the flights.
    let radars = SyntheticTheatre.radars().map {
      var radar = $0
      radar.type = Self.type(availability: 0.5, mttrHours: 3)
      return radar
    }
    let scenario = SyntheticTheatre.scenario(radars: radars)
    let world = SyntheticTheatre.world(radars: radars)
    let random = CounterRandom(seed: 9)
    let days = SimulatedDays(flightsPerDay: scenario.pattern.flightsPerDay.value)
    let generator = FlightGenerator(scenario: scenario, world: world, random: random)
    func history(_ flight: Int) -> (FlightPath, DetectionHistory) {
      let path = generator.flight(flight)
      return (
        path,
        DetectionHistory(
          flight: flight, path: path, world: world, days: days,
          falseAlarmProbability: scenario.network.falseAlarmProbability.value, random: random)
      )
    }
    func isDown(_ history: DetectionHistory, _ radar: Int, _ time: Double) -> Bool {
      history.downtime[radar].contains { $0.contains(time) }
    }
    var compared = 0
    var sawChange = false
    var differFromNextDay = 0
    for day in 0..<20 {
      let flights = days.flights(on: day, count: 60)
      let (pathA, a) = history(flights.lowerBound)
      let (pathB, b) = history(flights.lowerBound + 1)
      let (_, next) = history(flights.lowerBound + days.flightsPerDay)
      let start = max(pathA.samples[0].time, pathB.samples[0].time)
      let end = min(pathA.samples.last!.time, pathB.samples.last!.time)
      for radar in radars.indices {
        var time = start
        var states: Set<Bool> = []
        while time <= end {
          #expect(isDown(a, radar, time) == isDown(b, radar, time), "day \(day), radar \(radar), \(time) s")
          if isDown(a, radar, time) != isDown(next, radar, time) { differFromNextDay += 1 }
          states.insert(isDown(a, radar, time))
          compared += 1
          time += 60
        }
        if states.count == 2 { sawChange = true }
        // A down radar scans nothing.
        for scan in a.scans where scan.radar == radar { #expect(!isDown(a, radar, scan.time)) }
      }
    }
    #expect(compared > 1_000)
    // Radars go down or come back mid-flight, and another day is another draw.
    #expect(sawChange)
    #expect(differFromNextDay > 0)
  }
}
