import ArgumentParser

/// The project-wide convention: a project store is named with `--project PATH`; without it a
/// command works file in, file out. Every command that can read or write a project uses this
/// group, so the option means the same everywhere.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("project"), help: "The project store: a .kortlaeg file made by 'kortlaeg init', or postgres://USER@HOST/DB?project=NAME (password from PGPASSWORD or .pgpass).")
    var path: String?

    /// The project, for commands that need one.
    func required(_ command: String) throws -> String {
        guard let path else { throw ValidationError("Please give --project PATH (the project made by 'kortlaeg init'), e.g. kortlaeg \(command) --project aarhus.kortlaeg.") }
        return path
    }
}
