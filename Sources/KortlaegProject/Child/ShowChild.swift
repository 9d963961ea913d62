import KortlaegDomain
import KortlaegProgress
import KortlaegStore

/// One child across informants and occasions (`kortlaeg child`): the child's stored responses,
/// scored, arranged as a ``ChildOverview`` (strengths first, informants side by side, goals).
public enum ShowChild {
    /// Which child, from which project, how.
    public struct Request: Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String
        /// The child's own id (a CPR number is accepted and never shown) or its pseudonym (or its first 8+ characters).
        public var child: String
        /// The instrument files the project's responses were collected with.
        public var instruments: InstrumentCatalog
        /// The language of band labels.
        public var language: Language
        /// Include the goals' free texts (personal data).
        public var includeFreeText: Bool
        /// The child's site, when the child was imported with a site tag (the site is part of its identity).
        public var site: String?

        /// A request.
        public init(project: String, child: String, instruments: InstrumentCatalog, language: Language = .danish,
                    includeFreeText: Bool = false) {
            self.project = project
            self.child = child
            self.instruments = instruments
            self.language = language
            self.includeFreeText = includeFreeText
        }
    }

    /// The child found and its overview.
    public struct Result: Sendable {
        /// The child's pseudonym (the only name shown).
        public var pseudonym: String
        /// The attributes of the child's first response (class, school).
        public var attributes: ChildAttributes
        /// The arranged overview.
        public var overview: ChildOverview
    }

    /// Finds the child and arranges its overview.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when there is no such project or child,
    ///   ``Severity/invalidInput`` when the project cannot be read or names an instrument version
    ///   the instrument files do not have.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let store = try ProjectLocation.open(request.project)
        let (pseudonym, responses) = try ChildLookup(store: store).find(request.child, site: request.site)
        var entries: [ChildOverview.Entry] = []
        for response in responses {
            let instrument: Instrument
            do {
                instrument = try request.instruments.instrument(response.instrument)
            } catch {
                throw KortlaegError(.invalidInput, "\(response.instrument) is stored in the project but is not in the instrument "
                    + "files. Point --instruments at the folder the project was scored with.",
                                    danish: "\(response.instrument) er gemt i projektet, men findes ikke i instrumentfilerne. "
                    + "Den, der driver Kortlæg, skal pege på den mappe med instrumentfiler, som projektet blev scoret med.")
            }
            var values: [String: Double?] = [:]
            for score in response.scores { values[score.id] = .some(score.value) }
            entries.append(ChildOverview.Entry(occasion: response.occasion.code, order: response.occasion.sequence,
                                               informant: response.informant, instrument: instrument,
                                               answers: response.answers, values: values))
        }
        let overview = ChildOverview(entries: entries, language: request.language, includeFreeText: request.includeFreeText)
        return Result(pseudonym: pseudonym, attributes: responses[0].attributes, overview: overview)
    }
}
