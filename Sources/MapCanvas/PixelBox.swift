/// An axis-aligned rectangle in image pixels (x to the right, y down), for layout and collision checks.
public struct PixelBox: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  /// Creates a box from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// Whether the two boxes share any area (touching edges do not count).
  public func overlaps(_ other: PixelBox) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }

  /// Whether the box lies wholly inside `width` x `height`.
  public func fits(width imageWidth: Double, height imageHeight: Double) -> Bool {
    x >= 0 && y >= 0 && maxX <= imageWidth && maxY <= imageHeight
  }

  /// The box grown by `margin` on every side.
  public func inset(by margin: Double) -> PixelBox {
    PixelBox(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
  }
}
