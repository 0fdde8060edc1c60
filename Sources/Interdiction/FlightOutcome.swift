/// How a suspect flight ends for the air defence: exactly one per flight.
public enum FlightOutcome: String, Sendable, CaseIterable, Codable {
  case undetected = "undetected"
  case detectedNotTracked = "detected-not-tracked"
  case trackedNoInterceptorAvailable = "tracked-no-interceptor-available"
  case interceptorOutOfRange = "interceptor-out-of-range"
  case targetLandedFirst = "target-landed-first"
  case targetLeftPeru = "target-left-Peru"
  case intercepted = "intercepted"
}
