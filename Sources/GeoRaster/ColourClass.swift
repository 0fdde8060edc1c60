/// One class of a classified map: the byte value cells carry, the colour it is drawn in, and its legend label.
public struct ColourClass: Sendable, Equatable {
  /// The class value in the classified raster (0 is reserved for "nothing to draw").
  public var value: UInt8
  /// Red, green, blue, 0–255.
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8
  /// The legend text.
  public var label: String

  /// Creates a class.
  public init(value: UInt8, red: UInt8, green: UInt8, blue: UInt8, label: String) {
    self.value = value
    self.red = red
    self.green = green
    self.blue = blue
    self.label = label
  }
}
