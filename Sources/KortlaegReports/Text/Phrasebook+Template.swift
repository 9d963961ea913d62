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
    /// The `klasse` column.
    package static let codebookClass = Phrase(da: "Klasse (fx 4.a)", en: "Class (e.g. 4.a)")
    /// The `køn` column.
    package static let codebookSex = Phrase(da: "Køn", en: "Sex")
    /// The answers of the `køn` column.
    package static let codebookSexAnswers = Phrase(da: "pige | dreng", en: "pige (girl) | dreng (boy)")
    /// The `fødselsdato` column.
    package static let codebookBirthDate = Phrase(da: "Fødselsdato (DD-MM-ÅÅÅÅ, kun år og måned gemmes)",
                                                  en: "Birth date (DD-MM-YYYY, only year and month are kept)")
    /// Answers of a free-text item.
    package static let codebookFreeText = Phrase(da: "fritekst", en: "free text")
    /// Answers of a number item.
    package static let codebookNumber = Phrase(da: "tal", en: "number")
    /// Answers of a date item.
    package static let codebookDateAnswer = Phrase(da: "dato", en: "date")
    /// What a blank cell means, after the codes.
    package static let codebookBlank = Phrase(da: "tom = ikke besvaret", en: "blank = not answered")
}
