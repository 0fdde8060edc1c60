extension Sequence {
  /// Whether the sequence has elements and every one satisfies `predicate`: `allSatisfy` is true for an empty
  /// sequence, so a test of "every element" that met none would pass without testing anything.
  public func isNonEmptyAndAll(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
    var sawOne = false
    for element in self {
      guard try predicate(element) else { return false }
      sawOne = true
    }
    return sawOne
  }
}
