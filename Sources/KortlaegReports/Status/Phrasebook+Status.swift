extension Phrasebook {
    /// The texts of `kortlaeg status`: a project's children, who is missing, the last imports.
    enum Status {
        static func project(_ location: String) -> Phrase { Phrase(da: "Projekt \(location)", en: "Project \(location)") }
        static let municipality = Phrase(da: "kommune", en: "municipality")
        static let interventionModel = Phrase(da: "indsatsmodel", en: "model")
        static let toolVersion = Phrase(da: "kortlægningsværktøj, version", en: "mapping tool version")
        static let children = Phrase(da: "børn", en: "children")
        static let trivselFigures = Phrase(da: "trivselsmåling", en: "trivselsmåling")
        static func storedFigures(_ count: Int) -> Phrase {
            Phrase(da: "\(count) tal gemt ('kortlaeg trivsel --project' viser dem)",
                   en: "\(count) figures stored ('kortlaeg trivsel --project' shows them)")
        }
        static func noResponses(_ location: String) -> Phrase {
            Phrase(da: "Ingen besvarelser endnu. Importér med 'kortlaeg import FIL --project \(location) --occasion T1'.",
                   en: "No responses yet. Import with 'kortlaeg import FILE --project \(location) --occasion T1'.")
        }
        static let countsTitle = Phrase(da: "Børn med besvarelser (tidspunkt × informant):",
                                        en: "Children with responses (occasion × informant):")
        static let occasion = Phrase(da: "tidspunkt", en: "occasion")
        static let missingFormsTitle = Phrase(da: "Manglende skemaer (tidspunkt og informant; som i overblikket i browseren):",
                                              en: "Missing forms (occasion and informant; as in the browser's overview):")
        static let noFollowUp = Phrase(da: "Ingen opfølgning (F1, F2, …) eller ny kortlægning (T2) importeret endnu.",
                                       en: "No follow-up (F1, F2, …) or final mapping (T2) imported yet.")
        static func missing(_ occasion: String) -> Phrase {
            Phrase(da: "Mangler \(occasion) (har T1, ingen \(occasion))", en: "Missing \(occasion) (T1, no \(occasion))")
        }
        static func missingChildren(_ count: Int) -> Phrase { Phrase(da: "\(count) børn", en: "\(count) children") }
        static let none = Phrase(da: "ingen", en: "none")
        static let recentImports = Phrase(da: "Seneste importer:", en: "Last imports:")
        static func imported(accepted: Int, rejected: Int) -> Phrase {
            Phrase(da: "\(accepted) gemt, \(rejected) problemer", en: "\(accepted) stored, \(rejected) problems")
        }
        static func replaced(_ count: Int) -> Phrase { Phrase(da: "\(count) erstattet", en: "\(count) replaced") }
        static func importedBy(_ name: String) -> Phrase { Phrase(da: "af \(name)", en: "by \(name)") }
    }
}
