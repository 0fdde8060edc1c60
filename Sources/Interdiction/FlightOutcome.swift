/// How a suspect flight ends for the air defence: exactly one per flight.
public enum FlightOutcome: String, Sendable, CaseIterable, Codable {
  case undetected = "undetected"
  case detectedNotTracked = "detected-not-tracked"
  case trackedNoInterceptorAvailable = "tracked-no-interceptor-available"
  case interceptorOutOfRange = "interceptor-out-of-range"
  /// A pair launched and flew where the picture predicted the target, but its own sensor never found it.
  case launchedNotFound = "launched-not-found"
  case targetLandedFirst = "target-landed-first"
  case targetLeftPeru = "target-left-Peru"
  case intercepted = "intercepted"
}
