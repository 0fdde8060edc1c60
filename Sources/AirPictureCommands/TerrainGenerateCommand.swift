import ArgumentParser
import CoverageKernel
import Foundation
import GeoRaster

/// `airpicture terrain generate`: a seeded ridged-fractal DEM of any size, for benchmarks at national scale without
/// national data. Written strip by strip, so its size is bounded by the disk, not by memory.
struct TerrainGenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a generated ridged-fractal DEM (Int16 GeoTIFF, EPSG:4326), seeded, of any size.",
    discussion: """
      Heights are the ridged-fractal terrain `airpicture bench` uses (largest ridges 400 cells apart), from --base-m \
      to --base-m + --relief-m metres, on a WGS 84 longitude/latitude grid whose north-west corner is --north, \
      --west. The same options always give the same file. The grid is generated and written a strip of rows at a \
      time (tiled, DEFLATE, no-data -32768), so a 30,000 x 30,000 DEM needs little memory.

      Examples:
        airpicture terrain generate --cell-arcsec 1 --columns 30000 --rows 30000 --out dem-1s.tif
        airpicture terrain generate --cell-arcsec 3 --columns 19200 --rows 24000 --north 0 --west -81.5 \\
          --seed 7 --out peru-sized-3s.tif
      """)

  @Option(help: ArgumentHelp("Cell size in arc-seconds (1 for 30 m data, 3 for 90 m).", valueName: "arcsec"))
  var cellArcsec: Double = 3

  @Option(help: ArgumentHelp("Columns (cells west to east).", valueName: "n"))
  var columns: Int

  @Option(help: ArgumentHelp("Rows (cells north to south).", valueName: "n"))
  var rows: Int

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Latitude of the northern edge, degrees (negative south).", valueName: "degrees"))
  var north: Double = 0

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Longitude of the western edge, degrees (negative west).", valueName: "degrees"))
  var west: Double = -81.5

  @Option(help: ArgumentHelp("Random seed: the same seed gives the same heights.", valueName: "n"))
  var seed: UInt64 = 2025

  @Option(help: ArgumentHelp("Highest relief above the base level, metres.", valueName: "m"))
  var reliefM: Double = 4000

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Base level, metres: the lowest height a cell can take.", valueName: "m"))
  var baseM: Double = 0

  @Option(help: ArgumentHelp("Output GeoTIFF (.tif).", valueName: "path"))
  var out: String

  /// The no-data value declared in the file (no generated cell takes it).
  static let noData = Int16.min

  func validate() throws {
    guard cellArcsec.isFinite, cellArcsec > 0, cellArcsec <= 3_600 else {
      throw ValidationError("--cell-arcsec must be above 0 and at most 3600, got \(cellArcsec)")
    }
    guard columns >= 2, rows >= 2 else {
      throw ValidationError("--columns and --rows must be at least 2, got \(columns) x \(rows)")
    }
    guard north.isFinite, west.isFinite, north <= 90, west >= -180 else {
      throw ValidationError("--north must be at most 90 and --west at least -180, got \(north), \(west)")
    }
    let cell = cellArcsec / 3_600
    guard north - Double(rows) * cell >= -90 - 1e-9, west + Double(columns) * cell <= 180 + 1e-9 else {
      throw ValidationError(
        "\(columns) x \(rows) cells of \(cellArcsec)\" from \(north), \(west) run past the poles or the "
          + "antimeridian (latitude -90 to 90, longitude -180 to 180)")
    }
    guard reliefM.isFinite, reliefM > 0, baseM.isFinite, baseM >= Double(Self.noData) + 1,
      baseM + reliefM <= Double(Int16.max)
    else {
      throw ValidationError(
        "--relief-m must be positive and --base-m to --base-m + --relief-m must lie within -32767 to 32767 m "
          + "(Int16), got base \(baseM), relief \(reliefM)")
    }
    let suffix = (out as NSString).pathExtension.lowercased()
    guard suffix == "tif" || suffix == "tiff" else {
      throw ValidationError("--out must name a GeoTIFF (.tif), got '\(out)'")
    }
  }

  func run() throws {
    let cell = cellArcsec / 3_600
    let georeference = RasterGeoreference(
      originX: west, originY: north, cellWidth: cell, cellHeight: cell, width: columns, height: rows,
      crsWKT: SpatialReference.wgs84().wkt, isGeographic: true)
    let terrain = RidgedFractalTerrain(seed: seed, relief: reliefM)
    let base = baseM
    let width = columns
    let height = rows
    let reporter = ProgressReporter()
    reporter.begin("generating \(columns) x \(rows) cells")
    defer { reporter.finish() }
    do {
      try StripRasterWriter.writeInt16(
        georeference: georeference, noData: Self.noData, description: "elevation (m)",
        metadata: [
          ("AIRPICTURE_GENERATOR", "ridged fractal terrain"), ("AIRPICTURE_SEED", "\(seed)"),
          ("AIRPICTURE_RELIEF_M", "\(reliefM)"), ("AIRPICTURE_BASE_M", "\(baseM)"),
        ], to: out
      ) { strip, values in
        let buffer = values
        ParallelWork.forEachChunk(count: strip.count, threads: ParallelWork.processorCount, chunkSize: 8) { local in
          for offset in local {
            let row = Double(strip.lowerBound + offset)
            for column in 0..<width {
              let metres = base + terrain.height(x: Double(column), y: row)
              buffer[offset * width + column] = Int16(metres.rounded())
            }
          }
        }
        reporter.update(Double(strip.upperBound) / Double(height))
      }
    } catch let error as GeoRasterError {
      throw CommandError(error.message)
    }
    reporter.finish()
    print(
      "wrote \(out): \(columns) x \(rows) cells of \(String(format: "%g", cellArcsec))\" (EPSG:4326) from "
        + "\(String(format: "%g", north)), \(String(format: "%g", west)), seed \(seed), heights "
        + "\(String(format: "%g", baseM)) to \(String(format: "%g", baseM + reliefM)) m")
  }
}
