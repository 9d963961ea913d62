import ArgumentParser
import KortlaegDomain
import KortlaegStore
import KortlaegStoreSQLite

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
        for choice in rule where !choice.contains("=") {
            throw ValidationError("--rule '\(choice)' must be OPTION=CHOICE, e.g. impact-when-ebddiff-missing=missing.")
        }
    }

    /// The store's import options.
    func importOptions(instruments: InstrumentCatalog, dryRun: Bool) -> ImportOptions {
        var choices: [String: String] = [:]
        for text in rule {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            choices[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return ImportOptions(instruments: instruments,
                             scoring: ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified),
                             replace: replace, dryRun: dryRun, operator: operatorOption.resolved)
    }
}
