import CGDAL
import Foundation

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
      try image.copy(to: temporary, driver: "PNG", options: ["WORLDFILE=YES", "ZLEVEL=1"])
    }
  }

  /// Reads an RGB PNG (or any 3-band byte raster) back through GDAL: its size and its red, green and blue planes.
  public static func read(_ path: String) throws -> (
    width: Int, height: Int, red: [UInt8], green: [UInt8], blue: [UInt8]
  ) {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let handle = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open image '\(path)': \(GDALRuntime.lastError(or: "not a raster GDAL reads"))")
    }
    let image = MemoryRaster(adopting: handle)
    guard GDALGetRasterCount(handle) >= 3 else { throw GeoRasterError("image '\(path)' has fewer than 3 bands") }
    return (
      Int(GDALGetRasterXSize(handle)), Int(GDALGetRasterYSize(handle)), try image.readBytes(band: 1),
      try image.readBytes(band: 2), try image.readBytes(band: 3)
    )
  }

  /// The image at `path` scaled to `width` pixels wide (height in proportion; averaged), encoded as PNG bytes: a
  /// lighter copy to embed where the full map would be too heavy.
  public static func downscaled(_ path: String, width: Int) throws -> Data {
    GDALRuntime.ensureRegistered()
    CPLErrorReset()
    guard let handle = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
      throw GeoRasterError("cannot open image '\(path)': \(GDALRuntime.lastError(or: "not a raster GDAL reads"))")
    }
    let image = MemoryRaster(adopting: handle)
    let sourceWidth = Int(GDALGetRasterXSize(handle))
    let sourceHeight = Int(GDALGetRasterYSize(handle))
    let targetWidth = min(max(width, 1), sourceWidth)
    let targetHeight = max(1, sourceHeight * targetWidth / max(sourceWidth, 1))
    let small = try image.resampled(width: targetWidth, height: targetHeight, method: "average")
    let memoryPath = "/vsimem/airpicture-downscaled-\(UUID().uuidString).png"
    try small.copy(to: memoryPath, driver: "PNG", options: ["ZLEVEL=6"])
    defer { VSIUnlink(memoryPath) }
    var length: vsi_l_offset = 0
    guard let buffer = VSIGetMemFileBuffer(memoryPath, &length, 0) else {
      throw GeoRasterError("cannot encode a smaller copy of '\(path)'")
    }
    return Data(bytes: buffer, count: Int(length))
  }
}
