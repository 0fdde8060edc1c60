/// How radars feed the military air picture: which operators' plots arrive in real time, and which only by voice.
public struct NetworkConfiguration: Sendable, Equatable {
  /// Civil information relayed by voice: late, and not always.
  public struct VoiceRelay: Sendable, Equatable {
    /// Operators whose radars reach the picture only this way.
    public var operators: [String]
    /// Delay from detection to the military command, seconds.
    public var delay: Sourced<Double>
    /// Probability that a detection is passed at all.
    public var probability: Sourced<Double>

    /// Creates a relay.
    public init(operators: [String], delay: Sourced<Double>, probability: Sourced<Double>) {
      self.operators = operators
      self.delay = delay
      self.probability = probability
    }
  }

  /// A configuration's identifier.
  public typealias ID = Identifier<NetworkConfiguration>

  /// Short identifier ("integrated").
  public var id: ID
  /// What it models.
  public var description: String
  /// Operators whose plots are fused in real time.
  public var realTimeOperators: [String]
  /// Fusion latency for real-time plots, seconds.
  public var fusionLatency: Sourced<Double>
  /// The voice relay, if any.
  public var voiceRelay: VoiceRelay?

  /// Creates a configuration.
  public init(
    id: ID, description: String, realTimeOperators: [String], fusionLatency: Sourced<Double>,
    voiceRelay: VoiceRelay?
  ) {
    self.id = id
    self.description = description
    self.realTimeOperators = realTimeOperators
    self.fusionLatency = fusionLatency
    self.voiceRelay = voiceRelay
  }

  /// Whether `placement` feeds the picture in real time.
  public func isRealTime(_ placement: RadarPlacement) -> Bool { realTimeOperators.contains(placement.operator) }

  /// Whether `placement` feeds the picture only through the voice relay.
  public func isRelayed(_ placement: RadarPlacement) -> Bool {
    !isRealTime(placement) && (voiceRelay?.operators.contains(placement.operator) ?? false)
  }
}
