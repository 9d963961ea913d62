import KortlaegDomain

extension Phrasebook {
    /// Who answered, as a column heading or in a sentence: `forælder`, `lærer/pædagog` in Danish,
    /// the informant's id (`parent`, `teacher`) in English.
    static func informant(_ informant: Informant) -> Phrase {
        Phrase(da: informant.danishName, en: informant.rawValue)
    }
}
