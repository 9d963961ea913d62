import KortlaegDomain
import KortlaegExport

extension TrivselRenderer {
    /// The overview as an HTML table with its notes (for the class page and `kortlaeg report --class`):
    /// one row per indicator, one column per school year (then the national figures), each cell the
    /// mean and the pupils behind it; groups under 5 pupils show `n<5`, as in ``table``.
    public var htmlTable: String {
        let report = overview.report
        let e = XMLText.escape
        let subject = report.school ?? Phrasebook.Trivsel.allSchoolsInProject(language)
        let grade = report.grade.map { Phrasebook.Trivsel.grade($0)(language) } ?? Phrasebook.Trivsel.allGrades(language)
        let national = overview.national?.years ?? []
        var h = "<table>\n<caption>\(e(Phrasebook.Trivsel.title(subject: subject, grade: grade)(language)))</caption>\n"
        h += "<thead><tr><th scope=\"col\">\(e(Phrasebook.Trivsel.indicator(language)))</th>"
        h += report.schoolYears.map { "<th scope=\"col\" class=\"num\">\(e(yearLabel($0)))</th>" }.joined()
        h += national.map { "<th scope=\"col\" class=\"num\">\(e(Phrasebook.Trivsel.national($0.year?.description ?? $0.schoolYear)(language)))</th>" }.joined()
        h += "</tr></thead>\n<tbody>\n"
        for indicator in report.indicators {
            h += "<tr><th scope=\"row\">\(e(name(indicator).label))</th>"
            h += report.schoolYears.map { year in "<td class=\"num\">\(e(report.cell(indicator, year).map { mean($0.aggregate) } ?? "–"))</td>" }.joined()
            h += national.map { year in
                "<td class=\"num\">\(e(year.mean(indicator).map(NumberFormat.fixed(1, language).string) ?? "–"))</td>"
            }.joined()
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n<ul class=\"muted\">\n"
        // The source note names files and the project's path: the page names neither.
        h += notes.dropLast().map { "<li>\(e($0))</li>\n" }.joined()
        return h + "</ul>\n"
    }
}
