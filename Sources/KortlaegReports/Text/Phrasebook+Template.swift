// MARK: - Collection templates and their codebooks (`kortlaeg template`)

extension Phrasebook {
    /// Codebook column: the variable name.
    package static let codebookVariable = Phrase(da: "variabel", en: "variable")
    /// Codebook column: the question.
    package static let codebookQuestion = Phrase(da: "spørgsmål", en: "question")
    /// Codebook column: the allowed answers.
    package static let codebookAnswers = Phrase(da: "svar", en: "answers")
    /// Codebook column: the instrument.
    package static let codebookInstrument = Phrase(da: "instrument", en: "instrument")
    /// The `child_id` column.
    package static let codebookChildID = Phrase(da: "Barnets id (brug aldrig CPR-nummer)", en: "The child's id (never a CPR number)")
    /// The `occasion` column.
    package static let codebookOccasion = Phrase(da: "Tidspunkt", en: "Occasion")
    /// The `date` column.
    package static let codebookDate = Phrase(da: "Dato (ÅÅÅÅ-MM-DD)", en: "Date (YYYY-MM-DD)")
    /// Answers of a free-text item.
    package static let codebookFreeText = Phrase(da: "fritekst", en: "free text")
    /// Answers of a number item.
    package static let codebookNumber = Phrase(da: "tal", en: "number")
    /// Answers of a date item.
    package static let codebookDateAnswer = Phrase(da: "dato", en: "date")
    /// What a blank cell means, after the codes.
    package static let codebookBlank = Phrase(da: "tom = ikke besvaret", en: "blank = not answered")
}
