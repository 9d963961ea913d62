import ArgumentParser
import Foundation
import KortlaegDomain

struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The mapping tool (kortlægningsværktøj) per intervention model: list, show, diff versions.",
        subcommands: [List.self, Show.self, Diff.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the mapping-tool batteries and their versions.",
            discussion: "Example:\n  kortlaeg tool list")
        @OptionGroup var instruments: InstrumentOptions
        @Option(help: "Language of titles: da or en.") var lang: Language = .danish

        func run() throws {
            let batteries = try instruments.batteries()
            print("id\tversion\tmodel\tages\ttitle")
            for (battery, _) in batteries.entries {
                print("\(battery.id)\t\(battery.version)\t\(battery.model.id)\t\(battery.ageRange.minimum)-\(battery.ageRange.maximum)\t\(battery.title.text(lang))")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which instruments each informant answers at each occasion, by age.",
            discussion: "Example:\n  kortlaeg tool show kv-inklusion@0.1.0 --age 10")
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The battery as ID or ID@VERSION.") var battery: String
        @Option(help: "Only what a child of this age (whole years) answers.") var age: Int?
        @Option(help: "Language: da or en.") var lang: Language = .danish

        func run() throws {
            let battery = try instruments.resolveBattery(battery)
            print("\(battery.reference): \(battery.title.text(lang))")
            print("model: \(battery.model.name.text(lang)) (version \(battery.model.modelVersion)); ages \(battery.ageRange.minimum)-\(battery.ageRange.maximum)")
            for occasion in battery.occasions {
                let every = occasion.everyWeeks.map { ", every \($0) weeks (\(occasion.id)1, \(occasion.id)2, …)" } ?? ""
                print("\noccasion \(occasion.id): \(occasion.label.text(lang))\(every)")
                for informant in Informant.allCases {
                    let list = battery.instruments(informant: informant, occasion: occasion.id, age: age)
                    if !list.isEmpty { print("  \(informant.rawValue): \(list.joined(separator: ", "))") }
                }
            }
            for measure in battery.classMeasures ?? [] {
                print("\nclass measure \(measure.id): \(measure.label.text(lang)) at \(measure.occasions.joined(separator: ", "))")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two versions of a battery or an instrument: added, removed and changed items and scales, and which scores stay comparable.",
            discussion: """
                Scores are comparable across versions only through equivalences declared in the instrument data \
                (equivalenceKey); a declared equivalence whose definition changed is flagged.

                Examples:
                  kortlaeg tool diff kv-inklusion@0.1.0 kv-inklusion@0.2.0
                  kortlaeg tool diff sdq-p4-17@1.0.0 sdq-p4-17-fu@1.0.0
                """)
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The old version (battery or instrument, ID@VERSION).") var old: String
        @Argument(help: "The new version.") var new: String

        func run() throws {
            let catalog = try instruments.catalog()
            let batteries = try instruments.batteries()
            if let a = try? batteries.resolve(old), let b = try? batteries.resolve(new) {
                print(BatteryDiffText(old: a, new: b, catalog: catalog).text)
            } else {
                let a = try instruments.resolve(old), b = try instruments.resolve(new)
                print(InstrumentDiffText(InstrumentDiff(old: a, new: b)).lines.joined(separator: "\n"))
            }
        }
    }
}

/// Text for an instrument diff.
struct InstrumentDiffText {
    let diff: InstrumentDiff

    init(_ diff: InstrumentDiff) {
        self.diff = diff
    }

    var lines: [String] {
        var lines = ["\(diff.old) → \(diff.new)"]
        func list(_ title: String, _ values: [String]) {
            if !values.isEmpty { lines.append("  \(title): \(values.joined(separator: ", "))") }
        }
        list("added items", diff.addedItems)
        list("removed items", diff.removedItems)
        for change in diff.changedItems { lines.append("  changed item \(change.id): \(change.details.joined(separator: "; "))") }
        list("added scores", diff.addedScores)
        list("removed scores", diff.removedScores)
        for change in diff.changedScores { lines.append("  changed score \(change.id): \(change.details.joined(separator: "; "))") }
        for entry in diff.comparability {
            switch entry {
            case let .comparable(old, new):
                lines.append("  comparable: \(old) ↔ \(new)")
            case let .comparableByDeclaration(old, new, changes):
                lines.append("  comparable by declaration, definition changed: \(old) ↔ \(new) (\(changes.joined(separator: "; ")))")
            case let .notComparable(old):
                lines.append("  NOT comparable: \(old) (no declared equivalent)")
            }
        }
        if lines.count == 1 { lines.append("  no differences") }
        return lines
    }
}

/// Text for a battery diff: assignments added/removed, then an instrument diff per family.
struct BatteryDiffText {
    let old: Battery
    let new: Battery
    let catalog: InstrumentCatalog

    var text: String {
        var lines = ["\(old.reference) → \(new.reference)"]
        func key(_ a: Battery.Assignment) -> String {
            "\(a.informant.rawValue) \(a.instrument) at \(a.occasions.joined(separator: ","))" + (a.ages.map { " ages \($0.minimum)-\($0.maximum)" } ?? "")
        }
        let oldKeys = old.assignments.map(key), newKeys = new.assignments.map(key)
        for removed in oldKeys where !newKeys.contains(removed) { lines.append("removed: \(removed)") }
        for added in newKeys where !oldKeys.contains(added) { lines.append("added: \(added)") }
        if old.occasions != new.occasions { lines.append("occasions changed: \(old.occasions.map(\.id)) → \(new.occasions.map(\.id))") }
        // Pair instruments by family and informant; diff those whose versions differ.
        let oldInstruments = Set(old.assignments.map(\.instrument)), newInstruments = Set(new.assignments.map(\.instrument))
        for oldReference in oldInstruments.sorted() {
            guard let a = try? catalog.resolve(oldReference) else { continue }
            for newReference in newInstruments.sorted() where newReference != oldReference {
                guard let b = try? catalog.resolve(newReference), a.family == b.family, a.informant == b.informant,
                      a.id == b.id || !newInstruments.contains(oldReference)
                else { continue }
                lines += InstrumentDiffText(InstrumentDiff(old: a, new: b)).lines
            }
        }
        if lines.count == 1 { lines.append("no differences") }
        return lines.joined(separator: "\n")
    }
}
