import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

extension Phrasebook {
    /// The texts of the progress table (`kortlaeg progress`).
    enum Progress {
        /// "1 barn", "6 børn" / "1 child", "6 children".
        static func children(_ n: Int) -> Phrase {
            Phrase(da: n == 1 ? "1 barn" : "\(n) børn", en: n == 1 ? "1 child" : "\(n) children")
        }
        static func title(from: String, to: String) -> Phrase {
            Phrase(da: "Fremskridt fra \(from) til \(to)", en: "Progress from \(from) to \(to)")
        }
        static func pairing(_ pairing: Pairing, from: String, to: String) -> Phrase {
            let (n, before, after, duplicates) = (pairing.pairs.count, pairing.onlyBefore.count, pairing.onlyAfter.count,
                                                  pairing.duplicates.count)
            return Phrase(
                da: "Parret: \(children(n).da). Kun \(from): \(before). Kun \(to): \(after). Dubletter (ikke parret): \(duplicates).",
                en: "Paired: \(children(n).en). Only \(from): \(before). Only \(to): \(after). Duplicates (not paired): \(duplicates).")
        }
        static func only(_ occasion: String) -> Phrase { Phrase(da: "Kun \(occasion)", en: "Only \(occasion)") }
        static let duplicates = Phrase(da: "Dubletter", en: "Duplicates")
        /// The children of a group whose id occurs more than once at one occasion.
        static func groupDuplicates(_ n: Int) -> Phrase {
            Phrase(da: "Dubletter (ikke parret): \(children(n).da) i gruppen har samme id flere gange ved en måling.",
                   en: "Duplicates (not paired): \(children(n).en) of the group \(n == 1 ? "has" : "have") the same id more than once at an occasion.")
        }
        static func more(_ count: Int) -> Phrase {
            Phrase(da: " … og \(count) til (alle står i --per-child)", en: " … and \(count) more (--per-child lists all)")
        }
        static func group(_ name: String) -> Phrase { Phrase(da: "Gruppe: \(name)", en: "Group: \(name)") }
        static let allChildren = Phrase(da: "alle børn", en: "all children")
        static func noGroupValue(_ attribute: String) -> Phrase { Phrase(da: "(ingen \(attribute))", en: "(no \(attribute))") }
        static let lowerIsBetter = Phrase(da: "lavere er bedre", en: "lower is better")
        static let higherIsBetter = Phrase(da: "højere er bedre", en: "higher is better")
        static func suppressed(_ n: Int, threshold: Int) -> Phrase {
            Phrase(da: "\(children(n).da) med begge målinger: for få til at vise tal (under \(threshold)).",
                   en: "\(children(n).en) with both scores: too few to show figures (under \(threshold)).")
        }
        static func means(n: Int, unpaired: Int, before: String, after: String, change: String, lower: String, upper: String,
                          direction: String) -> Phrase {
            Phrase(
                da: "\(children(n).da) (\(unpaired) uden par). Gennemsnit \(before) → \(after); ændring \(change) (95 % konfidensinterval \(lower) til \(upper)): \(direction)",
                en: "\(children(n).en) (\(unpaired) unpaired). Mean \(before) → \(after); change \(change) (95 % confidence interval \(lower) to \(upper)): \(direction)")
        }
        static let better = Phrase(da: "bedre", en: "better")
        static let worse = Phrase(da: "værre", en: "worse")
        static let unchanged = Phrase(da: "uændret", en: "unchanged")
        /// The 95 % interval of the mean change includes 0: no direction is claimed.
        static let noCertainChange = Phrase(da: "ingen sikker ændring", en: "no certain change")
        static func tests(t: String, wilcoxon: String) -> Phrase {
            Phrase(da: "Parret t-test: \(t). Wilcoxon-test med fortegn og rang: \(wilcoxon).",
                   en: "Paired t-test: \(t). Wilcoxon signed-rank test: \(wilcoxon).")
        }
        static func effectSizes(dz: String, dav: String, gz: String, gav: String) -> Phrase {
            Phrase(da: "Effektstørrelse: d_z = \(dz), d_av = \(dav); Hedges' g_z = \(gz), g_av = \(gav).",
                   en: "Effect size: d_z = \(dz), d_av = \(dav); Hedges' g_z = \(gz), g_av = \(gav).")
        }
        static func aboveCutoff(before: String, after: String, mcNemar: String) -> Phrase {
            Phrase(da: "Over grænseværdien: \(before) → \(after); McNemar: \(mcNemar).",
                   en: "Above the cut-off: \(before) → \(after); McNemar: \(mcNemar).")
        }
        static func reliableChange(improved: String, deteriorated: String, n: Int) -> Phrase {
            Phrase(da: "Pålidelig bedring: \(improved); pålidelig forværring: \(deteriorated) (af \(n) med RCI).",
                   en: "Reliable improvement: \(improved); reliable deterioration: \(deteriorated) (of \(n) with an RCI).")
        }
        static func rciNotComputed(_ reason: String) -> Phrase {
            Phrase(da: "Pålidelig ændring (RCI) ikke beregnet: \(reason).", en: "Reliable change (RCI) not computed: \(reason).")
        }
        static func notComputed(_ reason: String) -> Phrase {
            Phrase(da: "ikke beregnet: \(reason)", en: "not computed: \(reason)")
        }
        static let pBelowThousandth = Phrase(da: "p < 0,001", en: "p < 0.001")
        static func addedValueSuppressed(_ n: Int) -> Phrase {
            Phrase(da: "Added Value Score: \(children(n).da), for få til at vise tal.", en: "Added Value Score: \(children(n).en), too few to show figures.")
        }
        static func addedValue(n: Int, mean: String, lower: String, upper: String, effectSize: String) -> Phrase {
            Phrase(da: "Added Value Score (\(children(n).da)): gennemsnit \(mean) (95 % KI \(lower) til \(upper)); effektstørrelse \(effectSize).",
                   en: "Added Value Score (\(children(n).en)): mean \(mean) (95 % CI \(lower) to \(upper)); effect size \(effectSize).")
        }
        static func legend(from: String, to: String, threshold: Int) -> Phrase {
            Phrase(
                da: "Forklaring: ændring = \(to) − \(from). d_z = gennemsnitlig ændring / SD af ændringerne; d_av = gennemsnitlig ændring / gennemsnittet af SD ved \(from) og \(to); Hedges' g = d korrigeret for små grupper. RCI = pålidelig ændringsindeks (Jacobson & Truax 1991): |RCI| > 1,96 er en pålidelig ændring. Grupper under \(threshold) børn vises kun med antal.",
                en: "Legend: change = \(to) − \(from). d_z = mean change / SD of changes; d_av = mean change / mean of the SDs at \(from) and \(to); Hedges' g = d corrected for small groups. RCI = reliable change index (Jacobson & Truax 1991): |RCI| > 1.96 is reliable change. Groups under \(threshold) children show counts only.")
        }
        static let notePrefix = Phrase(da: "Bemærk: ", en: "Note: ")

        /// How many duplicated children a note lists by file and row before "and N more".
        static let listedDuplicateRows = 20

        /// The rows of the children whose id occurs more than once at an occasion.
        static func duplicateRows(_ occasion: String, _ located: [[ProgressNote.RowLocation]]) -> Phrase {
            func list(_ row: String, _ and: String) -> String {
                located.prefix(listedDuplicateRows).map { rows in
                    rows.map { "\($0.file) \(row) \($0.row)" }.joined(separator: " \(and) ")
                }.joined(separator: "; ")
            }
            let more = located.count - listedDuplicateRows
            return Phrase(
                da: "dubletter ved \(occasion) (samme id flere gange, ikke parret): \(children(located.count).da) — "
                    + list("række", "og") + (more > 0 ? " … og \(more) til" : ""),
                en: "duplicates at \(occasion) (the same id more than once, not paired): \(children(located.count).en) — "
                    + list("row", "and") + (more > 0 ? " … and \(more) more" : ""))
        }

        // MARK: Why no RCI

        static func noReliability(_ variable: String) -> Phrase {
            Phrase(da: "ingen reliabilitet er kendt for \(variable): den er ikke indtastet i instrumentdata; angiv --reliability \(variable)=R",
                   en: "no reliability is known for \(variable): not entered in the instrument data; give --reliability \(variable)=R")
        }
        static func noStandardDeviation(_ variable: String) -> Phrase {
            Phrase(da: "ingen norm-SD for \(variable); angiv --sd \(variable)=SD eller --sd-from-baseline",
                   en: "no norm SD for \(variable); give --sd \(variable)=SD or --sd-from-baseline")
        }
        static let sexUnknown = Phrase(da: "børnenes køn er ikke kendt, og norm-SD'erne er angivet efter køn",
                                       en: "the child's sex is not known, and the norm SDs are given by sex")
        static let noBaselineSD = Phrase(da: "SD ved første måling kan ikke beregnes (færre end 2 børn eller ingen variation)",
                                         en: "the baseline SD cannot be computed (fewer than 2 children or no variation)")

        // MARK: Test methods

        static func method(_ method: WilcoxonSignedRank.Method) -> Phrase {
            switch method {
            case .exact:
                return Phrase(da: "eksakt", en: "exact")
            case let .normalApproximation(tieCorrected, continuityCorrected):
                var da = ["normalapproksimation"], en = ["normal approximation"]
                if tieCorrected { da.append("korrigeret for ens rangværdier"); en.append("tie-corrected") }
                if continuityCorrected { da.append("kontinuitetskorrigeret"); en.append("continuity-corrected") }
                return Phrase(da: da.joined(separator: ", "), en: en.joined(separator: ", "))
            }
        }
        static func method(_ method: McNemar.Method) -> Phrase {
            switch method {
            case .exactBinomial: Phrase(da: "eksakt binomialtest", en: "exact binomial")
            case .chiSquaredContinuityCorrected: Phrase(da: "χ² med kontinuitetskorrektion", en: "chi-squared with continuity correction")
            }
        }

        // MARK: Notes

        static func note(_ note: ProgressNote) -> Phrase {
            switch note {
            case let .bands(table, normSet, cutoffLevel):
                Phrase(da: "bånd: \(table) (\(normSet.text(.danish))); grænseværdi: båndniveau ≥ \(cutoffLevel)",
                       en: "bands: \(table) (\(normSet.text(.english))); cut-off: band level ≥ \(cutoffLevel)")
            case let .otherVersions(instrument, versions, target):
                Phrase(da: "besvarelser indsamlet med \(instrument) version \(versions.joined(separator: ", ")) er parret med \(target) gennem de erklærede ækvivalenser",
                       en: "responses collected with \(instrument) version \(versions.joined(separator: ", ")) paired with \(target) through declared equivalences")
            case let .uncomparableScores(count, target):
                Phrase(da: "\(count) gemte scorer har ingen modsvarighed i \(target) og er udeladt",
                       en: "\(count) stored scores have no equivalent in \(target) and were left out")
            case let .otherInstrument(occasion, instrument, target):
                Phrase(da: "\(occasion) er scoret med \(instrument); parret med \(target) gennem de erklærede ækvivalenser",
                       en: "\(occasion) scored with \(instrument); paired with \(target) through declared equivalences")
            case let .rejectedRows(from, before, to, after):
                Phrase(da: "rækker med status 'rejected' er udeladt: \(before) ved \(from), \(after) ved \(to)",
                       en: "rows with status 'rejected' were left out: \(before) at \(from), \(after) at \(to)")
            case let .sampleAlpha(variable, occasion, alpha, n, items, lower, upper, byDefault):
                Phrase(da: "RCI for \(variable): reliabilitet = Cronbachs alfa fra \(occasion)-stikprøven, \(NumberFormat.fixed(3, .danish).string(alpha)) "
                           + "(\(items) spørgsmål, n = \(n), 95 % KI \(NumberFormat.fixed(3, .danish).string(lower)) til "
                           + "\(NumberFormat.fixed(3, .danish).string(upper)), Feldt)"
                           + (byDefault ? "; valgt fordi projektet har mindst 50 fuldstændige \(occasion)-besvarelser og ingen --reliability er angivet" : ""),
                       en: "RCI for \(variable): reliability = Cronbach's alpha from the \(occasion) sample, \(NumberFormat.fixed(3, .english).string(alpha)) "
                           + "(\(items) items, n = \(n), 95 % CI \(NumberFormat.fixed(3, .english).string(lower)) to "
                           + "\(NumberFormat.fixed(3, .english).string(upper)), Feldt)"
                           + (byDefault ? "; chosen because the project has at least 50 complete \(occasion) responses and no --reliability was given" : ""))
            case let .noSampleAlpha(variable, occasion):
                Phrase(da: "RCI for \(variable) beregnes ikke: ingen Cronbachs alfa på spørgsmålsniveau i \(occasion)-stikprøven (fx påvirkningsscoren)",
                       en: "no RCI for \(variable): no item-level Cronbach's alpha in the \(occasion) sample (e.g. the impact score)")
            case let .scoreFiles(occasion, files, rows, sites):
                Phrase(da: "\(occasion): \(files == 1 ? "1 scorefil" : "\(files) scorefiler") med \(rows == 1 ? "1 række" : "\(rows) rækker")"
                           + (sites.isEmpty ? "" : "; steder: \(sites.joined(separator: ", ")) (et barn kendes på sted og id)"),
                       en: "\(occasion): \(files == 1 ? "1 score file" : "\(files) score files") with \(rows == 1 ? "1 row" : "\(rows) rows")"
                           + (sites.isEmpty ? "" : "; sites: \(sites.joined(separator: ", ")) (a child is known by site and id)"))
            case let .filesWithoutSite(files):
                Phrase(da: "uden stedkolonne: \(files.joined(separator: ", ")); deres id'er parres kun med andre filer uden sted",
                       en: "without a site column: \(files.joined(separator: ", ")); their ids pair only with other files without a site")
            case let .duplicateRows(occasion, children):
                duplicateRows(occasion, children)
            case let .normSet(id, source, verified):
                Phrase(da: "normsæt \(id) (valgt med --norm-set): \(source.text(.danish))" + (verified ? "" : "; IKKE VERIFICERET: værdierne kendes kun fra en sekundær kilde"),
                       en: "norm set \(id) (chosen with --norm-set): \(source.text(.english))" + (verified ? "" : "; NOT VERIFIED: the values are known only from a secondary source"))
            }
        }
    }
}
