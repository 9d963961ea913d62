import KortlaegDomain
import KortlaegReports
import KortlaegStore

/// Which form is missing for whom: children × occasion × informant, with what each child has
/// (the web overview's grid). Children are named by pseudonym only.
public enum ShowMissingForms {
    /// One child's row.
    public struct Row: Sendable, Hashable {
        /// The child's pseudonym.
        public var pseudonym: String
        /// The child's class and school, as stored with its first response.
        public var className: String?
        public var school: String?
        /// The occasion × informant pairs with at least one response.
        public var present: Set<Cell>

        /// Whether the child has a response at `occasion` from `informant`.
        public func has(_ occasion: String, _ informant: Informant) -> Bool { present.contains(Cell(occasion: occasion, informant: informant)) }
        /// How many forms of the grid are missing.
        public func missing(in grid: Result) -> Int {
            grid.occasions.reduce(0) { sum, occasion in sum + grid.informants.filter { !has(occasion, $0) }.count }
        }
    }

    /// One occasion and informant.
    public struct Cell: Sendable, Hashable {
        public var occasion: String
        public var informant: Informant
    }

    /// The grid.
    public struct Result: Sendable {
        /// The occasions with responses, in course order.
        public var occasions: [String]
        /// The informants with responses, in ``Informant`` order.
        public var informants: [Informant]
        /// One row per child, by class then pseudonym.
        public var rows: [Row]
        /// The classes of the project, sorted.
        public var classes: [String]
        /// Per occasion the first and the last answer date stored (ISO 8601), when dates were given.
        public var dates: [String: ClosedRange<String>]

        /// The grid's missing forms per occasion and informant (what `kortlaeg status` lists).
        public var list: MissingFormsList {
            MissingFormsList(entries: occasions.flatMap { occasion in
                informants.map { informant in
                    MissingFormsList.Entry(occasion: occasion, informant: informant,
                                           children: rows.filter { !$0.has(occasion, informant) }.map(\.pseudonym).sorted())
                }
            })
        }
    }

    /// The grid of the project, optionally of one class.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` or ``Severity/invalidInput`` for the project.
    public static func run(project: String, className: String? = nil) throws(KortlaegError) -> Result {
        let store = try ProjectLocation.open(project)
        var rows: [String: Row] = [:]
        var occasions: [String: Int] = [:]
        var informants: Set<Informant> = []
        var classes: Set<String> = []
        var dates: [String: ClosedRange<String>] = [:]
        do {
            try store.responses(ResponseQuery()) { response in
                if let name = response.attributes.className { classes.insert(name) }
                if let className, response.attributes.className != className { return }
                occasions[response.occasion.code] = response.occasion.sequence
                informants.insert(response.informant)
                if let date = response.date {
                    let known = dates[response.occasion.code]
                    dates[response.occasion.code] = min(known?.lowerBound ?? date, date)...max(known?.upperBound ?? date, date)
                }
                var row = rows[response.child] ?? Row(pseudonym: response.child, className: response.attributes.className,
                                                      school: response.attributes.school, present: [])
                row.present.insert(Cell(occasion: response.occasion.code, informant: response.informant))
                rows[response.child] = row
            }
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        return Result(occasions: occasions.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key),
                      informants: Informant.allCases.filter(informants.contains),
                      rows: rows.values.sorted { ($0.className ?? "", $0.pseudonym) < ($1.className ?? "", $1.pseudonym) },
                      classes: classes.sorted(), dates: dates)
    }
}
