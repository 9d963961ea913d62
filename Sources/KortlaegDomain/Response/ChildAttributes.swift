/// What a file may tell about a child besides its id. Names are never stored.
public struct ChildAttributes: Hashable, Sendable {
    /// The class (e.g. "4.b").
    public var className: String?
    /// The school.
    public var school: String?
    /// Birth year (four digits).
    public var birthYear: Int?
    /// Birth month (1–12).
    public var birthMonth: Int?
    /// Sex as given in the file (e.g. "f", "m", "pige", "dreng").
    public var sex: String?
    /// The site (municipality) the child's data come from (`--site` or a `kommune`/`site` column).
    /// Part of the child's identity: the same id at two sites is two children (docs/decisions/sites.md).
    public var site: String?

    /// Creates attributes; all are optional.
    public init(className: String? = nil, school: String? = nil, birthYear: Int? = nil, birthMonth: Int? = nil,
                sex: String? = nil, site: String? = nil) {
        self.className = className
        self.school = school
        self.birthYear = birthYear
        self.birthMonth = birthMonth
        self.sex = sex
        self.site = site
    }
}
