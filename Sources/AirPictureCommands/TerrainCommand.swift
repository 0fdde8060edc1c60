import ArgumentParser

/// `airpicture terrain`: getting better elevation data, or generating terrain of any size.
struct TerrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terrain", abstract: "Build DEMs for coverage runs.",
    subcommands: [TerrainFetchCommand.self, TerrainGenerateCommand.self])
}
