import Foundation
import Hummingbird
import KortlaegDomain
import KortlaegProject
import KortlaegReports

extension Site {
    func registerGroups(on router: Router<BasicRequestContext>) {
        router.get("/class") { request, _ in
            try await page(.anyUser, request) { visit, session in
                guard let name = query(visit, "name") else { return Self.redirect("/") }
                // A CPR number typed as a class name never reaches the use case (nor its audit entry).
                if CPRNumber.containsCPR(name) {
                    return try html(T.classPicture(name)(visit.language),
                                    "<p class=\"error\" role=\"alert\">\(HTML.e(T.classNameHoldsCPR(visit.language)))</p>", visit, status: .notFound)
                }
                let request = ReportRequest(source: .project(configuration.project), subject: .group(name, school: nil),
                                            catalog: catalog, language: visit.language, operator: session.user)
                var shown = request
                shown.shownIn = "the browser"
                shown.recordAsView = true
                let reference = configuration.instruments.nationalTrivselReferencePath
                if FileManager.default.fileExists(atPath: reference) { shown.trivselReference = reference }
                let report: ReportResult
                do throws(KortlaegError) {
                    // Groups under 5 are suppressed by the class report itself.
                    report = try ReportUseCase.run(shown, sink: CollectingSink())
                } catch {
                    let back = "<p><a href=\"/\">\(HTML.e(T.backToOverview(visit.language)))</a></p>"
                    return try html(T.classPicture(name)(visit.language), problem(error, visit.language) + back, visit, status: .notFound)
                }
                let (style, body) = Self.embedded(report.html)
                return try html(T.classPicture(name)(visit.language), body, visit, head: style)
            }
        }
        router.get("/progress") { request, _ in
            try await page(.anyUser, request) { visit, session in try progress(visit, session) }
        }
    }
}
