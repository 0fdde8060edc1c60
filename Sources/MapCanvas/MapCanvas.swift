import CPangoCairo

/// An RGB image to draw maps on, through Cairo (anti-aliased shapes) and Pango (text in a real font): the image
/// starts from three byte planes (a hillshade, say) and gives its planes back for a PNG writer.
public final class MapCanvas {
  public let width: Int
  public let height: Int
  let surface: OpaquePointer
  let context: OpaquePointer

  /// A canvas filled with `colour`.
  public convenience init(width: Int, height: Int, fill colour: RGBColour = .white) {
    let count = width * height
    self.init(
      width: width, height: height, red: [UInt8](repeating: colour.red, count: count),
      green: [UInt8](repeating: colour.green, count: count), blue: [UInt8](repeating: colour.blue, count: count))
  }

  /// A canvas whose pixels start as the given planes (row-major from the top-left pixel).
  public init(width: Int, height: Int, red: [UInt8], green: [UInt8], blue: [UInt8]) {
    precondition(width > 0 && height > 0, "a canvas needs pixels")
    precondition([red.count, green.count, blue.count].allSatisfy { $0 == width * height }, "one byte per pixel")
    self.width = width
    self.height = height
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    for row in 0..<height {
      let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      for column in 0..<width {
        let index = row * width + column
        line[column] = UInt32(red[index]) << 16 | UInt32(green[index]) << 8 | UInt32(blue[index])
      }
    }
    cairo_surface_mark_dirty(surface)
    context = cairo_create(surface)
    // Grey-level anti-aliasing (no colour fringes from sub-pixel rendering), unhinted metrics: the same bytes
    // whatever the desktop's fontconfig says.
    let options = cairo_font_options_create()
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_set_font_options(context, options)
    cairo_font_options_destroy(options)
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
  }

  /// The image as red, green and blue byte planes, row-major from the top-left pixel.
  public func planes() -> (red: [UInt8], green: [UInt8], blue: [UInt8]) {
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    var red = [UInt8](repeating: 0, count: width * height)
    var green = red
    var blue = red
    for row in 0..<height {
      let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      for column in 0..<width {
        let pixel = line[column]
        let index = row * width + column
        red[index] = UInt8(truncatingIfNeeded: pixel >> 16)
        green[index] = UInt8(truncatingIfNeeded: pixel >> 8)
        blue[index] = UInt8(truncatingIfNeeded: pixel)
      }
    }
    return (red, green, blue)
  }

  /// Blends `colour` with `opacity` over every pixel whose `mask` byte is not 0 (a raster overlay: coverage
  /// classes, burnt outlines).
  public func blend(mask: [UInt8], _ colour: RGBColour, opacity: Double) {
    precondition(mask.count == width * height, "one mask byte per pixel")
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    let keep = 1 - opacity
    let mix = { (old: UInt32, new: UInt8) in UInt32((Double(old & 0xFF) * keep + Double(new) * opacity).rounded()) }
    for row in 0..<height {
      let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      for column in 0..<width where mask[row * width + column] != 0 {
        let pixel = line[column]
        line[column] =
          mix(pixel >> 16, colour.red) << 16 | mix(pixel >> 8, colour.green) << 8 | mix(pixel, colour.blue)
      }
    }
    cairo_surface_mark_dirty(surface)
  }

  // MARK: Shapes

  /// Fills a rectangle, with `opacity` (1 paints over).
  public func fill(_ box: PixelBox, _ colour: RGBColour, opacity: Double = 1) {
    cairo_rectangle(context, box.x, box.y, box.width, box.height)
    setColour(colour, opacity: opacity)
    cairo_fill(context)
  }

  /// Strokes a rectangle's outline.
  public func stroke(_ box: PixelBox, _ colour: RGBColour, lineWidth: Double = 1) {
    cairo_rectangle(context, box.x, box.y, box.width, box.height)
    setColour(colour)
    cairo_set_line_width(context, lineWidth)
    cairo_stroke(context)
  }

  /// Strokes a polyline through `points` (pixel coordinates), optionally dashed, with an optional halo under it.
  public func polyline(
    _ points: [(x: Double, y: Double)], _ colour: RGBColour, lineWidth: Double, opacity: Double = 1,
    dash: [Double] = [], halo: RGBColour? = nil
  ) {
    guard let first = points.first, points.count > 1 else { return }
    let trace = {
      cairo_move_to(self.context, first.x, first.y)
      for point in points.dropFirst() { cairo_line_to(self.context, point.x, point.y) }
    }
    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
    if let halo {
      trace()
      setColour(halo, opacity: opacity * 0.8)
      cairo_set_line_width(context, lineWidth + 2)
      cairo_set_dash(context, nil, 0, 0)
      cairo_stroke(context)
    }
    trace()
    setColour(colour, opacity: opacity)
    cairo_set_line_width(context, lineWidth)
    cairo_set_dash(context, dash, Int32(dash.count), 0)
    cairo_stroke(context)
    cairo_set_dash(context, nil, 0, 0)
  }

  /// Strokes a circle of `radius` pixels around (x, y).
  public func circle(x: Double, y: Double, radius: Double, _ colour: RGBColour, lineWidth: Double, dash: [Double] = [])
  {
    cairo_new_sub_path(context)
    cairo_arc(context, x, y, radius, 0, 2 * Double.pi)
    setColour(colour)
    cairo_set_line_width(context, lineWidth)
    cairo_set_dash(context, dash, Int32(dash.count), 0)
    cairo_stroke(context)
    cairo_set_dash(context, nil, 0, 0)
  }

  /// Draws `symbol` centred on (x, y), `size` pixels across, filled with `colour` and rimmed in black; returns
  /// the box it covers.
  @discardableResult
  public func marker(_ symbol: MapSymbol, x: Double, y: Double, size: Double, _ colour: RGBColour) -> PixelBox {
    let half = size / 2
    switch symbol {
    case .square: cairo_rectangle(context, x - half, y - half, size, size)
    case .circle:
      cairo_new_sub_path(context)
      cairo_arc(context, x, y, half, 0, 2 * Double.pi)
    case .triangle:
      cairo_move_to(context, x, y - half)
      cairo_line_to(context, x + half, y + half)
      cairo_line_to(context, x - half, y + half)
      cairo_close_path(context)
    case .diamond:
      cairo_move_to(context, x, y - half)
      cairo_line_to(context, x + half, y)
      cairo_line_to(context, x, y + half)
      cairo_line_to(context, x - half, y)
      cairo_close_path(context)
    case .cross:
      let arm = half * 0.35
      cairo_move_to(context, x - half, y - half + arm)
      cairo_line_to(context, x - half + arm, y - half)
      cairo_line_to(context, x, y - arm)
      cairo_line_to(context, x + half - arm, y - half)
      cairo_line_to(context, x + half, y - half + arm)
      cairo_line_to(context, x + arm, y)
      cairo_line_to(context, x + half, y + half - arm)
      cairo_line_to(context, x + half - arm, y + half)
      cairo_line_to(context, x, y + arm)
      cairo_line_to(context, x - half + arm, y + half)
      cairo_line_to(context, x - half, y + half - arm)
      cairo_line_to(context, x - arm, y)
      cairo_close_path(context)
    }
    setColour(colour)
    cairo_fill_preserve(context)
    setColour(.black)
    cairo_set_line_width(context, max(1, size / 8))
    cairo_stroke(context)
    return PixelBox(x: x - half, y: y - half, width: size, height: size).inset(by: max(1, size / 8))
  }

  /// Fills a closed polygon through `points`, with `opacity`.
  public func polygon(_ points: [(x: Double, y: Double)], _ colour: RGBColour, opacity: Double = 1) {
    guard let first = points.first, points.count > 2 else { return }
    cairo_move_to(context, first.x, first.y)
    for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
    cairo_close_path(context)
    setColour(colour, opacity: opacity)
    cairo_fill(context)
  }

  func setColour(_ colour: RGBColour, opacity: Double = 1) {
    cairo_set_source_rgba(
      context, Double(colour.red) / 255, Double(colour.green) / 255, Double(colour.blue) / 255, opacity)
  }
}
