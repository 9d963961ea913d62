import Foundation

/// What a project is about; set once by `kortlaeg init`.
public struct ProjectInfo: Hashable, Sendable {
    /// The municipality (kommune), e.g. "Aarhus".
    public var municipality: String?
    /// The intervention model, e.g. "Tværfaglig indsats for inklusion i skolen".
    public var interventionModel: String?
    /// The version of the shared mapping tool (fælles kortlægningsværktøj).
    public var toolVersion: String?
    /// When the project was created.
    public var createdAt: Date?

    /// Creates project settings.
    public init(municipality: String? = nil, interventionModel: String? = nil, toolVersion: String? = nil,
                createdAt: Date? = nil) {
        self.municipality = municipality
        self.interventionModel = interventionModel
        self.toolVersion = toolVersion
        self.createdAt = createdAt
    }
}
