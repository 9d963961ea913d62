import KortlaegDomain

/// `instruments show`: an instrument's items, scores and their rules, rule options, band tables
/// and provenance, as text.
public struct InstrumentDescriptionText: Sendable {
    /// The instrument described.
    public var instrument: Instrument
    /// The language of labels and headings.
    public var language: Language

    /// A text in `language`.
    public init(instrument: Instrument, language: Language) {
        self.instrument = instrument
        self.language = language
    }

    /// The description (no trailing newline).
    public var text: String {
        let say = language
        var lines: [String] = []
        let ages = instrument.ageRange.map { "\($0.minimum)-\($0.maximum)" }
        lines.append("\(instrument.reference): \(instrument.title.text(say))")
        lines.append(Phrasebook.informantLine(instrument.informant.rawValue, ages: ages, family: instrument.family)(say))
        lines.append("")
        lines.append(Phrasebook.itemsHeading(say))
        lines += TextTable(header: [], rows: instrument.items.map { item in
            [item.position.map { String($0) } ?? "-", item.variable, item.label.text(say),
             "[\(item.answerScale)]" + (item.aliases.map { " " + Phrasebook.alsoCalled($0.joined(separator: ", "))(say) } ?? "")]
        }, indent: 2).lines
        lines.append("")
        lines.append(Phrasebook.scoresHeading(say))
        lines += scoreLines()
        if let options = instrument.ruleOptions, !options.isEmpty {
            lines.append("")
            lines.append(Phrasebook.ruleOptionsHeading(say))
            for option in options {
                lines.append("  \(option.id): \(option.description)")
                for choice in option.choices {
                    let marker = choice.id == option.defaultChoice ? " " + Phrasebook.defaultChoice(say) : ""
                    lines.append("    \(choice.id)\(marker): \(choice.description)")
                }
            }
        }
        lines += bandLines()
        lines.append("")
        lines.append(Phrasebook.provenance(instrument.provenance.publisher, licence: instrument.provenance.licence)(say))
        for note in instrument.provenance.notes ?? [] { lines.append("  " + Phrasebook.note(note)(say)) }
        return lines.joined(separator: "\n")
    }

    /// One table row per score, its rules (conditions) on the lines below it.
    private func scoreLines() -> [String] {
        let say = language
        var rows: [[String]] = [], below: [[String]] = []
        for scale in instrument.scales {
            var rule = [Phrasebook.methodOf(scale.method.rawValue, scale.items.joined(separator: ", "))(say)]
            if let reversed = scale.reversed, !reversed.isEmpty { rule.append(Phrasebook.reversedItems(reversed.joined(separator: ", "))(say)) }
            if let recode = scale.recode {
                rule.append(Phrasebook.recoded(recode.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: " "))(say))
            }
            var needs = [Phrasebook.needsAnswered(scale.missing.requiredAnswers(itemCount: scale.items.count))(say)]
            if scale.missing.prorate == true { needs.append(Phrasebook.proratedTo(scale.items.count)(say)) }
            if let value = scale.missing.unansweredCountsAs { needs.append(Phrasebook.unansweredCountAs(value)(say)) }
            if scale.rounding == .halfUpToInteger { needs.append(Phrasebook.roundedHalfUp(say)) }
            rule.append(needs.joined(separator: ", "))
            let unverified = scale.verified == false ? " " + Phrasebook.unverifiedMembership(say) : ""
            rows.append([scale.variable, scale.label.text(say), rule.joined(separator: "; ") + unverified])
            below.append((scale.conditions ?? []).map { condition in
                "    " + Phrasebook.rule(condition.name)(say)
                    + (condition.onlyWith.map { " " + Phrasebook.onlyWith($0.option, $0.choice)(say) } ?? "")
            })
        }
        for derived in instrument.derivedScores ?? [] {
            rows.append([derived.variable, derived.label.text(say),
                         Phrasebook.methodOf(derived.method.rawValue, derived.of.joined(separator: " + "))(say) + "; "
                            + Phrasebook.missingIfAnyPartIs(say)])
            below.append([])
        }
        var lines: [String] = []
        for (line, extra) in zip(TextTable(header: [], rows: rows, indent: 2).lines, below) {
            lines.append(line)
            lines += extra
        }
        return lines
    }

    /// Each band table: the ranges and labels of every score.
    private func bandLines() -> [String] {
        let say = language
        let number = NumberFormat.upTo(3, say)
        let labels = Dictionary((instrument.bandLabels ?? []).map { ($0.id, $0.label.text(say)) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for table in instrument.bandTables ?? [] {
            lines.append("")
            lines.append(Phrasebook.bandsHeading(table.id, suffix: table.columnSuffix, normSet: table.normSetText.text(say))(say))
            lines.append("  " + Phrasebook.bandSource(table.sourceText.text(say))(say))
            lines += TextTable(header: [], rows: table.scores.keys.sorted().map { score in
                let entry = table.scores[score]!
                let bands = entry.bands.map { band in
                    let range = band.minimum == band.maximum
                        ? number.string(band.minimum) : "\(number.string(band.minimum))-\(number.string(band.maximum))"
                    return "\(range) \(labels[band.label] ?? band.label)"
                }.joined(separator: " / ")
                return [score, bands + (entry.verified ? "" : "  " + Phrasebook.verify(say))]
            }, indent: 2).lines
        }
        return lines
    }
}
