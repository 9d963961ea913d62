import ArgumentParser

/// The project-wide convention: a project store is named with `--project PATH`; without it a
/// command works file in, file out.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("project"), help: "The project store (without it: work file in, file out).")
    var path: String?
}
