import Foundation
import KortlaegDomain
import KortlaegStore

/// The staff's own labels of children (``ChildLabelStore``): set on the web's child page, shown
/// beside the short pseudonym, searched on the overview. A label never holds a CPR-shaped number;
/// setting one is written to the audit log without its text.
public enum ChildLabels {
    /// The longest label accepted, in characters.
    public static let maximumLength = 60

    /// Every label of the project by pseudonym; empty when the backend keeps none.
    /// - Throws: ``KortlaegError`` for the project.
    public static func all(project: String) throws(KortlaegError) -> [String: String] {
        guard let store = try ProjectLocation.open(project) as? any ChildLabelStore else { return [:] }
        do { return try store.childLabels() } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Jeres egne betegnelser for børnene kunne ikke læses fra projektet.")
        }
    }

    /// Whether the project's backend keeps labels.
    public static func supported(project: String) throws(KortlaegError) -> Bool {
        try ProjectLocation.open(project) is any ChildLabelStore
    }

    /// Sets the label of the child with `pseudonym` (whole, as stored); an empty label removes it.
    /// - Returns: the label as stored (trimmed), or nil when it was removed.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for a label that is too long, holds a
    ///   CPR-shaped number or a control character; ``Severity/notFound`` for an unknown child;
    ///   ``Severity/invalidInput`` when the backend keeps no labels; ``Severity/cannotWrite``.
    @discardableResult
    public static func set(project: String, pseudonym: String, label: String, operator: String) throws(KortlaegError) -> String? {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maximumLength else {
            throw KortlaegError(.usage, "A label has at most \(maximumLength) characters (this one has \(trimmed.count)).",
                                danish: "En betegnelse må højst have \(maximumLength) tegn (denne har \(trimmed.count)).")
        }
        guard !CPRNumber.containsCPR(trimmed) else {
            throw KortlaegError(.usage, "A label must not hold a CPR number. Please use a name or a word only you recognise.",
                                danish: "En betegnelse må ikke indeholde et CPR-nummer. Brug et navn eller et ord, som kun du genkender.")
        }
        guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw KortlaegError(.usage, "A label is one line of text without control characters.",
                                danish: "En betegnelse er én linje tekst uden linjeskift eller andre styretegn.")
        }
        let opened = try ProjectLocation.open(project)
        guard let store = opened as? any ChildLabelStore & ProjectStore else {
            throw KortlaegError(.invalidInput, "\(project): this project store keeps no labels of children.",
                                danish: "Dette projekt kan ikke gemme egne betegnelser for børn.")
        }
        var known = false
        do { try opened.responses(ResponseQuery(child: pseudonym)) { _ in known = true } } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        guard known else {
            throw KortlaegError(.notFound, "No child in the project has this pseudonym.", danish: "Intet barn i projektet har dette pseudonym.")
        }
        do {
            try store.setChildLabel(trimmed.isEmpty ? nil : trimmed, pseudonym: pseudonym)
            try store.recordAudit(action: .label, summary: "label child \(pseudonym) \(trimmed.isEmpty ? "removed" : "set")",
                                  detail: nil, operator: `operator`)
        } catch {
            throw KortlaegError(.cannotWrite, "\(project): the label could not be saved (\(error)).",
                                danish: "Betegnelsen kunne ikke gemmes. Prøv igen.")
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The children whose label contains `text` (case- and diacritic-insensitive), an exact match first.
    /// - Throws: ``KortlaegError`` for the project.
    public static func find(project: String, text: String) throws(KortlaegError) -> [(pseudonym: String, label: String)] {
        let wanted = fold(text)
        guard !wanted.isEmpty else { return [] }
        let matches = try all(project: project).filter { fold($0.value).contains(wanted) }
        return matches.map { (pseudonym: $0.key, label: $0.value) }
            .sorted { (fold($0.label) == wanted ? 0 : 1, $0.label, $0.pseudonym) < (fold($1.label) == wanted ? 0 : 1, $1.label, $1.pseudonym) }
    }

    private static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
