import KortlaegDomain

/// A stored child: a pseudonym, its class and what files told about it (never a raw id).
package struct StoredChild: Hashable, Sendable {
    /// The backend's row id (ignored on insert).
    package var id: Int64?
    /// The child's pseudonym.
    package var pseudonym: String
    /// The class row, if known.
    package var classID: Int64?
    /// Birth year, if known.
    package var birthYear: Int?
    /// Birth month, if known.
    package var birthMonth: Int?
    /// Sex as given, if known.
    package var sex: String?
    /// The site (municipality) as first given; part of the pseudonym, so never changed.
    package var site: String?

    package init(id: Int64?, pseudonym: String, classID: Int64?, birthYear: Int?, birthMonth: Int?, sex: String?) {
        self.id = id
        self.pseudonym = pseudonym
        self.classID = classID
        self.birthYear = birthYear
        self.birthMonth = birthMonth
        self.sex = sex
    }
}

/// What makes a response the same response: child, occasion, informant and instrument (any version).
package struct ResponseKey: Hashable, Sendable {
    package var childID: Int64
    package var occasionID: Int64
    package var informant: Informant
    package var instrumentID: String

    package init(childID: Int64, occasionID: Int64, informant: Informant, instrumentID: String) {
        self.childID = childID
        self.occasionID = occasionID
        self.informant = informant
        self.instrumentID = instrumentID
    }
}

/// A stored response found by its key: where it came from.
package struct StoredResponseReference: Hashable, Sendable {
    /// Its row id.
    package var id: Int64
    /// The batch that stored it.
    package var batchID: Int64
    /// That batch's file name.
    package var fileName: String

    package init(id: Int64, batchID: Int64, fileName: String) {
        self.id = id
        self.batchID = batchID
        self.fileName = fileName
    }
}

/// What the audit log keeps of a replaced response.
package struct ReplacedResponse: Hashable, Sendable {
    /// Who answered, as stored.
    package var informant: String
    /// The exact instrument.
    package var instrument: InstrumentReference
    /// The date, if known.
    package var date: String?
    /// The answers.
    package var answers: [String: AnswerValue]
    /// The file that delivered it.
    package var fileName: String
    /// Its scores, ordered by score id.
    package var scores: [ComputedScore]
    /// The reasons of the items the file answered with a missing code (item → meaning); part of
    /// the response, so a re-delivery that differs only here is a changed response.
    package var missingReasons: [String: String]

    package init(informant: String, instrument: InstrumentReference, date: String?, answers: [String: AnswerValue],
                 fileName: String, scores: [ComputedScore], missingReasons: [String: String] = [:]) {
        self.missingReasons = missingReasons
        self.informant = informant
        self.instrument = instrument
        self.date = date
        self.answers = answers
        self.fileName = fileName
        self.scores = scores
    }
}

/// A response as the rules insert it.
package struct NewResponse: Hashable, Sendable {
    package var childID: Int64
    package var occasionID: Int64
    package var informant: Informant
    /// The exact instrument.
    package var instrument: InstrumentReference
    package var date: String?
    package var answers: [String: AnswerValue]
    package var batchID: Int64
    package var scoringID: Int64
    /// Items answered with a source missing code → its meaning.
    package var missingReasons: [String: String]
    /// ``AnswerCoding/encode(_:missingReasons:)`` of the answers and reasons, when made ahead.
    package var encodedAnswers: String?
    /// ``ScoreCoding/encode(_:)`` of the scores the import stores, when made ahead.
    package var encodedScores: String?

    package init(childID: Int64, occasionID: Int64, informant: Informant, instrument: InstrumentReference, date: String?,
                 answers: [String: AnswerValue], batchID: Int64, scoringID: Int64, missingReasons: [String: String] = [:],
                 encodedAnswers: String? = nil, encodedScores: String? = nil) {
        self.missingReasons = missingReasons
        self.encodedAnswers = encodedAnswers
        self.encodedScores = encodedScores
        self.childID = childID
        self.occasionID = occasionID
        self.informant = informant
        self.instrument = instrument
        self.date = date
        self.answers = answers
        self.batchID = batchID
        self.scoringID = scoringID
    }
}

extension NewResponse {
    /// The answers' stored JSON.
    package var storedAnswers: String {
        encodedAnswers ?? AnswerCoding.encode(answers, missingReasons: missingReasons)
    }

    /// What makes it the same response as a stored one.
    package var key: ResponseKey {
        ResponseKey(childID: childID, occasionID: occasionID, informant: informant, instrumentID: instrument.id)
    }
}
