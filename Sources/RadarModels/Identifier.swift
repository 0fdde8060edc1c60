/// A scenario file's short identifier ("integrated", "a29"), typed by what it names, so that a network
/// configuration's id cannot stand where an interceptor's is meant, and lookups go through dictionaries keyed by it.
public struct Identifier<Subject>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The identifier as written in the scenario file.
  public var rawValue: String

  /// An identifier as written in a scenario file.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public init(stringLiteral value: String) { rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
