import Foundation
import KortlaegDomain

/// What one column of an aggregated trivselsmåling results file holds, recognised from its header.
///
/// Headers are compared case-insensitively with `_` read as a space and runs of spaces collapsed:
/// `År` / `Skoleår`; `Skolenavn` / `Institution` / `Skole`; `Trin` / `Klassetrin`;
/// `Antal elever` / `Antal besvarelser` / `Elever` / `N` (pupils with a score, for the whole row);
/// one of an indicator's column names (`resultColumns` in the instrument file: `Social trivsel`,
/// `Generel skoletrivsel`, …) for its mean; `<indicator> antal` for its own pupil
/// count; `<indicator> andel >3` / `andel >4` (also `andel over 4`) for the share (in %) with the
/// highest well-being under that definition.
///
/// `Antal karakterer` (number of grades, in the public school sample) is deliberately not a pupil count.
public enum TrivselColumn: Hashable, Sendable {
    case schoolYear
    case school
    case grade
    /// Pupils with a score, for every indicator of the row.
    case pupils
    /// An indicator's mean.
    case mean(TrivselIndicator)
    /// An indicator's own pupil count.
    case indicatorPupils(TrivselIndicator)
    /// An indicator's share (%) with the highest well-being.
    case share(TrivselIndicator, HighestWellBeingDefinition)

    /// Recognises a header, or returns nil for a column the reader ignores.
    /// - Parameter indicators: The indicators the instrument files define, with their column names.
    public static func recognise(_ header: String, indicators: TrivselIndicators) -> TrivselColumn? {
        let name = normalise(header)
        switch name {
        case "år", "aar", "skoleår", "skoleaar", "skole år": return .schoolYear
        case "skolenavn", "skole", "institution", "institutionsnavn", "skole navn": return .school
        case "trin", "klassetrin", "klassetrinsgruppe", "klassetrin gruppe": return .grade
        case "antal elever", "antal besvarelser", "elever", "n", "antal": return .pupils
        default: break
        }
        for definition in indicators.definitions {
            for column in definition.resultColumns {
                let indicatorName = normalise(column)
                guard name.hasPrefix(indicatorName) else { continue }
                let indicator = definition.indicator
                let rest = name.dropFirst(indicatorName.count).trimmingCharacters(in: " ()-")
                if rest.isEmpty || rest == "gennemsnit" || rest == "gns" { return .mean(indicator) }
                if rest == "antal" || rest == "antal elever" || rest == "n" { return .indicatorPupils(indicator) }
                let share = rest.filter { !" ()%".contains($0) }
                if share == "andel>3" || share == "andelover3" { return .share(indicator, .above3) }
                if share == "andel>4" || share == "andelover4" { return .share(indicator, .above4) }
                return nil
            }
        }
        return nil
    }

    static func normalise(_ header: String) -> String {
        let lowered = header.lowercased().replacingOccurrences(of: "_", with: " ")
        return lowered.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }).joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var slice = self
        while let c = slice.first, characters.contains(c) { slice = slice.dropFirst() }
        while let c = slice.last, characters.contains(c) { slice = slice.dropLast() }
        return String(slice)
    }
}
