import KortlaegProject
import KortlaegReports

extension Phrasebook {
    /// What a page says about a use case's error that has no text in the page's language (one
    /// that wraps a store or I/O error, say): a sentence by its ``Severity``. The error's own
    /// English message goes to the server log.
    enum WebProblem {
        static func sentence(_ severity: Severity) -> Phrase {
            switch severity {
            case .usage:
                Phrase(da: "Det kunne ikke lade sig gøre, fordi et af valgene på siden ikke passer. Kontrollér valgene, og prøv igen.",
                       en: "This could not be done: one of the choices on the page does not fit. Please check them and try again.")
            case .invalidInput:
                Phrase(da: "Projektets data kunne ikke læses, eller de er ikke i den ventede form. Prøv igen; sker det igen, så kontakt den, der driver Kortlæg.",
                       en: "The project's data could not be read or are not in the expected form. Please try again; if it happens again, contact whoever runs Kortlæg.")
            case .notFound:
                Phrase(da: "Det, du bad om, findes ikke i projektet.", en: "What you asked for is not in the project.")
            case .cannotWrite:
                Phrase(da: "Det kunne ikke gemmes eller skrives. Prøv igen; sker det igen, så kontakt den, der driver Kortlæg.",
                       en: "It could not be saved or written. Please try again; if it happens again, contact whoever runs Kortlæg.")
            case .conflict:
                Phrase(da: "Filen leverer besvarelser, som en anden fil allerede har leveret; intet fra den blev gemt.",
                       en: "The file re-delivers responses another file delivered; nothing from it was stored.")
            case .rowsRejected:
                Phrase(da: "Nogle rækker blev afvist; valideringsrapporten viser hvilke og hvorfor.",
                       en: "Some rows were rejected; the validation report shows which and why.")
            case .success:
                Phrase(da: "Det kunne ikke gøres færdigt. Prøv igen.", en: "It could not be finished. Please try again.")
            }
        }
    }
}
