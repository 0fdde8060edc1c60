import GeoRaster

/// The map layers' clock. The simulation counts seconds on one simulated day from local midnight (the scenario's
/// entry hour is Peru's local time); the model has no date. So that QGIS's temporal controller and Google Earth's time
/// slider can play the flights, second `t` is written as the moment `t` seconds after 2025-01-01T00:00:00-05:00:
/// Peru time (UTC-05:00, no daylight saving), on a notional day (an assumption: any day would do, only the time of
/// day means anything), to the second.
enum SimulationClock {
  /// The notional day, as written in dates.
  static let notionalDay = "2025-01-01"
  /// Peru time: UTC-05:00 all year (Peru keeps no daylight saving time).
  static let utcOffsetMinutes = -300
  /// 2025-01-01T00:00:00-05:00 (2025-01-01T05:00:00Z) in seconds since 1970-01-01T00:00:00Z.
  static let midnight = 1_735_707_600.0

  /// Simulation second `seconds` as a moment in Peru time, rounded to the second.
  static func moment(_ seconds: Double) -> FeatureWriter.DateTime {
    FeatureWriter.DateTime(
      secondsSinceEpoch: midnight + seconds.rounded(), utcOffsetMinutes: utcOffsetMinutes)
  }

  /// The same as an attribute value.
  static func value(_ seconds: Double) -> FeatureWriter.Value { .dateTime(moment(seconds)) }
}
