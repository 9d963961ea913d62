extension Phrasebook {
    /// The texts of the trivselsmåling table and its notes (`kortlaeg trivsel`).
    enum Trivsel {
        static let allSchoolsInFile = Phrase(da: "alle skoler i filen (samlet)", en: "all schools in the file (combined)")
        static let allSchoolsInProject = Phrase(da: "alle projektets skoler (samlet)", en: "all schools of the project (combined)")
        static func grade(_ grade: String) -> Phrase { Phrase(da: "trin \(grade)", en: "grade \(grade)") }
        static let allGrades = Phrase(da: "alle trin", en: "all grades")
        static func title(subject: String, grade: String) -> Phrase {
            Phrase(da: "Trivselsmåling: \(subject), \(grade)", en: "Well-being survey: \(subject), \(grade)")
        }
        static let indicator = Phrase(da: "Indikator", en: "Indicator")
        static func municipality(_ year: String) -> Phrase { Phrase(da: "Kommune \(year)", en: "Municipality \(year)") }
        static func national(_ year: String) -> Phrase { Phrase(da: "Landsplan \(year)", en: "National \(year)") }
        static let yearUnknown = Phrase(da: "år ukendt", en: "year unknown")
        static func share(_ indicator: String, above threshold: Int) -> Phrase {
            Phrase(da: "\(indicator), andel > \(threshold) (%)", en: "\(indicator), share > \(threshold) (%)")
        }
        static let tooFewPupils: Phrase = "n<5"

        static let noise = Phrase(
            da: "Ændringer fra år til år for en enkelt skole ligger som regel inden for den tilfældige variation (få elever, nye elever hvert år); læs ikke én ændring som en effekt.",
            en: "Year-to-year changes for a single school are usually within noise (few pupils, a new cohort each year); do not read one change as an effect.")
        static let smallGroups = Phrase(
            da: "Grupper med under 5 elever vises ikke og indgår ikke i samlede tal (n ≥ 5); tomme celler i filen er ikke offentliggjort og vises som –.",
            en: "Groups under 5 pupils are not shown and not combined (n ≥ 5); empty cells in the file were not published and show as –.")
        static func municipalityNote(schools: Int, sameGrade: Bool) -> Phrase {
            Phrase(da: "Kommune: alle projektets \(schools) skoler samlet\(sameGrade ? " (samme trin)" : "") efter de samme regler.",
                   en: "Municipality: all \(schools) schools of the project combined\(sameGrade ? " (same trin)" : "") by the same rules.")
        }
        static let pupilWeighted = Phrase(da: "Flere grupper er vægtet med antal elever.",
                                          en: "Several groups are weighted by their pupil counts.")
        static let unweighted = Phrase(
            da: "* Uvægtet gennemsnit af gruppernes gennemsnit: filen mangler antal elever for mindst én gruppe.",
            en: "* Unweighted mean of group means: the file lacks pupil counts for at least one group.")
        static let highestWellBeing = Phrase(da: "Andel med højest trivsel: ", en: "Share with the highest well-being: ")
        static let noSchoolYear = Phrase(da: "Filen angiver ikke skoleår ('år ukendt').",
                                         en: "The file gives no school year ('year unknown').")
        static let nationalFigures = Phrase(da: "Landstal: ", en: "National figures: ")
        static let unverified = Phrase(da: " (sekundær kilde, ikke verificeret)", en: " (secondary source, unverified)")
        static func project(_ location: String, files: String) -> Phrase {
            Phrase(da: "projektet \(location) (filer: \(files))", en: "the project \(location) (files: \(files))")
        }
        static func source(_ origin: String) -> Phrase {
            Phrase(da: "Kilde: \(origin). Tal er afrundet til én decimal som i de offentliggjorte tal.",
                   en: "Source: \(origin). Means are rounded to one decimal, as published.")
        }
    }
}
