import CGDAL

/// Google Earth overlays of classified maps: a KMZ of `GroundOverlay` PNG tiles written by GDAL's KMLSUPEROVERLAY
/// driver (which warps the picture to WGS 84 and builds the levels of detail Google Earth loads as one zooms).
public enum GroundOverlayWriter {
  /// The opacity of coloured cells, 0–255: translucent enough that Google Earth's relief shows through
  /// (assumption; Google Earth's own slider adjusts it further).
  public static let opacity: UInt8 = 200

  /// Writes `classes` (row-major on `georeference`'s grid; 0 transparent) coloured by `palette` as a KMZ at `path`,
  /// named `name`; `description` is the overlay's description (its legend).
  public static func write(
    classes: [UInt8], palette: [ColourClass], georeference: RasterGeoreference, name: String, description: String,
    to path: String
  ) throws {
    guard classes.count == georeference.width * georeference.height else {
      throw GeoRasterError("the classes of '\(path)' do not match the grid")
    }
    var colours = [(UInt8, UInt8, UInt8, UInt8)](repeating: (0, 0, 0, 0), count: 256)
    for entry in palette { colours[Int(entry.value)] = (entry.red, entry.green, entry.blue, opacity) }
    colours[0] = (0, 0, 0, 0)
    try AtomicOutput.write(to: path) { temporary in
      let image = try MemoryRaster(georeference: georeference, bands: 4, type: GDT_Byte)
      try image.write(classes.map { colours[Int($0)].0 }, band: 1)
      try image.write(classes.map { colours[Int($0)].1 }, band: 2)
      try image.write(classes.map { colours[Int($0)].2 }, band: 3)
      try image.write(classes.map { colours[Int($0)].3 }, band: 4)
      for (band, interpretation) in [GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand].enumerated() {
        GDALSetRasterColorInterpretation(GDALGetRasterBand(image.handle, Int32(band + 1)), interpretation)
      }
      try image.copy(
        to: temporary, driver: "KMLSUPEROVERLAY", options: ["FORMAT=PNG", "NAME=\(name)", "DESCRIPTION=\(description)"])
    }
  }

  /// The names of the files inside the KMZ (zip) at `path`, and the text of its `doc.kml`.
  public static func contents(of path: String) throws -> (entries: [String], document: String) {
    GDALRuntime.ensureRegistered()
    let root = "/vsizip/" + path
    guard let list = VSIReadDirRecursive(root) else { throw GeoRasterError("'\(path)' is not a zip archive") }
    defer { CSLDestroy(list) }
    var entries: [String] = []
    var index = 0
    while let item = list[index] {
      entries.append(String(cString: item))
      index += 1
    }
    return (entries, try text(of: "doc.kml", in: path))
  }

  /// The text of the file `entry` inside the KMZ (zip) at `path`.
  public static func text(of entry: String, in path: String) throws -> String {
    GDALRuntime.ensureRegistered()
    guard let file = VSIFOpenL("/vsizip/" + path + "/" + entry, "rb") else {
      throw GeoRasterError("'\(path)' has no \(entry)")
    }
    defer { VSIFCloseL(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = VSIFReadL(&buffer, 1, buffer.count, file)
      if count == 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
