import RadarModels

/// A public real-world figure the model's output is set beside in the report: what was observed, as a range, with
/// its source. Calibration figures are never inputs; they say where the model agrees with what is known and where
/// it does not.
public struct CalibrationFigure: Sendable, Equatable {
  /// What the model computes to set beside the observation.
  public enum Measure: String, Sendable, CaseIterable {
    /// Flights a day that reach the first network configuration's picture: P(detect) × flights a day.
    case detectionsPerDay = "detections_per_day"
    /// Of the first configuration's best option's flights that ended with a pair launched and the target found or
    /// not, the share not found: launched-not-found ÷ (launched-not-found + intercepted).
    case notFoundShare = "not_found_share"
    /// Interceptions a year today: the first configuration, the first basing (the scenario's posture of today), the
    /// best of the types in service.
    case interceptionsPerYearToday = "interceptions_per_year_today"
  }

  public var measure: Measure
  /// The observed figure (low and high; equal for a single figure) and its source.
  public var observed: Sourced<ClosedRange<Double>>
  /// What was observed, where and when, in a phrase.
  public var description: String

  public init(measure: Measure, observed: Sourced<ClosedRange<Double>>, description: String) {
    self.measure = measure
    self.observed = observed
    self.description = description
  }
}
