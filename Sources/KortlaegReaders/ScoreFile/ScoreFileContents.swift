import KortlaegDomain

/// What a score file holds, as ``ScoreFileReader`` read it.
public struct ScoreFileContents: Sendable {
    /// One row of the file.
    public struct Row: Sendable, Equatable {
        /// The row's number (1 = the first data row).
        public var number: Int
        /// The id as written (possibly empty when the input row had none).
        public var id: String
        /// The kept columns (class, school, …) by header name.
        public var attributes: [String: String]
        /// Scores by score id of the target instrument: a value, or nil for an empty cell. Rejected
        /// rows have nil for every score column present.
        public var scores: [String: Double?]
        /// The row's status, when the file has a status column with a known value.
        public var status: ScoreFileFormat.Status?
        /// The row's site (municipality), when the file has a site column (``ScoreFileFormat/siteColumn``).
        public var site: String?

        /// The child's identity: the id qualified by the site when there is one
        /// (``SiteName/qualifiedID(site:id:)``, `aarhus:elev-0001`), else the id.
        public var childKey: String { SiteName.qualifiedID(site: site, id: id) }
    }

    /// The rows in file order.
    public var rows: [Row]
    /// The id column's name.
    public var idColumn: String
    /// The kept columns (neither id, site, score, band nor status), in header order.
    public var attributeColumns: [String]
    /// The site column's name, when the file has one.
    public var siteColumn: String?

    /// Rows with status `rejected`.
    public var rejectedRows: Int { rows.reduce(0) { $0 + ($1.status == .rejected ? 1 : 0) } }

    /// The rows not rejected, as per-child observations (computed scores only). A row with a site
    /// is known by site and id (``Row/childKey``) and carries the site as attribute `site`.
    public var observations: [ChildObservation] {
        var observations: [ChildObservation] = []
        observations.reserveCapacity(rows.count)
        for index in rows.indices where rows[index].status != .rejected {
            var attributes = rows[index].attributes
            if let site = rows[index].site { attributes[ScoreFileFormat.siteColumn] = site }
            observations.append(ChildObservation(id: rows[index].childKey, attributes: attributes,
                                                 values: rows[index].scores.compactMapValues { $0 }))
        }
        return observations
    }
}
