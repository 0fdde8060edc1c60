import CGDAL

/// A new GeoTIFF through GDAL's GTiff driver: created under `temporary` (errors name `path`, where it will be
/// published), georeferenced, with dataset metadata. The caller writes its bands and closes it.
enum GTiffCreation {
  static func create(
    at temporary: String, publishedAs path: String, georeference: RasterGeoreference, bands: Int,
    type: GDALDataType, options: [String], metadata: [(key: String, value: String)]
  ) throws -> GDALDatasetH {
    guard let driver = GDALGetDriverByName("GTiff") else { throw GeoRasterError("GDAL has no GTiff driver") }
    CPLErrorReset()
    let created = GDALRuntime.withStringList(options) { list in
      GDALCreate(
        driver, temporary, Int32(georeference.width), Int32(georeference.height), Int32(bands), type, list)
    }
    guard let dataset = created else {
      throw GeoRasterError("cannot create '\(path)': \(GDALRuntime.lastError(or: "GTiff driver failed"))")
    }
    var transform = georeference.geoTransform
    GDALSetGeoTransform(dataset, &transform)
    GDALSetProjection(dataset, georeference.crsWKT)
    for item in metadata { GDALSetMetadataItem(dataset, item.key, item.value, nil) }
    return dataset
  }
}
