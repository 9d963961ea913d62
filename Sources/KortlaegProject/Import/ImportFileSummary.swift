import KortlaegReaders

/// How one input file of an import was read: its kind, the mapping profile and instrument
/// applied, and what became of its records. Holds no child id and no answer.
public struct ImportFileSummary: Hashable, Sendable {
    /// The file.
    public var file: String
    /// The kind recognised (e.g. `REDCap record CSV`), when it was.
    public var kind: String?
    /// What the kind was recognised by (e.g. `CSV header with record_id/redcap_event_name`).
    public var evidence: String?
    /// The mapping profile applied, once known.
    public var profile: String?
    /// Whether the profile was chosen for this kind of file (rather than named by the user).
    public var profileChosenForFile: Bool
    /// The instrument (`id@version`) the responses are for, once known.
    public var instrument: String?
    /// The child-id column and why it was chosen (tables only), for a front end to show.
    public var childId: ChildIdChoice?
    /// The number of different children among the accepted responses.
    public var children: Int
    /// Accepted responses repeating an earlier row's child, occasion and informant.
    public var repeated: Int
    /// Answers given as missing codes, by meaning.
    public var missingAnswers: [String: Int]
    /// Notes: the detected dialect, how the instrument was chosen, fields not mapped.
    public var notes: [String]
    /// Records read (rows, FormData elements, QuestionnaireResponses).
    public var read: Int
    /// Records mapped to valid responses.
    public var accepted: Int
    /// Records rejected (their problems went to the rejects report).
    public var rejected: Int
    /// Records with none of the instrument's fields answered (counted, not imported).
    public var empty: Int
    /// Accepted responses whose age (`alder`) lies outside the instrument's age range.
    public var outsideAgeRange: Int

    init(_ report: ImportFileReport, profileChosenForFile: Bool) {
        file = report.file
        kind = report.recognition.map { "\($0.kind)" }
        evidence = report.recognition?.evidence
        profile = report.profile
        self.profileChosenForFile = profileChosenForFile
        instrument = report.instrument
        notes = report.notes
        childId = report.childId
        children = report.children
        repeated = report.repeated
        missingAnswers = report.missingAnswers
        read = report.read
        accepted = report.accepted
        rejected = report.rejected
        empty = report.empty
        outsideAgeRange = report.outsideAgeRange
    }

    /// Reports the kind, the profile and instrument, and the notes, one message each.
    /// - Parameter announced: the number of notes already reported by ``announce(to:)`` before
    ///   the records were read (nil: nothing was announced); those are not repeated.
    func describe(to sink: any ProgressSink, announced: Int? = nil) {
        if announced == nil { announceDetection(to: sink) }
        for note in notes.dropFirst(announced ?? 0) { sink.note("\(file): \(note)") }
        if repeated > 0 {
            sink.note("\(file): \(repeated) row(s) repeat the child id, occasion and informant of an earlier row: the file's \(accepted) response(s) are for \(children) child(ren)")
        }
        describeCounts(to: sink)
    }

    /// Reports what was detected, before the records are read: the kind, the profile and the
    /// instrument, and the notes so far (the encoding and separator, the child-id column).
    /// - Returns: the number of notes reported.
    func announce(to sink: any ProgressSink) -> Int {
        announceDetection(to: sink)
        for note in notes { sink.note("\(file): \(note)") }
        return notes.count
    }

    private func announceDetection(to sink: any ProgressSink) {
        if let kind {
            sink.note("\(file): \(kind) (\(evidence ?? ""))")
        }
        if let profile {
            sink.note("\(file): profile \(profile)\(profileChosenForFile ? " (chosen for this kind of file)" : ""), instrument \(instrument ?? "?")")
        }
    }

    private func describeCounts(to sink: any ProgressSink) {
        if outsideAgeRange > 0 {
            sink.warning("\(file): \(outsideAgeRange) response(s) give an age (alder) outside the age range of \(instrument ?? "the instrument"); check that the right instrument version was used")
        }
        if !missingAnswers.isEmpty {
            let counts = missingAnswers.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            sink.note("\(file): answers given as missing codes, read as missing (not answers, not rejects): \(counts)")
        }
    }
}
