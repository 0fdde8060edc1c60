import CGDAL
import Foundation

/// Writes a chart (an RGB image with no place on Earth) to PNG through GDAL's PNG driver: no world file, no
/// georeference.
public enum ChartPNGWriter {
  /// Writes three byte planes (red, green, blue; row-major, `width` × `height`) to `path`, atomically.
  public static func write(red: [UInt8], green: [UInt8], blue: [UInt8], width: Int, height: Int, to path: String)
    throws
  {
    precondition(width > 0 && height > 0 && [red, green, blue].allSatisfy { $0.count == width * height })
    try AtomicOutput.write(to: path) { temporary in
      GDALRuntime.ensureRegistered()
      guard let driver = GDALGetDriverByName("MEM"),
        let handle = GDALCreate(driver, "", Int32(width), Int32(height), 3, GDT_Byte, nil)
      else { throw GeoRasterError("cannot create an in-memory image: \(GDALRuntime.lastError(or: "MEM driver"))") }
      let image = MemoryRaster(adopting: handle)
      try image.write(red, band: 1)
      try image.write(green, band: 2)
      try image.write(blue, band: 3)
      try image.copy(to: temporary, driver: "PNG", options: ["WORLDFILE=NO", "ZLEVEL=6"])
    }
  }
}
