import KortlaegDomain

/// The declared missing values every export uses (SPSS code, Stata tag, label).
enum MissingReasons {
    /// A response exists but the score could not be computed or the item was not answered.
    static func notComputed(_ language: Language) -> ExportMissingCode {
        ExportMissingCode(code: -9, tag: "a", label: language == .danish ? "Ikke beregnet/ikke besvaret" : "Not computed/not answered")
    }

    /// No response at this occasion.
    static func noResponse(_ language: Language) -> ExportMissingCode {
        ExportMissingCode(code: -8, tag: "b", label: language == .danish ? "Ingen besvarelse ved dette måletidspunkt" : "No response at this occasion")
    }

    /// The RCI needs norm values (SD and reliability) that the instrument does not give.
    static func noNorms(_ language: Language) -> ExportMissingCode {
        ExportMissingCode(code: -7, tag: "c", label: language == .danish ? "Kan ikke beregnes: normværdier mangler" : "Cannot be computed: norm values missing")
    }
}
