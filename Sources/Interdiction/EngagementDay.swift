import InterdictionModels

/// One simulated day's engagements under one combination. The day's flights share the basing's alert pairs
/// (`AlertRoster`: the scenario's pairs per station, each busy from the order to launch until home and turned
/// around); the command reacts to their classifications in time order (flight order at equal times), so a second
/// flight of the same dawn wave may find no pair on alert.
package enum EngagementDay {
  /// The engagements of `flights` (one context each, in flight order) flown on one day from `basing`.
  package static func run(_ flights: [EngagementContext], basing: Basing, random: CounterRandom) -> [Engagement] {
    guard let rules = flights.first?.rules else { return [] }
    var roster = AlertRoster(
      stations: basing.stations.count, pairs: Int(rules.alertPairsPerStation.value.rounded()))
    var settled = flights.map(Engagement.unclassified)
    var attempts = [[Engagement.Attempt]](repeating: [], count: flights.count)
    // The classification each flight reacts to next.
    var next: [Int?] = settled.map { $0 == nil ? 0 : nil }
    while true {
      var chosen: (flight: Int, time: Double)?
      for (flight, number) in next.enumerated() {
        guard let number else { continue }
        let time = flights[flight].picture.classifications[number].time
        if chosen == nil || time < chosen!.time { chosen = (flight, time) }
      }
      guard let (flight, _) = chosen else { break }
      let context = flights[flight]
      let number = next[flight]!
      let classified = context.picture.classifications[number]
      let attempt = Engagement.attempt(
        number: number, classified: classified, context: context, basing: basing, roster: &roster, random: random)
      attempts[flight].append(attempt)
      next[flight] = nil
      // Not intercepted on the way in: the command reacts again once the flight is seen on its way home.
      let takeOff = context.path.samples[context.path.takeOffIndex].time
      if attempt.outcome != .intercepted && classified.time < takeOff {
        next[flight] = context.picture.classifications.firstIndex { $0.time >= takeOff }
      }
    }
    for flight in flights.indices where settled[flight] == nil {
      settled[flight] = Engagement(attempts: attempts[flight])
    }
    return settled.map { $0! }
  }
}
