/// An overview of a project: who answered when, who is missing, the last imports.
public struct ProjectStatus: Hashable, Sendable {
    /// The project's settings.
    public var project: ProjectInfo
    /// The number of children.
    public var childCount: Int
    /// Children with at least one response, per occasion and informant.
    public var counts: [OccasionCount]
    /// For every occasion after T1 that the project has responses at (F1, F2, …, T2), in course
    /// order: the children with a T1 response but none at that occasion.
    public var missing: [MissingOccasion]
    /// Stored trivselsmåling figures (school × trin × school year × indicator).
    public var trivselFigures: Int = 0
    /// The last imports, newest first.
    public var recentImports: [ImportSummary]

    /// Creates the value from its parts.
    package init(project: ProjectInfo, childCount: Int, counts: [OccasionCount], missing: [MissingOccasion], recentImports: [ImportSummary]) {
        self.project = project
        self.childCount = childCount
        self.counts = counts
        self.missing = missing
        self.recentImports = recentImports
    }
}

/// Children with a response at one occasion from one informant.
/// The children with a T1 but no response at one later occasion.
public struct MissingOccasion: Hashable, Sendable {
    /// The occasion code (`F1`, `T2`).
    public var occasion: String
    /// Their pseudonyms, sorted.
    public var children: [String]

    /// Creates the value from its parts.
    package init(occasion: String, children: [String]) {
        self.occasion = occasion
        self.children = children
    }
}

public struct OccasionCount: Hashable, Sendable {
    /// The occasion code (T1, F1, …, T2).
    public var occasion: String
    /// The informant (child, parent, teacher, professional).
    public var informant: String
    /// Distinct children.
    public var children: Int

    /// Creates the value from its parts.
    package init(occasion: String, informant: String, children: Int) {
        self.occasion = occasion
        self.informant = informant
        self.children = children
    }
}

/// One import as listed by `status`.
public struct ImportSummary: Hashable, Sendable {
    /// The file's name.
    public var fileName: String
    /// SHA-256 of the file.
    public var sha256: String
    /// When (ISO 8601, UTC).
    public var importedAt: String
    /// The profile or reader.
    public var profile: String
    /// Who imported.
    public var `operator`: String
    /// Records stored.
    public var accepted: Int
    /// Rejections.
    public var rejected: Int
    /// Responses replaced.
    public var replaced: Int

    /// Creates the value from its parts.
    package init(fileName: String, sha256: String, importedAt: String, profile: String, operator: String, accepted: Int, rejected: Int, replaced: Int) {
        self.fileName = fileName
        self.sha256 = sha256
        self.importedAt = importedAt
        self.profile = profile
        self.operator = `operator`
        self.accepted = accepted
        self.rejected = rejected
        self.replaced = replaced
    }
}
