import KortlaegStore

/// Finds a child in a project by its own id (CPR-shaped or not), its pseudonym, or the first 8 or
/// more characters of the pseudonym, with or without dashes (`3f2a-09bc-77de`).
///
/// Transitional: the report's private copy of the child lookup, until `ChildLookup`
/// (KortlaegProject/Child) replaces it. Messages never repeat the id given.
package enum ReportChildLookup {
    /// The child's pseudonym and stored responses.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when no child matches, ``Severity/invalidInput``
    ///   when several children's pseudonyms start with the characters given.
    package static func find(_ id: String, in store: any ProjectStore) throws(KortlaegError) -> (pseudonym: String, responses: [StoredResponse]) {
        do {
            let pseudonym = try store.pseudonym(for: id)
            let own = try responses(of: pseudonym, in: store)
            if !own.isEmpty { return (pseudonym, own) }
            let hex = id.lowercased().filter { $0 != "-" && $0 != " " }
            guard (8...32).contains(hex.count), hex.allSatisfy(\.isHexDigit) else { throw notFound }
            var matches: Set<String> = []
            try store.responses(ResponseQuery()) { if $0.child.hasPrefix(hex) { matches.insert($0.child) } }
            guard let match = matches.first else { throw notFound }
            guard matches.count == 1 else {
                throw KortlaegError(.invalidInput, "The pseudonym given starts \(matches.count) children's pseudonyms; please give more of its characters.")
            }
            return (match, try responses(of: match, in: store))
        } catch let error as KortlaegError {
            throw error
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
    }

    /// A short label for a pseudonym: its first 12 characters in groups of four (`3f2a-09bc-77de`),
    /// which can never look like a CPR number (at most four digits in a row).
    package static func label(pseudonym: String) -> String {
        let characters = Array(pseudonym.prefix(12))
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    private static let notFound = KortlaegError(.notFound,
        "No child in the project matches the id given (tried it as the child's own id and as a pseudonym). 'kortlaeg status' lists the children by pseudonym.")

    private static func responses(of pseudonym: String, in store: any ProjectStore) throws -> [StoredResponse] {
        var responses: [StoredResponse] = []
        try store.responses(ResponseQuery(child: pseudonym)) { responses.append($0) }
        return responses
    }
}
