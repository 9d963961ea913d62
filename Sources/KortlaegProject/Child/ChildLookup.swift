import Foundation
import KortlaegDomain
import KortlaegReports
import KortlaegStore

/// Finds one child's stored responses by the child's own id (CPR-shaped or not, as in the
/// imported files) or by its pseudonym, whole or its first 8 or more characters, with or without
/// the dashes of ``label(pseudonym:)``.
///
/// Messages never repeat the id given.
public struct ChildLookup {
    /// Why no child was found.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Neither the id nor a pseudonym prefix matches a child with responses.
        case childNotFound
        /// The pseudonym prefix matches several children.
        case ambiguousPseudonym(children: Int)

        public var description: String {
            switch self {
            case .childNotFound:
                "No child in the project matches the id given (tried it as the child's own id and as a pseudonym). "
                    + "'kortlaeg status' lists the children by pseudonym."
            case let .ambiguousPseudonym(children):
                "The pseudonym given starts \(children) children's pseudonyms; please give more of its characters."
            }
        }

        /// The same in Danish, for the web pages.
        public var danish: String {
            switch self {
            case .childNotFound:
                "Intet barn i projektet passer til det angivne id (prøvet som barnets eget id og som pseudonym). "
                    + "Overblikket viser børnene med pseudonym."
            case let .ambiguousPseudonym(children):
                "Det angivne pseudonym er begyndelsen af \(children) børns pseudonymer. Skriv flere af dets tegn."
            }
        }
    }

    /// The project searched.
    public let store: any ProjectStore

    /// A lookup in `store`.
    public init(store: any ProjectStore) {
        self.store = store
    }

    /// The child's pseudonym and stored responses (ordered by occasion, informant and instrument).
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` with a ``Problem`` message when no child
    ///   (or more than one) matches, ``Severity/invalidInput`` when the store cannot be read.
    /// - Parameter site: the child's site, for a child imported with a site tag (`--site`).
    public func find(_ id: String, site: String? = nil) throws(KortlaegError) -> (pseudonym: String, responses: [StoredResponse]) {
        do {
            let pseudonym = try store.pseudonym(for: id, site: site)
            let own = try responses(of: pseudonym)
            if !own.isEmpty { return (pseudonym, own) }
            let hex = id.lowercased().replacingOccurrences(of: "-", with: "").trimmingCharacters(in: .whitespaces)
            guard (8...32).contains(hex.count), hex.allSatisfy(\.isHexDigit) else { throw Problem.childNotFound }
            var matches: Set<String> = []
            try store.responses(ResponseQuery()) { if $0.child.hasPrefix(hex) { matches.insert($0.child) } }
            guard let match = matches.first else { throw Problem.childNotFound }
            guard matches.count == 1 else { throw Problem.ambiguousPseudonym(children: matches.count) }
            return (match, try responses(of: match))
        } catch let problem as Problem {
            throw KortlaegError(.notFound, problem.description, danish: problem.danish)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
    }

    /// A short label for a pseudonym: its first 12 characters in groups of four (`3f2a-09bc-77de`),
    /// which can never look like a CPR number.
    public static func label(pseudonym: String) -> String {
        PseudonymLabel.text(pseudonym)
    }

    private func responses(of pseudonym: String) throws -> [StoredResponse] {
        var responses: [StoredResponse] = []
        try store.responses(ResponseQuery(child: pseudonym)) { responses.append($0) }
        return responses
    }
}
