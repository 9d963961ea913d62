import Testing
@testable import KortlaegProject

/// The ranking the README's exit codes rely on: failure > conflict > rows rejected > success.
struct SeverityTests {
    @Test(arguments: [
        (Severity.success, Severity.rowsRejected, Severity.rowsRejected),
        (.rowsRejected, .conflict, .conflict),
        (.conflict, .invalidInput, .invalidInput),
        (.invalidInput, .conflict, .invalidInput),
        (.notFound, .invalidInput, .notFound),
        (.success, .success, .success),
    ])
    func worstWins(_ first: Severity, _ second: Severity, _ expected: Severity) {
        #expect(first.worse(second) == expected)
    }

    @Test func failuresAreTheOnesAboveConflict() {
        #expect(Severity.allCases.filter(\.isFailure) == [.usage, .invalidInput, .notFound, .cannotWrite])
    }
}
