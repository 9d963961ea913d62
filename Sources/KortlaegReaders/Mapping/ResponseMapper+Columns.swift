import KortlaegDomain

/// What each column of a table is read as, for a front end that lets the user map the rest.
extension ResponseMapper {
    /// The use a mapper makes of one column.
    public enum ColumnRole: Hashable, Sendable {
        /// The child id.
        case childId
        /// The occasion, the informant or the date.
        case occasion, informant, date
        /// A child attribute (`class`, `school`, `sex`, `birthYear`, `birthMonth`, `birthDate`, `site`).
        case attribute(String)
        /// The answer to this item (its id).
        case item(String)
        /// Not read.
        case unmatched
    }

    /// The role of each column of `header`, in order. An item is read from the first of its
    /// source columns present (as ``map(_:)`` does); a later column with another of its names is
    /// unmatched. Attributes count only when the mapper ``readsChildAttributes``.
    public func columnRoles(_ header: [String]) -> [ColumnRole] {
        let names = header.map { $0.lowercased() }
        let present = Set(names)
        var readFrom: [String: String] = [:]  // lowercased column → item id
        for plan in plans {
            guard let source = plan.sources.first(where: present.contains), readFrom[source] == nil else { continue }
            readFrom[source] = instrument.items[plan.itemIndex].id
        }
        var special: [(FieldReference?, ColumnRole)] = [(profile.childId, .childId), (profile.occasion, .occasion),
                                                        (profile.informant, .informant), (profile.date, .date)]
        if readsChildAttributes {
            let attributes = profile.attributes ?? ChildAttributeMapping()
            special += [(attributes.className, .attribute("class")), (attributes.school, .attribute("school")),
                        (attributes.sex, .attribute("sex")), (attributes.birthYear, .attribute("birthYear")),
                        (attributes.birthMonth, .attribute("birthMonth")), (attributes.birthDate, .attribute("birthDate")),
                        (attributes.site ?? ChildAttributeMapping.defaultSite, .attribute("site"))]
        }
        var taken: Set<Int> = []
        var roles = Array(repeating: ColumnRole.unmatched, count: header.count)
        for (reference, role) in special {
            guard let reference else { continue }
            // The first name of the reference (field, then aliases) that a column has.
            for name in reference.fieldNames {
                if let index = names.indices.first(where: { names[$0] == name && !taken.contains($0) }) {
                    roles[index] = role
                    taken.insert(index)
                    break
                }
            }
        }
        var used: Set<String> = []
        for index in names.indices where !taken.contains(index) {
            if let item = readFrom[names[index]], used.insert(item).inserted { roles[index] = .item(item) }
        }
        return roles
    }
}
