import ArgumentParser

/// The exit codes documented in the README. Stable: scripts depend on them.
enum KortlaegExit {
    /// Done, but some rows were rejected (see the rejects report).
    static let rowsRejected = ExitCode(3)
    /// The input is not readable or not in the expected form (sysexits EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file does not exist (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// The output cannot be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
}

extension KortlaegExit {
    /// A file re-delivers responses that another file already delivered (same child, occasion,
    /// informant, instrument) and `--replace` was not given: nothing from that file was imported.
    static let conflict = ExitCode(4)
}
