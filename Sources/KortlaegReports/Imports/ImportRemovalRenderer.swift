import KortlaegDomain
import KortlaegStore

/// Writes what removing an import did (or, in a dry run, would do) for PPR staff.
public struct ImportRemovalRenderer: Sendable {
    /// The removal.
    public var removal: ImportRemoval
    /// The language of the text.
    public var language: Language

    /// A renderer.
    public init(removal: ImportRemoval, language: Language = .danish) {
        self.removal = removal
        self.language = language
    }

    private typealias Text = Phrasebook.Imports

    /// The heading line: "Import 3 (a.csv) er fjernet." or the dry run's.
    public var headline: String {
        let batch = removal.batch
        return removal.dryRun ? Text.wouldRemove(batch.id, batch.fileName)(language) : Text.didRemove(batch.id, batch.fileName)(language)
    }

    /// The facts, one sentence each (who imported it when, what goes, what stays, what is not restored).
    public var facts: [String] {
        let batch = removal.batch
        let dryRun = removal.dryRun
        var facts = [Text.importedBy(batch.importedAt, batch.operator)(language),
                     Text.responses(removal.removedResponses, dryRun: dryRun)(language),
                     Text.children(removal.removedChildren, dryRun: dryRun)(language)]
        if removal.removedTrivselFigures > 0 { facts.append(Text.figures(removal.removedTrivselFigures, dryRun: dryRun)(language)) }
        if removal.handedOver > 0 { facts.append(Text.handedOver(removal.handedOver)(language)) }
        if removal.notRestored > 0 { facts.append(Text.notRestored(removal.notRestored)(language)) }
        if !dryRun { facts += [Text.canImportAgain(language), Text.recorded(language)] }
        return facts
    }

    /// The whole text, ending with a newline.
    public var text: String {
        ([headline] + facts.map { "  " + $0 }).joined(separator: "\n") + "\n"
    }
}
