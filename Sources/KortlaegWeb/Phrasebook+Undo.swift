import KortlaegReports

extension Phrasebook.Web {
    // The texts of "undo the last import" (Site+Undo.swift).
    static let undoTitle = Phrase(da: "Fortryd seneste indlæsning", en: "Undo the last import")
    static func undoLatest(_ file: String, _ at: String, _ who: String, _ responses: Int) -> Phrase {
        Phrase(da: "Seneste indlæsning: \(file), \(at) af \(who) (\(responses) besvarelser gemt nu).",
               en: "Last import: \(file), \(at) by \(who) (\(responses) responses held now).")
    }
    static let undoNothing = Phrase(da: "Der er ingen indlæsning at fortryde.", en: "There is no import to undo.")
    static let undoButton = Phrase(da: "Fortryd seneste indlæsning …", en: "Undo the last import …")
    static let undoConfirmTitle = Phrase(da: "Fortryd indlæsningen?", en: "Undo the import?")
    static let undoQuestion = Phrase(da: "Det her fjernes, når du bekræfter. Intet er ændret endnu.",
                                     en: "This is removed when you confirm. Nothing has changed yet.")
    static let undoConfirm = Phrase(da: "Ja, fjern indlæsningen", en: "Yes, remove the import")
    static let undoDoneTitle = Phrase(da: "Indlæsningen er fortrudt", en: "The import was undone")
    static let undoChanged = Phrase(da: "Den seneste indlæsning er en anden end den, du så. Se efter igen, før du fortryder.",
                                    en: "The last import is not the one you saw. Please look again before undoing.")
    static let undoFile = Phrase(da: "Fil", en: "File")
    static let undoWhen = Phrase(da: "Indlæst", en: "Imported")
    static let undoWho = Phrase(da: "Af", en: "By")
    static let undoHeld = Phrase(da: "Besvarelser gemt nu", en: "Responses held now")
}
