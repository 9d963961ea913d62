import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerGroups(on router: Router<BasicRequestContext>) {
        router.get("/class") { request, _ in
            try await page(.anyUser, request) { visit, session in
                guard let name = query(visit, "name") else { return Self.redirect("/") }
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
                    return try html(T.classPicture(name)(visit.language), Self.problem(error), visit, status: .notFound)
                }
                let (style, body) = Self.embedded(report.html)
                return try html(T.classPicture(name)(visit.language), body, visit, head: style)
            }
        }
        router.get("/progress") { request, _ in
            try await page(.anyUser, request) { visit, session in try progress(visit, session) }
        }
    }

    /// Instruments with stored responses, as `id@version`.
    func storedInstruments() throws -> [String] {
        var seen: Set<String> = []
        try ProjectLocation.open(configuration.project).responses(ResponseQuery()) { seen.insert($0.instrument.description) }
        return seen.sorted()
    }

    func progress(_ visit: Visit, _ session: WebLogin.Session) throws -> Response {
        let l = visit.language
        let instruments = try storedInstruments()
        let grid = try ShowMissingForms.run(project: configuration.project)
        let instrument = query(visit, "instrument") ?? instruments.first
        let from = query(visit, "from") ?? grid.occasions.first ?? "T1"
        let to = query(visit, "to") ?? grid.occasions.last ?? "T2"
        let by = query(visit, "by")
        func options(_ values: [String], _ chosen: String?) -> String {
            values.map { "<option\($0 == chosen ? " selected" : "") value=\"\(HTML.e($0))\">\(HTML.e($0))</option>" }.joined()
        }
        var h = "<form method=\"get\" action=\"/progress\" class=\"row\">"
        h += "<div class=\"stack\"><label for=\"instrument\">\(HTML.e(T.instrument(l)))</label><select id=\"instrument\" name=\"instrument\">\(options(instruments, instrument))</select></div>"
        h += "<div class=\"stack\"><label for=\"from\">\(HTML.e(T.from(l)))</label><select id=\"from\" name=\"from\">\(options(grid.occasions, from))</select></div>"
        h += "<div class=\"stack\"><label for=\"to\">\(HTML.e(T.to(l)))</label><select id=\"to\" name=\"to\">\(options(grid.occasions, to))</select></div>"
        h += "<div class=\"stack\"><label for=\"by\">\(HTML.e(T.groupBy(l)))</label><select id=\"by\" name=\"by\"><option value=\"\">\(HTML.e(T.noGrouping(l)))</option>"
            + options(["class", "school", "sex"], by) + "</select></div>"
        h += "<button type=\"submit\">\(HTML.e(T.show(l)))</button></form>"
        if let instrument, from != to {
            let request = AnalyseProgress.Request(source: .project(configuration.project), instrument: instrument, instruments: catalog,
                                                  from: from, to: to, groupBy: by, language: l)
            do {
                var report = try AnalyseProgress.run(request, sink: CollectingSink())
                // A researcher sees group results only: the unpaired children are counted, not listed.
                if !session.role.seesChildren { report.childIDs = .hidden }
                h += "<p>\(HTML.e(T.progressIntro(l)))</p>"
                h += "<pre class=\"report\">\(HTML.message(ProgressTextRenderer(report: report, language: l).text))</pre>"
            } catch {
                h += Self.problem(error)
            }
        }
        return try html(T.progressTitle(l), h, visit)
    }
}
