import Foundation
import KortlaegDomain
import KortlaegReaders

/// The covariates of a score file's rows for an export: the site, and the kept columns
/// (`score --keep`). A kept column named as the import's profile names class, school, sex or
/// birth year (`klasse`, `skole`, `koen`, `fødselsår`, …) becomes that covariate; every other kept
/// column is exported as it is, under its own name.
struct ScoreFileCovariates {
    /// The column names (lowercased) read as a child attribute.
    enum Attribute: CaseIterable {
        case className, school, sex

        var headers: [String] {
            switch self {
            case .className: ["class", "klasse", "klassetrin"]
            case .school: ["school", "skole", "skolenavn"]
            case .sex: ["sex", "køn", "koen", "kon", "gender"]
            }
        }

        func set(_ value: String?, in attributes: inout ChildAttributes) {
            switch self {
            case .className: attributes.className = value
            case .school: attributes.school = value
            case .sex: attributes.sex = value
            }
        }
    }
    static let birthYearHeaders = ["birth_year", "birthyear", "fødselsår", "foedselsaar"]

    /// The kept columns that are not one of the attributes, in file order.
    let further: [String]
    private let attributeColumns: [(Attribute, String)]
    private let birthYearColumn: String?

    init(columns: [String]) {
        var attributes: [(Attribute, String)] = []
        var birthYear: String?
        var further: [String] = []
        for column in columns {
            let lowered = column.lowercased()
            if let attribute = Attribute.allCases.first(where: { $0.headers.contains(lowered) }),
               !attributes.contains(where: { $0.0 == attribute }) {
                attributes.append((attribute, column))
            } else if Self.birthYearHeaders.contains(lowered), birthYear == nil {
                birthYear = column
            } else {
                further.append(column)
            }
        }
        self.further = further
        attributeColumns = attributes
        birthYearColumn = birthYear
    }

    /// The row's site and attributes (a birth year that is not four digits is left out).
    func attributes(of row: ScoreFileContents.Row) -> ChildAttributes {
        var result = ChildAttributes(site: row.site)
        for (attribute, column) in attributeColumns {
            let value = (row.attributes[column] ?? "").trimmingCharacters(in: .whitespaces)
            attribute.set(value.isEmpty ? nil : value, in: &result)
        }
        if let column = birthYearColumn, let text = row.attributes[column]?.trimmingCharacters(in: .whitespaces),
           text.count == 4, let year = Int(text), (1900...2100).contains(year) {
            result.birthYear = year
        }
        return result
    }

    /// The row's values of the further columns.
    func furtherValues(of row: ScoreFileContents.Row) -> [String: String] {
        var values: [String: String] = [:]
        for column in further {
            let value = (row.attributes[column] ?? "").trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { values[column] = value }
        }
        return values
    }
}
