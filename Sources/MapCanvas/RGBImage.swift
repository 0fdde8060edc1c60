/// An RGB raster to compose maps on: three byte planes, row-major from the top-left pixel.
public struct RGBImage: Sendable {
  public let width: Int
  public let height: Int
  public private(set) var red: [UInt8]
  public private(set) var green: [UInt8]
  public private(set) var blue: [UInt8]

  /// An image filled with `colour`.
  public init(width: Int, height: Int, fill colour: RGBColour = .white) {
    self.width = width
    self.height = height
    red = [UInt8](repeating: colour.red, count: width * height)
    green = [UInt8](repeating: colour.green, count: width * height)
    blue = [UInt8](repeating: colour.blue, count: width * height)
  }

  /// An image from grey levels (a hillshade, say).
  public init(width: Int, height: Int, grey: [UInt8]) {
    precondition(grey.count == width * height, "one grey level per pixel")
    self.width = width
    self.height = height
    red = grey
    green = grey
    blue = grey
  }

  /// Blends `colour` over pixel `index` with `opacity` in 0...1.
  public mutating func blend(_ colour: RGBColour, at index: Int, opacity: Float) {
    let keep = 1 - opacity
    red[index] = UInt8(Float(red[index]) * keep + Float(colour.red) * opacity)
    green[index] = UInt8(Float(green[index]) * keep + Float(colour.green) * opacity)
    blue[index] = UInt8(Float(blue[index]) * keep + Float(colour.blue) * opacity)
  }

  /// Sets the pixel at (x, y) when it lies inside the image.
  public mutating func set(x: Int, y: Int, _ colour: RGBColour) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let index = y * width + x
    red[index] = colour.red
    green[index] = colour.green
    blue[index] = colour.blue
  }

  /// Fills a rectangle, blending with `opacity` (1 paints over).
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ colour: RGBColour, opacity: Float = 1) {
    for row in max(y, 0)..<min(y + h, height) {
      for column in max(x, 0)..<min(x + w, width) {
        blend(colour, at: row * width + column, opacity: opacity)
      }
    }
  }

  /// Draws a rectangle's outline.
  public mutating func frame(x: Int, y: Int, width w: Int, height h: Int, _ colour: RGBColour) {
    line(from: (x, y), to: (x + w - 1, y), colour)
    line(from: (x, y + h - 1), to: (x + w - 1, y + h - 1), colour)
    line(from: (x, y), to: (x, y + h - 1), colour)
    line(from: (x + w - 1, y), to: (x + w - 1, y + h - 1), colour)
  }

  /// Draws a straight line (Bresenham).
  public mutating func line(from start: (Int, Int), to end: (Int, Int), _ colour: RGBColour, thickness: Int = 1) {
    var (x, y) = start
    let dx = abs(end.0 - x)
    let dy = -abs(end.1 - y)
    let stepX = x < end.0 ? 1 : -1
    let stepY = y < end.1 ? 1 : -1
    var error = dx + dy
    while true {
      for oy in 0..<thickness { for ox in 0..<thickness { set(x: x + ox, y: y + oy, colour) } }
      if x == end.0 && y == end.1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// A filled marker centred on (x, y): a square, or a triangle pointing up for `triangle`, with a black rim.
  public mutating func marker(x: Int, y: Int, size: Int, _ colour: RGBColour, triangle: Bool = false) {
    let half = size / 2
    for row in -half - 1...half + 1 {
      for column in -half - 1...half + 1 {
        let inside: (Int, Int) -> Bool = { r, c in
          triangle ? (r >= -half && r <= half && abs(c) * 2 <= (r + half + 1)) : (abs(r) <= half && abs(c) <= half)
        }
        if inside(row, column) {
          set(x: x + column, y: y + row, colour)
        } else if inside(row - 1, column) || inside(row + 1, column) || inside(row, column - 1)
          || inside(row, column + 1)
        {
          set(x: x + column, y: y + row, .black)
        }
      }
    }
  }

  /// Width in pixels of `text` drawn at `scale`.
  public static func textWidth(_ text: String, scale: Int) -> Int { text.count * (BitmapFont.width + 1) * scale }

  /// Height in pixels of a line of text drawn at `scale`.
  public static func textHeight(scale: Int) -> Int { BitmapFont.height * scale }

  /// Draws `text` with its top-left corner at (x, y), optionally with a one-pixel halo for legibility over maps.
  public mutating func text(_ text: String, x: Int, y: Int, scale: Int = 2, _ colour: RGBColour, halo: RGBColour? = nil)
  {
    if let halo {
      for (ox, oy) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
        draw(text, x: x + ox, y: y + oy, scale: scale, halo)
      }
    }
    draw(text, x: x, y: y, scale: scale, colour)
  }

  private mutating func draw(_ text: String, x: Int, y: Int, scale: Int, _ colour: RGBColour) {
    var cursor = x
    for character in text {
      for (row, bits) in BitmapFont.rows(for: character).enumerated() {
        for column in 0..<BitmapFont.width where bits & (1 << (BitmapFont.width - 1 - column)) != 0 {
          for sy in 0..<scale {
            for sx in 0..<scale { set(x: cursor + column * scale + sx, y: y + row * scale + sy, colour) }
          }
        }
      }
      cursor += (BitmapFont.width + 1) * scale
    }
  }
}
