import KortlaegProject
import KortlaegReports

extension Phrasebook {
    /// The texts of the import wizard's page (`/import`); what it says about a file is in ``Phrasebook/Import``.
    enum Wizard {
        static let fileSection = Phrase(da: "Filen", en: "The file")
        static let encoding = Phrase(da: "Tegnsæt", en: "Encoding")
        static let childId = Phrase(da: "Barnets id", en: "Child id")
        static let profile = Phrase(da: "Indlæsningsprofil", en: "Mapping profile")
        static let firstRows = Phrase(da: "Første rækker", en: "First rows")
        static func firstRowsCaption(_ shown: Int) -> Phrase {
            Phrase(da: "De første \(shown) rækker, som de står i filen (CPR-numre vises aldrig)",
                   en: "The first \(shown) rows as written in the file (CPR numbers are never shown)")
        }
        static let firstRecords = Phrase(da: "Første poster", en: "First records")
        static func firstRecordsCaption(_ shown: Int) -> Phrase {
            Phrase(da: "De første \(shown) besvarelser, som de læses fra filen: én række pr. besvarelse, ét felt pr. kolonne (CPR-numre vises aldrig)",
                   en: "The first \(shown) responses as read from the file: one row per response, one field per column (CPR numbers are never shown)")
        }
        static let subjectPart = Phrase(da: "(personens id i filen)", en: "(the person's id in the file)")
        static let occasionPart = Phrase(da: "(besøg/måling i filen)", en: "(event/occasion in the file)")
        static let formPart = Phrase(da: "(skema i filen)", en: "(form in the file)")
        static let datePart = Phrase(da: "(udfyldt dato)", en: "(date filled in)")
        static let occasionsInFile = Phrase(da: "Målinger i filen", en: "Occasions in the file")
        static let notAnOccasion = Phrase(da: "ikke en kendt måling: disse besvarelser afvises", en: "not a known occasion: these responses are refused")
        static let noUnmatchedFields = Phrase(da: "Alle felter er genkendt.", en: "Every field is matched.")
        static let unmatchedFields = Phrase(da: "Felter uden match", en: "Unmatched fields")
        static func matchedFields(_ items: Int, _ others: Int) -> Phrase {
            Phrase(da: "\(items) felter læses som skemaets spørgsmål, \(others) som oplysninger om barnet eller besvarelsen.",
                   en: "\(items) fields are read as the form's items, \(others) as facts about the child or the response.")
        }
        static func fieldLabel(_ name: String) -> Phrase { Phrase(da: "Feltet »\(name)«", en: "Field “\(name)”") }
        static let choices = Phrase(da: "Dine valg", en: "Your choices")
        static let choicesIntro = Phrase(
            da: "Bekræft eller ret id-kolonnen, skemaet, målingen og informanten, og vælg hvad kolonnerne uden match indeholder. »Opdater prøvekørsel« viser resultatet af valgene; intet gemmes, før du trykker »Indlæs nu«.",
            en: "Confirm or correct the id column, the form, the occasion and the informant, and choose what the unmatched columns hold. “Update the dry run” shows what the choices give; nothing is stored until you press “Import now”.")
        static let informant = Phrase(da: "Informant", en: "Informant")
        static func instrumentsOwn(_ name: String) -> Phrase { Phrase(da: "skemaets egen (\(name))", en: "the form's own (\(name))") }
        static let fromProfileOrFile = Phrase(da: "som indlæsningsprofilen angiver", en: "as the mapping profile says")
        static let unmatched = Phrase(da: "Kolonner uden match", en: "Unmatched columns")
        static let noUnmatched = Phrase(da: "Alle kolonner er genkendt.", en: "Every column is matched.")
        static func matched(_ items: Int, _ others: Int) -> Phrase {
            Phrase(da: "\(items) kolonner læses som skemaets spørgsmål, \(others) som oplysninger om barnet (id, klasse, køn, …).",
                   en: "\(items) columns are read as the form's items, \(others) as facts about the child (id, class, sex, …).")
        }
        static func columnLabel(_ name: String) -> Phrase { Phrase(da: "Kolonnen »\(name)«", en: "Column “\(name)”") }
        static func suggested(_ column: String) -> Phrase { Phrase(da: "som foreslået: \(column)", en: "as suggested: \(column)") }
        static let ignore = Phrase(da: "ignorér", en: "ignore")
        static let items = Phrase(da: "Spørgsmål i skemaet", en: "Items of the form")
        static let attributes = Phrase(da: "Oplysninger om barnet og besvarelsen", en: "Facts about the child and the response")
        static let update = Phrase(da: "Opdater prøvekørsel", en: "Update the dry run")
        static let saveProfile = Phrase(da: "Gem som indlæsningsprofil", en: "Save as mapping profile")
        static let another = Phrase(da: "Indlæs en fil mere", en: "Import another file")
        static let result = Phrase(da: "Resultat", en: "Result")
        static let dryRun = Phrase(da: "Prøvekørsel", en: "Dry run")
        static let rowColumn = Phrase(da: "Række", en: "Row")
        static let column = Phrase(da: "Kolonne", en: "Column")
        static let value = Phrase(da: "Værdi", en: "Value")
        static let expected = Phrase(da: "Problem og forventet værdi", en: "Problem and expected value")
        static let valueHidden = Phrase(da: "(vises ikke)", en: "(not shown)")
        static let reportCaption = Phrase(da: "Rækker der ikke kan indlæses, som de står", en: "Rows that cannot be imported as they stand")
    }
}
