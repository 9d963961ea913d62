import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerChild(on router: Router<BasicRequestContext>) {
        router.get("/child/{pseudonym}") { request, context in
            try await page(.children, request) { visit, session in
                try childPage(try Self.pseudonym(context), visit, session, audience: .staff, problem: nil)
            }
        }
        router.get("/child/{pseudonym}/parent") { request, context in
            try await page(.children, request) { visit, session in
                try childPage(try Self.pseudonym(context), visit, session, audience: .parent, problem: nil)
            }
        }
        router.post("/child/{pseudonym}/label") { request, context in
            try await page(.children, request) { visit, session in
                let pseudonym = try Self.pseudonym(context)
                let fields = try await form(visit, session)
                do throws(KortlaegError) {
                    try ChildLabels.set(project: configuration.project, pseudonym: pseudonym, label: fields["label"] ?? "", operator: session.user)
                } catch {
                    if error.severity == .notFound { throw HTTPError(.notFound) }
                    // The label typed is not shown again (it may hold what was refused).
                    return try childPage(pseudonym, visit, session, audience: .staff, problem: problem(error, visit.language), status: .unprocessableContent)
                }
                return Self.redirect("/child/\(pseudonym)")
            }
        }
    }

    /// The pseudonym of a child page's address: the whole pseudonym only (32 lowercase hex digits),
    /// never the child's own id: a CPR number in the address is not even looked up.
    static func pseudonym(_ context: BasicRequestContext) throws -> String {
        guard let pseudonym = context.parameters.get("pseudonym"), pseudonym.count == 32,
              pseudonym.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { throw HTTPError(.notFound) }
        return pseudonym
    }

    /// The child's page for staff or its parent version, through the report use case (the same
    /// renderer as `kortlaeg report`), which writes "view child PSEUDONYM … to the browser" to the
    /// audit log before the page is shown.
    func childPage(_ pseudonym: String, _ visit: Visit, _ session: WebLogin.Session, audience: ReportRequest.Audience,
                   problem: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let l = visit.language
        var request = ReportRequest(source: .project(configuration.project), subject: .child(pseudonym, label: nil),
                                    catalog: catalog, language: l, operator: session.user)
        request.shownIn = "the browser"
        request.recordAsView = true
        request.audience = audience
        let report: ReportResult
        do throws(KortlaegError) {
            report = try ReportUseCase.run(request, sink: CollectingSink())
        } catch {
            if error.severity == .notFound { throw HTTPError(.notFound) }
            return try html(T.childTitle(l), self.problem(error, l), visit, status: .unprocessableContent)
        }
        let labelsKept = try ChildLabels.supported(project: configuration.project)
        let own = try labelsKept ? ChildLabels.all(project: configuration.project)[pseudonym] : nil
        let short = PseudonymLabel.text(pseudonym)
        let (style, body) = Self.embedded(report.html)
        switch audience {
        case .parent:
            let links = "<p class=\"actions\"><a href=\"/child/\(pseudonym)\">\(HTML.e(T.backToChild(l)))</a> · \(HTML.e(T.printHint(l)))</p>"
            return try html(Phrasebook.Parent.title(own ?? short)(l), links + body, visit, head: style)
        case .staff:
            var links = "<p class=\"actions\"><a href=\"/\">\(HTML.e(T.backToOverview(l)))</a> · "
                + "<a href=\"/child/\(pseudonym)/parent\">\(HTML.e(T.parentVersion(l)))</a></p>"
            links += problem ?? ""
            if labelsKept {
                links += """
                    <form method="post" action="/child/\(pseudonym)/label" class="row actions">\(csrfField(session))
                    <div class="stack"><label for="label">\(HTML.e(T.ownLabel(l)))</label>
                    <input id="label" name="label" maxlength="\(ChildLabels.maximumLength)" autocomplete="off" value="\(HTML.e(own ?? ""))"></div>
                    <button type="submit">\(HTML.e(T.saveLabel(l)))</button></form>
                    """
            }
            let title = T.childTitle(l) + " " + short + (own.map { " (\($0))" } ?? "")
            return try html(title, links + body, visit, status: status, head: style)
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
