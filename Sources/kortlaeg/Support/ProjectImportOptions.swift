import ArgumentParser
import KortlaegProject

/// The options of `kortlaeg import` that only apply with `--project`.
struct ProjectImportOptions: ParsableArguments {
    @Option(help: "With --project: the occasion of records that name none: T1, F1, F2, … or T2.")
    var occasion: String?
    @Flag(help: "With --project: replace responses another file delivered (the old ones stay in the audit log).")
    var replace = false
    @Option(help: "With --project: a scoring rule variant for the stored scores, OPTION=CHOICE.")
    var rule: [String] = []
    @Flag(help: "With --project: also store scores whose item membership is not officially verified.")
    var includeUnverified = false
    @OptionGroup var operatorOption: OperatorOption

    /// Whether any of these options was given.
    var anyGiven: Bool {
        occasion != nil || replace || !rule.isEmpty || includeUnverified || operatorOption.name != nil
    }

    func validate() throws {
        if let occasion, Occasion(occasion) == nil {
            throw ValidationError("Unknown --occasion '\(occasion)'. Please use T1, F1, F2, … or T2.")
        }
        _ = try scoring()
    }

    /// The scoring options of `--rule` and `--include-unverified`.
    func scoring() throws -> ScoringOptions {
        try KortlaegExit.run { () throws(KortlaegError) in
            try RuleChoices(parsing: rule).scoringOptions(includeUnverified: includeUnverified)
        }
    }
}
