import KortlaegDomain

/// A readable text rendering of an instrument for `instruments show`.
struct InstrumentDescription {
    let instrument: Instrument
    let language: Language

    var text: String {
        var lines: [String] = []
        let ages = instrument.ageRange.map { ", ages \($0.minimum)-\($0.maximum)" } ?? ""
        lines.append("\(instrument.reference): \(instrument.title.text(language))")
        lines.append("informant: \(instrument.informant.rawValue)\(ages); family: \(instrument.family)")
        lines.append("")
        lines.append("Items:")
        for item in instrument.items {
            let aliases = item.aliases.map { " (also: \($0.joined(separator: ", ")))" } ?? ""
            lines.append("  \(item.position.map { String($0) } ?? "-")\t\(item.variable)\t\(item.label.text(language))\t[\(item.answerScale)]\(aliases)")
        }
        lines.append("")
        lines.append("Scores:")
        for scale in instrument.scales {
            var rule = "\(scale.method.rawValue) of \(scale.items.joined(separator: ", "))"
            if let reversed = scale.reversed, !reversed.isEmpty { rule += "; reversed: \(reversed.joined(separator: ", "))" }
            if let recode = scale.recode {
                rule += "; recode " + recode.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: " ")
            }
            let required = scale.missing.requiredAnswers(itemCount: scale.items.count)
            rule += "; needs \(required) answered"
            if scale.missing.prorate == true { rule += ", prorated to \(scale.items.count) items" }
            if let value = scale.missing.unansweredCountsAs { rule += ", unanswered count as \(value)" }
            if scale.rounding == .halfUpToInteger { rule += ", rounded half up" }
            if scale.verified == false { rule += " (UNVERIFIED membership: opt-in only)" }
            lines.append("  \(scale.variable)\t\(scale.label.text(language))\t\(rule)")
            for condition in scale.conditions ?? [] {
                let only = condition.onlyWith.map { " [only with \($0.option)=\($0.choice)]" } ?? ""
                lines.append("    rule: \(condition.name)\(only)")
            }
        }
        for derived in instrument.derivedScores ?? [] {
            lines.append("  \(derived.variable)\t\(derived.label.text(language))\t\(derived.method.rawValue) of \(derived.of.joined(separator: " + ")); missing if any part is")
        }
        if let options = instrument.ruleOptions, !options.isEmpty {
            lines.append("")
            lines.append("Rule options (--rule OPTION=CHOICE):")
            for option in options {
                lines.append("  \(option.id): \(option.description)")
                for choice in option.choices {
                    lines.append("    \(choice.id)\(choice.id == option.defaultChoice ? " (default)" : ""): \(choice.description)")
                }
            }
        }
        let labels = Dictionary((instrument.bandLabels ?? []).map { ($0.id, $0.label.text(language)) }, uniquingKeysWith: { a, _ in a })
        for table in instrument.bandTables ?? [] {
            lines.append("")
            lines.append("Bands \(table.id) (column suffix _\(table.columnSuffix)); norm set: \(table.normSet)")
            lines.append("  source: \(table.source)")
            for score in table.scores.keys.sorted() {
                let entry = table.scores[score]!
                let bands = entry.bands.map { band in
                    let range = band.minimum == band.maximum ? fmt(band.minimum) : "\(fmt(band.minimum))-\(fmt(band.maximum))"
                    return "\(range) \(labels[band.label] ?? band.label)"
                }.joined(separator: " / ")
                lines.append("  \(score)\t\(bands)\(entry.verified ? "" : "  (verify)")")
            }
        }
        lines.append("")
        lines.append("Provenance: \(instrument.provenance.publisher); licence: \(instrument.provenance.licence)")
        for note in instrument.provenance.notes ?? [] { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }

    private func fmt(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
