import ArgumentParser

@main
struct KortlaegCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kortlaeg",
        abstract: "Score and follow up the shared mapping tool (kortlægningsværktøj).",
        subcommands: []
    )
}
