import KortlaegDomain

/// Where a mapping profile finds what a file tells about a child besides its id: class, school,
/// sex, birth year and birth month (`"attributes"` in a profile).
///
/// Read only when the responses go into a project store (`kortlaeg import --project`); a file
/// written by the stateless import has no place for them. Names are never mapped.
public struct ChildAttributeMapping: Codable, Hashable, Sendable {
    /// The class (e.g. `4.b`); JSON key `class`.
    public var className: FieldReference?
    /// The school.
    public var school: FieldReference?
    /// Sex as written in the file (`f`, `m`, `pige`, `dreng`, …).
    public var sex: FieldReference?
    /// Birth year, four digits.
    public var birthYear: FieldReference?
    /// Birth month, 1–12.
    public var birthMonth: FieldReference?
    /// Birth date (`03-09-2015`, `3.9.2015`, `2015-09-03`, an Excel serial): gives the birth year
    /// and month where those are not mapped; the day is not kept.
    public var birthDate: FieldReference?
    /// The site (municipality) the record comes from; part of the child's identity. Without it a
    /// field named as in ``SiteName/headers`` (`site`, `kommune`, `municipality`, `sted`) is read
    /// (``defaultSite``).
    public var site: FieldReference?

    enum CodingKeys: String, CodingKey {
        case className = "class"
        case school, sex, birthYear, birthMonth, birthDate, site
    }

    /// The site field read when a profile names none: `site` or one of its aliases.
    public static let defaultSite = FieldReference(field: SiteName.headers[0], aliases: Array(SiteName.headers.dropFirst()))

    /// Creates a mapping; every attribute is optional.
    public init(className: FieldReference? = nil, school: FieldReference? = nil, sex: FieldReference? = nil,
                birthYear: FieldReference? = nil, birthMonth: FieldReference? = nil) {
        self.className = className
        self.school = school
        self.sex = sex
        self.birthYear = birthYear
        self.birthMonth = birthMonth
    }

    /// Every reference that is set.
    var references: [FieldReference] {
        [className, school, sex, birthYear, birthMonth, birthDate, site ?? Self.defaultSite].compactMap { $0 }
    }
}
