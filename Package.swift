// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "AirPicture",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "airpicture", targets: ["airpicture"]),
    .library(name: "CoverageKernel", targets: ["CoverageKernel"]),
    .library(name: "GeoRaster", targets: ["GeoRaster"]),
    .library(name: "InterdictionModels", targets: ["InterdictionModels"]),
    .library(name: "Interdiction", targets: ["Interdiction"]),
    .library(name: "ScenarioFiles", targets: ["ScenarioFiles"]),
    .library(name: "CoveragePipeline", targets: ["CoveragePipeline"]),
    .library(name: "CoverageStudy", targets: ["CoverageStudy"]),
    .library(name: "SitePlanning", targets: ["SitePlanning"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // GDAL's C API, from Debian's libgdal-dev.
    .systemLibrary(
      name: "CGDAL",
      pkgConfig: "gdal",
      providers: [.apt(["libgdal-dev"])]
    ),
    // Linux renameat2 (atomic exchange of two paths), which Swift's Glibc module does not expose.
    .target(name: "_OutputFilesShims"),
    // Output safety: checked output paths, temporaries, publication of a run's files all at once, manifests.
    .target(name: "OutputFiles", dependencies: ["_OutputFilesShims"]),
    // Raster and vector I/O, projections and rendering through GDAL: the only module that imports it.
    .target(name: "GeoRaster", dependencies: ["CGDAL", "OutputFiles"]),
    // The lowest-visible-altitude kernel: pure Swift over buffers, no I/O.
    .target(name: "CoverageKernel"),
    // Sensor, target and network models with the source of every figure: pure Swift.
    .target(name: "RadarModels"),
    // Scenario and preset files (YAML via Yams), validated with file, line and field in every error.
    .target(
      name: "ScenarioFiles",
      dependencies: ["RadarModels", "InterdictionModels", .product(name: "Yams", package: "Yams")]),
    // Cairo (anti-aliased drawing) and Pango (text in a real font), from Debian's libcairo2-dev and libpango1.0-dev.
    .systemLibrary(
      name: "CPangoCairo",
      pkgConfig: "pangocairo",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
    ),
    // Map composition (title, legend, labels that do not collide, scale bar, north arrow, markers) through Cairo
    // and Pango on RGB planes; no GDAL.
    .target(name: "MapCanvas", dependencies: ["CPangoCairo"]),
    // From a DEM and radar sites to coverage fields, once each: DEM choice and checks, site placement, windows, a
    // cache of fields shared by coverage studies, the simulation world and the planner; the simulation world's builder.
    .target(
      name: "CoveragePipeline",
      dependencies: ["CoverageKernel", "GeoRaster", "RadarModels", "Interdiction", "InterdictionModels"]),
    // Scenario coverage studies: radars x targets x network configurations, tables, maps, KML.
    .target(
      name: "CoverageStudy",
      dependencies: [
        "CoveragePipeline", "CoverageKernel", "GeoRaster", "RadarModels", "MapCanvas", "Interdiction",
        "InterdictionModels",
      ]
    ),
    // Suspect aircraft, flight patterns, interceptors, basings, rules and the interdiction scenario: value types with
    // the source of every figure, apart from the engine that simulates them.
    .target(name: "InterdictionModels", dependencies: ["RadarModels"]),
    // The Monte Carlo of suspect flights, the air picture over time and interceptor engagements: pure Swift.
    .target(name: "Interdiction", dependencies: ["CoverageKernel", "RadarModels", "InterdictionModels"]),
    // Where to put the next radars: candidate sites from a DEM, the expected weighted covered area, lazy greedy with
    // its bounds and a swap pass; pure Swift, no I/O.
    .target(name: "SitePlanning", dependencies: ["CoverageKernel", "RadarModels"]),
    // The exact, slow line-of-sight reference that the tests hold the kernel to and `bench` samples.
    .target(name: "CoverageReference", dependencies: ["CoverageKernel"]),
    // The `airpicture` subcommands as small value types.
    .target(
      name: "AirPictureCommands",
      dependencies: [
        "CoverageKernel", "CoverageReference", "GeoRaster", "CoveragePipeline", "CoverageStudy", "RadarModels",
        "ScenarioFiles", "Interdiction",
        "InterdictionModels",
        "OutputFiles", "SitePlanning",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "airpicture", dependencies: ["AirPictureCommands"]),
    // Helpers every test target shares (assertions that cannot pass vacuously).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CoverageKernelTests", dependencies: ["TestSupport", "CoverageKernel", "CoverageReference"]),
    .testTarget(
      name: "CoverageAccuracyTests",
      dependencies: ["TestSupport", "CoverageKernel", "CoverageReference", "GeoRaster", "CoveragePipeline"]),
    .testTarget(name: "OutputFilesTests", dependencies: ["TestSupport", "OutputFiles"]),
    // README's layout table against the sources' imports.
    .testTarget(name: "RepositoryTests"),
    .testTarget(
      name: "MapCanvasTests",
      dependencies: [
        "TestSupport", "MapCanvas", "GeoRaster", "CoverageStudy", "Interdiction", "InterdictionModels", "RadarModels",
        "ScenarioFiles", "CoverageKernel",
      ]),
    .testTarget(name: "GeoRasterTests", dependencies: ["TestSupport", "GeoRaster", "CoverageKernel"]),
    .testTarget(
      name: "SitePlanningTests", dependencies: ["TestSupport", "SitePlanning", "CoverageKernel", "RadarModels"]),
    .testTarget(name: "RadarModelsTests", dependencies: ["TestSupport", "RadarModels"]),
    .testTarget(
      name: "InterdictionTests",
      dependencies: ["TestSupport", "Interdiction", "InterdictionModels", "CoverageKernel", "RadarModels"]),
    .testTarget(
      name: "ScenarioFilesTests", dependencies: ["TestSupport", "ScenarioFiles", "RadarModels", "InterdictionModels"]),
    .testTarget(
      name: "CoverageStudyTests",
      dependencies: [
        "TestSupport", "CoverageStudy", "CoveragePipeline", "CoverageKernel", "GeoRaster", "RadarModels",
        "ScenarioFiles", "Interdiction", "InterdictionModels",
      ]),
    .testTarget(
      name: "CoveragePipelineTests",
      dependencies: ["TestSupport", "CoveragePipeline", "CoverageKernel", "GeoRaster", "RadarModels"]),
    .testTarget(
      name: "AirPictureCommandsTests",
      dependencies: [
        "TestSupport", "AirPictureCommands", "CoveragePipeline", "GeoRaster", "CoverageKernel", "OutputFiles",
        "airpicture", "Interdiction", "InterdictionModels", "ScenarioFiles",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
