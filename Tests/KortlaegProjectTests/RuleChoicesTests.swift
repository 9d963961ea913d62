import KortlaegProject
import Testing

/// `--rule OPTION=CHOICE`, parsed once for `score`, `import --project` and every other front end.
struct RuleChoicesTests {
    @Test(arguments: [
        ([], [:]),
        (["impact-when-ebddiff-missing=missing"], ["impact-when-ebddiff-missing": "missing"]),
        // Only the first '=' separates; the choice may contain more.
        (["a=b=c"], ["a": "b=c"]),
        // Named twice: the last choice stands.
        (["a=sum", "b=x", "a=missing"], ["a": "missing", "b": "x"]),
    ] as [([String], [String: String])])
    func parsesOptionEqualsChoice(_ arguments: [String], _ expected: [String: String]) throws {
        let rules = try RuleChoices(parsing: arguments)
        #expect(rules.choices == expected)
        #expect(rules.scoringOptions(includeUnverified: true) == ScoringOptions(ruleChoices: expected, includeUnverifiedScores: true))
    }

    @Test(arguments: ["impact", "=missing", "impact-when-ebddiff-missing=", "="])
    func refusesWhatIsNotOptionEqualsChoice(_ argument: String) {
        let error = expectFailure { () throws(KortlaegError) in try RuleChoices(parsing: ["a=b", argument]) }
        #expect(error?.severity == .usage)
        #expect(error?.message == "--rule '\(argument)' must be OPTION=CHOICE, e.g. impact-when-ebddiff-missing=missing.")
    }
}
