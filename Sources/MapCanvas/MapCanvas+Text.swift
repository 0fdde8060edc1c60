import CPangoCairo

/// The extent of a laid-out line of text, as Pango reports it, relative to the point it is drawn at (its top-left).
public struct TextExtent: Sendable, Equatable {
  /// The pixels ink touches.
  public var ink: PixelBox
  /// The line's advance box (what layout reserves).
  public var logical: PixelBox
  /// Characters the font had no glyph for (drawn as boxes); 0 when every character, accents included, rendered.
  public var unknownGlyphs: Int
}

extension MapCanvas {
  /// Pango's scale: units per pixel (PANGO_SCALE).
  private static let pangoUnitsPerPixel = 1024.0

  /// The extent `text` would take in `font`, without drawing it.
  public func measure(_ text: String, font: MapFont) -> TextExtent {
    withLayout(text, font: font) { layout in Self.extent(of: layout) }
  }

  /// Draws `text` with its logical box's top-left corner at (x, y), in `colour`, with a halo of `haloWidth`
  /// pixels (for legibility over busy backgrounds) when `halo` is given; returns the extent drawn, in image pixels.
  @discardableResult
  public func text(
    _ text: String, x: Double, y: Double, font: MapFont, _ colour: RGBColour, halo: RGBColour? = nil,
    haloWidth: Double = 3
  ) -> TextExtent {
    withLayout(text, font: font) { layout in
      let extent = Self.extent(of: layout)
      cairo_save(context)
      cairo_move_to(context, x - extent.logical.x, y - extent.logical.y)
      if let halo {
        pango_cairo_layout_path(context, layout)
        setColour(halo)
        cairo_set_line_width(context, haloWidth)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_stroke(context)
        cairo_move_to(context, x - extent.logical.x, y - extent.logical.y)
      }
      setColour(colour)
      pango_cairo_show_layout(context, layout)
      cairo_restore(context)
      let dx = x - extent.logical.x
      let dy = y - extent.logical.y
      let grow = halo == nil ? 0 : haloWidth / 2
      return TextExtent(
        ink: PixelBox(
          x: extent.ink.x + dx, y: extent.ink.y + dy, width: extent.ink.width, height: extent.ink.height
        ).inset(by: grow),
        logical: PixelBox(x: x, y: y, width: extent.logical.width, height: extent.logical.height),
        unknownGlyphs: extent.unknownGlyphs)
    }
  }

  private func withLayout<Result>(_ text: String, font: MapFont, _ body: (OpaquePointer) -> Result) -> Result {
    let layout = pango_cairo_create_layout(context)!
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let description = pango_font_description_new()!
    defer { pango_font_description_free(description) }
    pango_font_description_set_family(description, font.family)
    pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_absolute_size(description, font.pixelSize * Self.pangoUnitsPerPixel)
    pango_layout_set_font_description(layout, description)
    pango_layout_set_text(layout, text, -1)
    return body(layout)
  }

  private static func extent(of layout: OpaquePointer) -> TextExtent {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_pixel_extents(layout, &ink, &logical)
    let box = { (rectangle: PangoRectangle) in
      PixelBox(
        x: Double(rectangle.x), y: Double(rectangle.y), width: Double(rectangle.width),
        height: Double(rectangle.height))
    }
    return TextExtent(
      ink: box(ink), logical: box(logical), unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(layout)))
  }
}
