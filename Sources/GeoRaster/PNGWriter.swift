import CGDAL

/// Writes an RGB image to PNG through GDAL's PNG driver, with a world file and `.aux.xml` so GIS tools place it.
public enum PNGWriter {
  /// Writes three byte planes (red, green, blue; row-major) on `georeference`'s grid to `path`.
  public static func write(
    red: [UInt8], green: [UInt8], blue: [UInt8], georeference: RasterGeoreference, to path: String
  ) throws {
    try AtomicOutput.write(to: path) { temporary in
      let image = try MemoryRaster(georeference: georeference, bands: 3, type: GDT_Byte)
      try image.write(red, band: 1)
      try image.write(green, band: 2)
      try image.write(blue, band: 3)
      try image.copy(to: temporary, driver: "PNG", options: ["WORLDFILE=YES"])
    }
  }
}
