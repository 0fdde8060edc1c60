// swift-tools-version: 6.1
// Regression benchmarks for the line-of-sight kernel (ordo-one/benchmark), kept in their own package so the main
// build and test suite do not compile the benchmark framework. Run: `swift package --disable-sandbox benchmark`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
  name: "AirPictureBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "LineOfSight",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "CoverageKernel", package: rootIdentity),
        .product(name: "GeoRaster", package: rootIdentity),
        .product(name: "CoveragePipeline", package: rootIdentity),
      ],
      path: "Benchmarks/LineOfSight",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "MonteCarlo",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Interdiction", package: rootIdentity),
        .product(name: "InterdictionModels", package: rootIdentity),
        .product(name: "ScenarioFiles", package: rootIdentity),
        .product(name: "CoveragePipeline", package: rootIdentity),
      ],
      path: "Benchmarks/MonteCarlo",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v5]
)
