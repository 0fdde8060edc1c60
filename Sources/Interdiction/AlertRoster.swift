/// The alert pairs of a basing through one simulated day: each station's pairs, and when each is back on alert. A
/// pair is busy from the order to launch until it is home plus the turnaround.
struct AlertRoster: Sendable {
  /// Per station, per pair: the time it is on alert again.
  private var freeFrom: [[Double]]

  /// A day's roster: `pairs` pairs at each of `stations` stations, all on alert.
  init(stations: Int, pairs: Int) {
    freeFrom = Array(repeating: Array(repeating: -Double.infinity, count: max(pairs, 1)), count: stations)
  }

  /// Whether station `station` has a pair on alert at `time`.
  func hasPair(station: Int, at time: Double) -> Bool {
    freeFrom[station].contains { $0 <= time }
  }

  /// Takes a pair of `station` that is on alert at `time` and keeps it busy until `until`.
  mutating func book(station: Int, at time: Double, until: Double) {
    guard let pair = freeFrom[station].firstIndex(where: { $0 <= time }) else {
      preconditionFailure("no pair on alert at station \(station)")
    }
    freeFrom[station][pair] = until
  }
}
