import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerChild(on router: Router<BasicRequestContext>) {
        router.get("/child/{pseudonym}") { request, context in
            try await page(.children, request) { visit, session in
                // Child pages are addressed by the whole pseudonym only (32 lowercase hex digits), never by
                // the child's own id: a CPR number in the address is not even looked up.
                guard let pseudonym = context.parameters.get("pseudonym"), pseudonym.count == 32,
                      pseudonym.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { throw HTTPError(.notFound) }
                let request = ReportRequest(source: .project(configuration.project), subject: .child(pseudonym, label: nil),
                                            catalog: catalog, language: visit.language, operator: session.user)
                var withViewer = request
                withViewer.shownIn = "the browser"
                let report: ReportResult
                do throws(KortlaegError) {
                    // The use case writes "report child PSEUDONYM … to the browser" to the audit log before the page is shown.
                    report = try ReportUseCase.run(withViewer, sink: CollectingSink())
                } catch {
                    if error.severity == .notFound { throw HTTPError(.notFound) }
                    return try html(T.childTitle(visit.language), Self.problem(error), visit, status: .unprocessableContent)
                }
                let (style, body) = Self.embedded(report.html)
                let label = PseudonymLabel.text(pseudonym)
                let links = "<p class=\"actions\"><a href=\"/\">\(HTML.e(T.backToOverview(visit.language)))</a></p>"
                return try html(T.childTitle(visit.language) + " " + label, links + body, visit, head: style)
            }
        }
    }

    /// The report renderer's style and the contents of its `<main>` (without its own heading), to
    /// show a report inside the site's frame.
    static func embedded(_ page: String) -> (style: String, body: String) {
        func between(_ start: String, _ end: String) -> Substring? {
            guard let from = page.range(of: start), let to = page.range(of: end, range: from.upperBound..<page.endIndex) else { return nil }
            return page[from.upperBound..<to.lowerBound]
        }
        let style = between("<style>", "</style>").map { "<style>\($0)</style>" } ?? ""
        var body = String(between("<main>", "</main>") ?? "")
        if let heading = body.range(of: "</h1>") { body = String(body[heading.upperBound...]) }
        return (style, body)
    }
}
