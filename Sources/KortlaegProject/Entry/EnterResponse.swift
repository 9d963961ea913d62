import Crypto
import Foundation
import KortlaegDomain
import KortlaegStore

/// One paper questionnaire typed in by staff (the web's data entry): checked against the
/// instrument's answer scales, scored and stored pinned to the instrument version, as one import
/// (audit-logged like every import). Entering the same answers again changes nothing.
public enum EnterResponse {
    /// What was entered.
    public struct Request: Sendable {
        /// The project.
        public var project: String
        /// The instrument files.
        public var catalog: InstrumentCatalog
        /// The instrument as `ID@VERSION` (or `ID`: the newest version).
        public var instrument: String
        /// The child's own id (a CPR number is accepted, stored only as the pseudonym) or nothing else.
        public var child: String
        /// The occasion code (`T1`, `F1`, `T2`).
        public var occasion: String
        /// The class, if given.
        public var className: String?
        /// Item id → code entered; items left out are unanswered.
        public var answers: [String: Int]
        /// Who entered it (audit log).
        public var `operator`: String

        /// A request.
        public init(project: String, catalog: InstrumentCatalog, instrument: String, child: String, occasion: String,
                    className: String? = nil, answers: [String: Int], operator: String) {
            self.project = project
            self.catalog = catalog
            self.instrument = instrument
            self.child = child
            self.occasion = occasion
            self.className = className
            self.answers = answers
            self.operator = `operator`
        }
    }

    /// The items a form shows: the coded items in their order, with their valid codes (answers and missing codes).
    public static func items(of instrument: Instrument) -> [(item: Item, codes: [AnswerScale.Code])] {
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return instrument.items.sorted { ($0.position ?? 0) < ($1.position ?? 0) }.compactMap { item in
            guard let scale = scales[item.answerScale], [.ordinal, .nominal, .checkbox].contains(scale.kind),
                  item.personalData != true else { return nil }
            return (item, (scale.codes ?? []) + (scale.missingCodes ?? []))
        }
    }

    /// Stores the response.
    /// - Returns: the store's outcome (imported, or already entered).
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for an unknown instrument, occasion, item or
    ///   an invalid code, or an empty child id; ``Severity/invalidInput``/``Severity/cannotWrite``
    ///   for the store.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> ImportOutcome {
        let instrument: Instrument
        do { instrument = try request.catalog.resolve(request.instrument) } catch {
            throw KortlaegError(.usage, "\(error)",
                                danish: "Skemaet »\(CPRNumber.masked(request.instrument))« findes ikke blandt instrumentfilerne. Vælg et skema på listen.")
        }
        guard let occasion = Occasion(request.occasion) else {
            throw KortlaegError(.usage, "'\(CPRNumber.masked(request.occasion))' is not an occasion (T1, F1, F2, …, T2).",
                                danish: "»\(CPRNumber.masked(request.occasion))« er ikke en måling (T1, F1, F2, …, T2).")
        }
        let child = request.child.trimmingCharacters(in: .whitespaces)
        guard !child.isEmpty else {
            throw KortlaegError(.usage, "Please give the child's id.", danish: "Skriv barnets id (fx CPR-nummeret).")
        }
        let entries = items(of: instrument)
        let allowed = Dictionary(entries.map { ($0.item.id, Set($0.codes.map(\.code))) }, uniquingKeysWith: { a, _ in a })
        // The Danish text names an item as the entry form does: its number and short label.
        let shown = Dictionary(entries.enumerated().map { index, entry in
            (entry.item.id, "\(entry.item.position ?? index + 1) (»\(entry.item.label.text(.danish))«)")
        }, uniquingKeysWith: { first, _ in first })
        var answers: [String: AnswerValue] = [:]
        for (item, code) in request.answers {
            guard let codes = allowed[item] else {
                throw KortlaegError(.usage, "\(instrument.reference) has no item '\(item)' to enter.",
                                    danish: "Skemaet \(instrument.reference) har ikke et af de indtastede spørgsmål.")
            }
            guard codes.contains(code) else {
                throw KortlaegError(.usage, "Item \(item): \(code) is not one of its codes (\(codes.sorted().map(String.init).joined(separator: ", "))).",
                                    danish: "Spørgsmål \(shown[item] ?? ""): \(code) er ikke en af svarkoderne (\(codes.sorted().map(String.init).joined(separator: ", "))).")
            }
            answers[item] = .code(code)
        }
        guard !answers.isEmpty else {
            throw KortlaegError(.usage, "No item was answered; nothing to store.",
                                danish: "Intet spørgsmål blev besvaret; der er intet at gemme.")
        }
        let store = try ProjectLocation.open(request.project)
        do {
            let pseudonym = try store.pseudonym(for: child)
            // The same entry twice is one import (same checksum): nothing changes the second time.
            let key = ([instrument.reference.description, pseudonym, occasion.code, request.className ?? ""]
                + answers.keys.sorted().map { "\($0)=\(request.answers[$0]!)" }).joined(separator: "\n")
            let sha = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
            let record = StoredResponseInput(childKey: child, occasion: occasion, informant: instrument.informant,
                                             attributes: ChildAttributes(className: request.className),
                                             response: Response(instrument: instrument.reference, answers: answers), row: 1)
            let outcome = try store.importBatch(ImportBatch(fileName: "entered by \(request.operator)", sha256: sha, profile: "web-entry"),
                                                records: [record], options: ImportOptions(instruments: request.catalog, operator: request.operator))
            sink.note("entered \(instrument.reference) \(occasion.code) for child \(pseudonym.prefix(12))")
            return outcome
        } catch {
            throw KortlaegError(.cannotWrite, "The form could not be stored (\(error)).", danish: "Skemaet kunne ikke gemmes. Prøv igen.")
        }
    }
}
