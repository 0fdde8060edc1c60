import RadarModels

/// A scenario for the Monte Carlo: a radar network scenario plus aircraft, flights, interceptors, basing and rules.
public struct InterdictionScenario: Sendable {
  public var id: String
  public var title: String
  /// The radar network (sites, targets ignored here, network configurations).
  public var network: Scenario
  public var aircraft: [NarcoAircraft]
  public var pattern: FlightPattern
  public var interceptors: [InterceptorType]
  public var basings: [Basing]
  public var rules: InterdictionRules
  /// The fighter budget, US$, and the aircraft a sustained 24/7 alert pair needs.
  public var budget: Sourced<Double>
  public var aircraftPerAlertPair: Sourced<Double>
  /// Ranges the sensitivity study varies its parameters over, as factors on the scenario's figures, by parameter key
  /// (see `SensitivityParameter`); a parameter not listed uses its default range.
  public var sensitivityRanges: [String: Sourced<ClosedRange<Double>>] = [:]
  /// Public real-world figures the report sets the model beside (never inputs).
  public var calibration: [CalibrationFigure] = []

  public init(
    id: String, title: String, network: Scenario, aircraft: [NarcoAircraft], pattern: FlightPattern,
    interceptors: [InterceptorType], basings: [Basing], rules: InterdictionRules, budget: Sourced<Double>,
    aircraftPerAlertPair: Sourced<Double>
  ) {
    self.id = id
    self.title = title
    self.network = network
    self.aircraft = aircraft
    self.pattern = pattern
    self.interceptors = interceptors
    self.basings = basings
    self.rules = rules
    self.budget = budget
    self.aircraftPerAlertPair = aircraftPerAlertPair
  }
}
