import CGDAL
import Foundation

/// The picture under a map: a classified layer drawn over hillshaded terrain, all through GDAL
/// (`GDALDEMProcessing` makes the hillshade and maps classes to colours), as RGB planes for the map composer; the
/// composed map goes to PNG through `PNGWriter` (with a world file and `.aux.xml` CRS).
public enum QuickLookRenderer {
  /// How strongly class colours cover the hillshade (0 shows only terrain). 0.75 keeps every coverage class at
  /// least ΔE 12 from bare terrain and from each other under simulated colour-vision deficiencies (0.6, before,
  /// gave 10.7), while the relief still shows through (an assumption of legibility, judged by eye).
  public static let colourOpacity: Float = 0.75

  /// A map's background: red, green and blue planes on `georeference`'s grid (row-major from the top-left).
  public struct Background: Sendable {
    public var red: [UInt8]
    public var green: [UInt8]
    public var blue: [UInt8]
    public var georeference: RasterGeoreference
  }

  /// `classes` (0 = terrain only) in `palette`'s colours over the hillshade of `elevation`, on the grid resampled
  /// to at least `minimumWidth` pixels.
  public static func background(
    elevation: [Float], classes: [UInt8], palette: [ColourClass], georeference sourceGeoreference: RasterGeoreference
  ) throws -> Background {
    let (elevation, classes, georeference) = try upsampled(
      elevation: elevation, classes: classes, georeference: sourceGeoreference)
    let shade = try HillshadeMemo.shared.shade(of: elevation, georeference: georeference) {
      try hillshade(elevation: elevation, georeference: georeference)
    }
    let colours = try colourise(classes: classes, palette: palette, georeference: georeference)
    var red = shade
    var green = shade
    var blue = shade
    let opacity = colourOpacity
    for index in classes.indices where classes[index] != 0 {
      let grey = Float(shade[index])
      red[index] = UInt8(grey * (1 - opacity) + Float(colours.red[index]) * opacity)
      green[index] = UInt8(grey * (1 - opacity) + Float(colours.green[index]) * opacity)
      blue[index] = UInt8(grey * (1 - opacity) + Float(colours.blue[index]) * opacity)
    }
    return Background(red: red, green: green, blue: blue, georeference: georeference)
  }

  /// Quick-looks narrower than this many pixels are drawn at a whole multiple of the grid's resolution.
  public static let minimumWidth = 1_200

  /// Coarse grids resampled by GDAL for drawing: terrain bilinear, classes nearest.
  public static func upsampled(elevation: [Float], classes: [UInt8], georeference: RasterGeoreference) throws -> (
    [Float], [UInt8], RasterGeoreference
  ) {
    let factor = (minimumWidth + georeference.width - 1) / max(georeference.width, 1)
    guard factor > 1 else { return (elevation, classes, georeference) }
    var fine = georeference
    fine.width *= factor
    fine.height *= factor
    fine.cellWidth /= Double(factor)
    fine.cellHeight /= Double(factor)
    let terrain = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Float32)
    try terrain.write(elevation.map { $0.isNaN ? 0 : $0 }, band: 1)
    let layer = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Byte)
    try layer.write(classes, band: 1)
    return (
      try terrain.resampled(width: fine.width, height: fine.height, method: "bilinear").readFloats(band: 1),
      try layer.resampled(width: fine.width, height: fine.height, method: "nearest").readBytes(band: 1), fine
    )
  }

  /// Grey hillshade bytes (GDAL's multidirectional hillshade; degrees scaled to metres for geographic grids).
  public static func hillshade(elevation: [Float], georeference: RasterGeoreference) throws -> [UInt8] {
    let source = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Float32)
    try source.write(elevation.map { $0.isNaN ? 0 : $0 }, band: 1)
    var arguments = ["-of", "MEM", "-compute_edges", "-multidirectional", "-z", "2"]
    if georeference.isGeographic { arguments += ["-s", "111120"] }
    let result = try process(source: source, mode: "hillshade", colourFile: nil, arguments: arguments)
    return try result.readBytes(band: 1)
  }

  /// Class colours as red, green and blue byte planes (GDAL colour relief; classes are whole numbers, so the nearest entry is the exact one).
  static func colourise(classes: [UInt8], palette: [ColourClass], georeference: RasterGeoreference) throws -> (
    red: [UInt8], green: [UInt8], blue: [UInt8]
  ) {
    let source = try MemoryRaster(georeference: georeference, bands: 1, type: GDT_Byte)
    try source.write(classes, band: 1)
    let table =
      (["0 0 0 0"] + palette.map { "\($0.value) \($0.red) \($0.green) \($0.blue)" })
      .joined(separator: "\n") + "\n"
    let colourFile = "/vsimem/airpicture-colours-\(UUID().uuidString).txt"
    let bytes = Array(table.utf8)
    guard let file = VSIFOpenL(colourFile, "wb") else { throw GeoRasterError("cannot create colour table") }
    _ = bytes.withUnsafeBytes { VSIFWriteL($0.baseAddress, 1, bytes.count, file) }
    VSIFCloseL(file)
    defer { VSIUnlink(colourFile) }
    let result = try process(
      source: source, mode: "color-relief", colourFile: colourFile, arguments: ["-of", "MEM", "-nearest_color_entry"])
    return (try result.readBytes(band: 1), try result.readBytes(band: 2), try result.readBytes(band: 3))
  }

  private static func process(source: MemoryRaster, mode: String, colourFile: String?, arguments: [String]) throws
    -> MemoryRaster
  {
    try GDALRuntime.withStringList(arguments) { list in
      guard let options = GDALDEMProcessingOptionsNew(list, nil) else {
        throw GeoRasterError("bad \(mode) options")
      }
      defer { GDALDEMProcessingOptionsFree(options) }
      CPLErrorReset()
      guard let output = GDALDEMProcessing("", source.handle, mode, colourFile, options, nil) else {
        throw GeoRasterError("\(mode) failed: \(GDALRuntime.lastError(or: "GDALDEMProcessing"))")
      }
      return MemoryRaster(adopting: output)
    }
  }
}
