import ArgumentParser

/// The `airpicture` command: radar coverage over real terrain.
public struct AirPictureCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "airpicture",
    abstract: "Radar coverage over real terrain: lowest visible altitude, networks and benchmarks.",
    subcommands: []
  )

  public init() {}
}
