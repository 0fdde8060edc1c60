/// How a radar sees an aircraft.
public enum SensorRole: String, Sendable, Equatable, CaseIterable {
  /// Primary surveillance radar: echoes off the airframe, so it sees any aircraft, cooperative or not.
  case primary
  /// Secondary radar (SSR / Mode S): interrogates the transponder, so it sees only aircraft whose transponder
  /// replies.
  case secondary
}
